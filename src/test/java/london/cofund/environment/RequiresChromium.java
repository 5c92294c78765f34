package london.cofund.environment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test drives a real Chromium through chromedriver, both on the PATH ({@link
 * ChromiumCondition}): skipped with the reason where either is missing, failed under {@code
 * CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {}
