package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.GetFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessApplicationForDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link OneRequest}: a user's grants are read once per request, and every time outside one; a
 * command that may write makes the request read again.
 */
class OneRequestTest {

  final AtomicInteger reads = new AtomicInteger();
  final Supplier<Set<String>> read =
      () -> {
        reads.incrementAndGet();
        return Set.of("task-1");
      };

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void withinOneRequestTheGrantsAreReadOnceForTheSameUser() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));

    assertThat(OneRequest.once("grants", key("westminster"), read)).containsExactly("task-1");
    assertThat(OneRequest.once("grants", key("westminster"), read)).containsExactly("task-1");
    assertThat(reads).hasValue(1);

    OneRequest.once("grants", key("camden"), read);
    assertThat(reads).as("another user's grants are their own").hasValue(2);

    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.once("grants", key("westminster"), read);
    assertThat(reads).as("the next request reads again").hasValue(3);
  }

  @Test
  void outsideARequestTheGrantsAreReadEveryTime() {
    OneRequest.once("grants", key("westminster"), read);
    OneRequest.once("grants", key("westminster"), read);
    assertThat(reads).hasValue(2);
  }

  @Test
  void anAnswerOfNothingIsRememberedAsSuch() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    Supplier<Set<String>> none =
        () -> {
          reads.incrementAndGet();
          return null;
        };
    assertThat(OneRequest.once("grants", key("mopac"), none)).isNull();
    assertThat(OneRequest.once("grants", key("mopac"), none)).isNull();
    assertThat(reads).hasValue(1);
  }

  @Test
  void aCommandThatMayWriteMakesTheRequestReadAgainAndAQueryDoesNot() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.once("grants", key("westminster"), read);

    for (Command<?> reading :
        List.<Command<?>>of(
            new TaskQueryImpl(),
            new GetFilterCmd("filter"),
            new ExecuteFilterCountCmd("filter"),
            new GetProcessApplicationForDeploymentCmd("deployment"))) {
      run(reading);
    }
    OneRequest.once("grants", key("westminster"), read);
    assertThat(reads).as("after queries and a filter's read").hasValue(1);

    run(new DeleteAuthorizationCmd("a-grant"));
    OneRequest.once("grants", key("westminster"), read);
    assertThat(reads).as("after a command that may write").hasValue(2);
  }

  @Test
  void aCommandThatFailsMakesTheRequestReadAgainToo() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.once("grants", key("westminster"), read);
    OneRequest.Forgetting forgetting = new OneRequest.Forgetting();
    forgetting.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            throw new IllegalStateException("the database went away");
          }
        });

    assertThatThrownBy(() -> forgetting.execute(new DeleteAuthorizationCmd("a-grant")))
        .isInstanceOf(IllegalStateException.class);
    OneRequest.once("grants", key("westminster"), read);
    assertThat(reads).hasValue(2);
  }

  /** Runs the command through the interceptor, the engine's own part left out. */
  static void run(Command<?> command) {
    OneRequest.Forgetting forgetting = new OneRequest.Forgetting();
    forgetting.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> ignored) {
            return null;
          }
        });
    forgetting.execute(command);
  }

  /** Who asks: what a user's grants depend on. */
  static List<Object> key(String user) {
    return List.of(user, List.of("borough-" + user));
  }
}
