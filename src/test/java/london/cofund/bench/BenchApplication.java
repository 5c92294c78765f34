package london.cofund.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import london.cofund.CoFundApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CoFund as a benchmark runs it: the demo's users on a fresh H2 file under {@code target/bench/},
 * durable at commit as the demo is, on a free port, with the tests' settings (no background job
 * executor: the benchmark drives the jobs) and quiet logs.
 */
final class BenchApplication {

  static final Path DIR = Path.of("target", "bench");

  private BenchApplication() {}

  /**
   * Starts CoFund on a fresh H2 file, or on the empty PostgreSQL database that the system property
   * {@code bench.postgres} names (for example {@code jdbc:postgresql://127.0.0.1:5432/bench}, as
   * user {@code postgres}).
   */
  static ConfigurableApplicationContext start(String databaseName) throws IOException {
    return start(databaseName, "");
  }

  /**
   * The same, with settings added to an H2 URL (for example {@code ;OPTIMIZE_REUSE_RESULTS=FALSE},
   * so that no repeated call is answered from H2's cache of results).
   */
  static ConfigurableApplicationContext start(String databaseName, String h2Settings)
      throws IOException {
    return start(databaseName, h2Settings, new String[0]);
  }

  /**
   * The same, with more arguments that win over the tests' settings (for example {@code
   * --camunda.bpm.job-execution.enabled=true}, the job executor on as in production).
   */
  static ConfigurableApplicationContext start(
      String databaseName, String h2Settings, String... arguments) throws IOException {
    Files.createDirectories(DIR);
    String postgres = System.getProperty("bench.postgres");
    String db =
        DIR.toAbsolutePath().resolve(databaseName + "-" + System.currentTimeMillis()).toString();
    String url =
        postgres != null
            ? postgres
            : "jdbc:h2:file:"
                + db
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256"
                + h2Settings;
    return new SpringApplicationBuilder(CoFundApplication.class)
        .profiles("demo", "test")
        // Arguments, not default properties: they must win over application-test.yml.
        .run(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + (postgres != null ? "postgres" : "sa"),
                        // As the prod profile sets it (application-prod.yml); on H2 harmless.
                        "--spring.datasource.hikari.connection-init-sql="
                            + (postgres != null
                                ? "SET plan_cache_mode = force_custom_plan"
                                : "SELECT 1"),
                        "--logging.level.root=warn",
                        "--logging.level.london.cofund=error"),
                    java.util.Arrays.stream(arguments))
                .toArray(String[]::new));
  }

  /** Which database the benchmark runs on, for its report. */
  static String database() {
    return System.getProperty("bench.postgres") != null ? "PostgreSQL" : "an H2 file";
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
