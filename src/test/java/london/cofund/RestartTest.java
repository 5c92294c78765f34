package london.cofund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default run keeps its work in an H2 file: what was written before a restart is there after
 * it. Runs the real application twice on one file, with an engine name of its own so that it does
 * not disturb the shared test context's engine.
 */
class RestartTest {

  @Test
  void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("cofund").toAbsolutePath() + ";AUTO_SERVER=FALSE";

    try (ConfigurableApplicationContext first = start(url)) {
      IdentityService identity = first.getBean(IdentityService.class);
      User user = identity.newUser("restart-probe");
      user.setEmail("probe@cofund.example.org");
      user.setPassword("a-long-probe-password");
      identity.saveUser(user);
    }

    try (ConfigurableApplicationContext second = start(url)) {
      IdentityService identity = second.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("restart-probe").singleResult())
          .extracting(User::getEmail)
          .isEqualTo("probe@cofund.example.org");
      assertThat(identity.createUserQuery().userId("mopac").count())
          .as("demo users are not created twice")
          .isEqualTo(1);
    }
  }

  static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(CoFundApplication.class)
        .profiles("demo")
        .run(
            "--spring.datasource.url=" + url,
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.generate-unique-process-application-name=true",
            "--camunda.bpm.job-execution.enabled=false",
            "--cofund.mail.sink-port=0");
  }
}
