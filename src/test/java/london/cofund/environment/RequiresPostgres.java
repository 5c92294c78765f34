package london.cofund.environment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs a PostgreSQL server at 127.0.0.1:5432 ({@link PostgresCondition}): skipped with
 * the reason where there is none, failed under {@code CI=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresCondition.class)
public @interface RequiresPostgres {}
