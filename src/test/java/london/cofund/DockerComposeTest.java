package london.cofund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is read against the application:
 * valid YAML, the three services, the prod profile, and every CoFund variable one the application
 * reads.
 */
class DockerComposeTest {

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheProdProfileAgainstPostgresAndMailpit() throws IOException {
    Map<String, Object> compose = load(Path.of("docker-compose.yml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsOnlyKeys("app", "db", "mailpit");

    Map<String, Object> app = (Map<String, Object>) services.get("app");
    assertThat(app.get("build")).isEqualTo(".");
    assertThat(Files.readString(Path.of("Dockerfile"))).contains("EXPOSE 8080");
    assertThat((List<String>) app.get("ports")).contains("8080:8080");
    Map<String, Object> env = (Map<String, Object>) app.get("environment");
    assertThat(env)
        .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/cofund")
        .containsEntry("SPRING_MAIL_HOST", "mailpit")
        .containsKeys(
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "COFUND_ADMIN_USER",
            "COFUND_ADMIN_PASSWORD",
            "SPRING_MAIL_PORT");

    Map<String, Object> db = (Map<String, Object>) services.get("db");
    Map<String, Object> dbEnv = (Map<String, Object>) db.get("environment");
    assertThat(dbEnv.get("POSTGRES_USER")).isEqualTo(env.get("SPRING_DATASOURCE_USERNAME"));
    assertThat(dbEnv.get("POSTGRES_PASSWORD")).isEqualTo(env.get("SPRING_DATASOURCE_PASSWORD"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCoFundVariableOfComposeIsOneTheApplicationReads() throws IOException {
    Map<String, Object> app =
        (Map<String, Object>)
            ((Map<String, Object>) load(Path.of("docker-compose.yml")).get("services")).get("app");
    String configuration =
        Files.readString(Path.of("src/main/resources/application.yml"))
            + Files.readString(Path.of("src/main/resources/application-prod.yml"));
    Set<String> keys = new LinkedHashSet<>();
    flatten("", load(Path.of("src/main/resources/application.yml")), keys);
    for (String variable : ((Map<String, Object>) app.get("environment")).keySet()) {
      if (!variable.startsWith("COFUND_")) {
        continue;
      }
      boolean placeholder = configuration.contains("${" + variable);
      boolean bound =
          keys.stream()
              .anyMatch(
                  key ->
                      key.replace("-", "").replace('.', '_').toUpperCase().equals(variable)
                          || key.replace('-', '_')
                              .replace('.', '_')
                              .toUpperCase()
                              .equals(variable));
      assertThat(placeholder || bound).as(variable + " is read by the application").isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> map, Set<String> keys) {
    map.forEach(
        (key, value) -> {
          String name = prefix.isEmpty() ? key : prefix + "." + key;
          if (value instanceof Map<?, ?> nested) {
            flatten(name, (Map<String, Object>) nested, keys);
          } else {
            keys.add(name);
          }
        });
  }

  private static Map<String, Object> load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new Yaml().load(in);
    }
  }
}
