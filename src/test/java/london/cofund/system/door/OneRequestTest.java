package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.GetFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessApplicationForDeploymentCmd;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
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
  void withinOneRequestTheGrantsAreReadOnceForTheSameUserAndCheck() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));

    assertThat(OneRequest.grantedTasks(check("westminster"), read)).containsExactly("task-1");
    assertThat(OneRequest.grantedTasks(check("westminster"), read)).containsExactly("task-1");
    assertThat(reads).hasValue(1);

    OneRequest.grantedTasks(check("camden"), read);
    assertThat(reads).as("another user's grants are their own").hasValue(2);

    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.grantedTasks(check("westminster"), read);
    assertThat(reads).as("the next request reads again").hasValue(3);
  }

  @Test
  void outsideARequestTheGrantsAreReadEveryTime() {
    OneRequest.grantedTasks(check("westminster"), read);
    OneRequest.grantedTasks(check("westminster"), read);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aListThatCannotBeNarrowedIsRememberedAsSuch() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    Supplier<Set<String>> none =
        () -> {
          reads.incrementAndGet();
          return null;
        };
    assertThat(OneRequest.grantedTasks(check("mopac"), none)).isNull();
    assertThat(OneRequest.grantedTasks(check("mopac"), none)).isNull();
    assertThat(reads).hasValue(1);
  }

  @Test
  void aCommandThatMayWriteMakesTheRequestReadAgainAndAQueryDoesNot() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.grantedTasks(check("westminster"), read);

    for (Command<?> reading :
        List.<Command<?>>of(
            new TaskQueryImpl(),
            new GetFilterCmd("filter"),
            new ExecuteFilterCountCmd("filter"),
            new GetProcessApplicationForDeploymentCmd("deployment"))) {
      run(reading);
    }
    OneRequest.grantedTasks(check("westminster"), read);
    assertThat(reads).as("after queries and a filter's read").hasValue(1);

    run(new DeleteAuthorizationCmd("a-grant"));
    OneRequest.grantedTasks(check("westminster"), read);
    assertThat(reads).as("after a command that may write").hasValue(2);
  }

  @Test
  void aCommandThatFailsMakesTheRequestReadAgainToo() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    OneRequest.grantedTasks(check("westminster"), read);
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
    OneRequest.grantedTasks(check("westminster"), read);
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

  static AuthorizationCheck check(String user) {
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthUserId(user);
    check.setAuthGroupIds(List.of("borough-" + user));
    PermissionCheck read = new PermissionCheck();
    read.setResource(Resources.TASK);
    read.setPermission(Permissions.READ);
    check.getPermissionChecks().addAtomicCheck(read);
    return check;
  }
}
