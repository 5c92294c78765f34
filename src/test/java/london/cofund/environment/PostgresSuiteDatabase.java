package london.cofund.environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring tests' context on PostgreSQL instead of H2, for the process suite's second run
 * (pom.xml, surefire's {@code postgres-suite} execution, system property {@code
 * cofund.test.database=postgres}): a database of its own on the machine's server (created here,
 * dropped when the JVM ends), the engine's tables made by Flyway as in {@code prod}. Only contexts
 * of the {@code test} profile ({@code @CoFundSpringTest}) are moved; others choose their own.
 */
public final class PostgresSuiteDatabase implements EnvironmentPostProcessor {

  static final String SWITCH = "cofund.test.database";
  private static String url;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!"postgres".equals(System.getProperty(SWITCH))
        || !Arrays.asList(environment.getActiveProfiles()).contains("test")) {
      return;
    }
    var missing = new PostgresCondition().missing();
    if (missing.isPresent()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("The PostgreSQL suite needs " + missing.get());
      }
      System.out.println("The PostgreSQL suite runs on H2: " + missing.get());
      return;
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "postgres-suite",
                Map.of(
                    "spring.datasource.url",
                    database(),
                    "spring.datasource.username",
                    "postgres",
                    "spring.datasource.password",
                    "",
                    "camunda.bpm.database.schema-update",
                    "false")));
  }

  /** One database per JVM, whichever context asks first. */
  private static synchronized String database() {
    if (url != null) {
      return url;
    }
    String server = "jdbc:postgresql://" + PostgresCondition.address() + "/";
    String name = "cofund_suite_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(server + "test", "postgres", "")) {
      admin.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The PostgreSQL suite needs the server at " + PostgresCondition.address(), e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection admin =
                      DriverManager.getConnection(server + "test", "postgres", "")) {
                    admin
                        .createStatement()
                        .execute("drop database if exists " + name + " with (force)");
                  } catch (SQLException e) {
                    System.err.println("Could not drop " + name + ": " + e.getMessage());
                  }
                }));
    url = server + name;
    System.out.println("The Spring tests run on PostgreSQL: " + url);
    return url;
  }
}
