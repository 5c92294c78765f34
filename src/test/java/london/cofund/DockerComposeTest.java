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
 * valid YAML, two prod nodes behind nginx (its configuration in deploy/nginx.conf), PostgreSQL and
 * Mailpit, a health check on every service, and every CoFund variable one the application reads.
 */
class DockerComposeTest {

  static final List<String> NODES = List.of("app-a", "app-b");

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTwoProdNodesBehindNginxOnPostgresWithMailpit() throws IOException {
    Map<String, Object> compose = load(Path.of("docker-compose.yml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsOnlyKeys("app-a", "app-b", "proxy", "db", "mailpit");
    assertThat(Files.readString(Path.of("Dockerfile"))).contains("EXPOSE 8080");

    Set<Object> nodeNames = new LinkedHashSet<>();
    for (String name : NODES) {
      Map<String, Object> app = (Map<String, Object>) services.get(name);
      assertThat(app.get("build")).isEqualTo(".");
      assertThat(app).as(name + " is reached through the proxy only").doesNotContainKey("ports");
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
              "SPRING_MAIL_PORT",
              "COFUND_NODE_NAME");
      nodeNames.add(env.get("COFUND_NODE_NAME"));
      Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
      assertThat((Map<String, Object>) dependsOn.get("db"))
          .as(name + " waits for the database")
          .containsEntry("condition", "service_healthy");

      Map<String, Object> db = (Map<String, Object>) services.get("db");
      Map<String, Object> dbEnv = (Map<String, Object>) db.get("environment");
      assertThat(dbEnv.get("POSTGRES_USER")).isEqualTo(env.get("SPRING_DATASOURCE_USERNAME"));
      assertThat(dbEnv.get("POSTGRES_PASSWORD")).isEqualTo(env.get("SPRING_DATASOURCE_PASSWORD"));
    }
    assertThat(nodeNames).as("each node its own COFUND_NODE_NAME").hasSize(NODES.size());

    for (var service : services.entrySet()) {
      Map<String, Object> healthcheck =
          (Map<String, Object>) ((Map<String, Object>) service.getValue()).get("healthcheck");
      assertThat(healthcheck).as(service.getKey() + " has a health check").isNotNull();
      assertThat(healthcheck.get("test")).as(service.getKey()).isNotNull();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProxyIsNginxInFrontOfBothNodesWithItsConfigurationInTheRepository() throws IOException {
    Map<String, Object> services =
        (Map<String, Object>) load(Path.of("docker-compose.yml")).get("services");
    Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
    assertThat((String) proxy.get("image")).startsWith("nginx:");
    assertThat((List<String>) proxy.get("ports")).containsExactly("8080:80");
    Map<String, Object> dependsOn = (Map<String, Object>) proxy.get("depends_on");
    assertThat(dependsOn).containsKeys(NODES.toArray(String[]::new));
    String volume = ((List<String>) proxy.get("volumes")).get(0);
    String file = volume.substring(0, volume.indexOf(':'));
    assertThat(volume).contains(":/etc/nginx/conf.d/default.conf");
    String nginx = Files.readString(Path.of(file));
    for (String node : NODES) {
      assertThat(nginx).contains("server " + node + ":8080");
    }
    assertThat(nginx)
        .contains("proxy_pass http://cofund;")
        .contains("X-Forwarded-For")
        .contains("X-Forwarded-Proto")
        .contains("location = /nginx-health");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCoFundVariableOfComposeIsOneTheApplicationReads() throws IOException {
    Map<String, Object> services =
        (Map<String, Object>) load(Path.of("docker-compose.yml")).get("services");
    String configuration =
        Files.readString(Path.of("src/main/resources/application.yml"))
            + Files.readString(Path.of("src/main/resources/application-prod.yml"));
    Set<String> keys = new LinkedHashSet<>();
    flatten("", load(Path.of("src/main/resources/application.yml")), keys);
    for (String node : NODES) {
      Map<String, Object> app = (Map<String, Object>) services.get(node);
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
