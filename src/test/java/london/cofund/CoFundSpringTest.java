package london.cofund;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test context that tests share: the whole application on a random port, demo data,
 * an in-memory database and the job executor off. Keeping every Spring test on this one annotation
 * keeps one cached context, and so one engine named "default" (which engine-rest and the webapps
 * resolve) in the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = CoFundApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface CoFundSpringTest {}
