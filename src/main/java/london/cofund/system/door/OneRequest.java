package london.cofund.system.door;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd;
import org.camunda.bpm.engine.impl.cmd.CreateGroupQueryCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantQueryCmd;
import org.camunda.bpm.engine.impl.cmd.CreateUserQueryCmd;
import org.camunda.bpm.engine.impl.cmd.GetFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessApplicationForDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One read of a user's grants, of whether revokes concern them, and of a filter with its check, for
 * one request.
 *
 * <p>Tasklist asks engine-rest for a filter's list with HAL, and engine-rest then lists the tasks,
 * counts them and reads their variables, in commands of the same request. Each would read the
 * user's grants again ({@link UserGrants}, for {@link TaskListNarrowing} and {@link
 * VariableListNarrowing}; a borough officer has one per task offered to their borough). For the
 * length of one request the grants read first are used again, held in Spring's request attributes
 * (Spring's {@code RequestContextFilter} sets them for every request, engine-rest's included). The
 * two commands were never one transaction: a task offered between them could already make the count
 * differ from the list, as it can in the engine's own answer. The same request reads the filter,
 * with its {@code READ} check, three times (engine-rest for itself, then each command): {@link
 * FilterReadOnce} reads it once.
 *
 * <p>Nothing is kept beyond a request, so a grant or revoke is seen by the next one; and outside a
 * request (the job executor, the application's own calls) everything is read every time. Within a
 * request, what was read is forgotten after every command that may write ({@link Forgetting}:
 * anything but a query, a filter's read or run, and an authorization check), so a grant or revoke
 * made by the request itself is seen by its next command.
 */
@Component
final class OneRequest extends AbstractProcessEnginePlugin {

  private static final String ATTRIBUTE = OneRequest.class.getName() + ".";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Forgetting());
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new Forgetting());
  }

  /** Forgets what the request has read once a command that may write has run (or failed). */
  static final class Forgetting extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } finally {
        if (!reading(command)) {
          forget();
        }
      }
    }

    /**
     * Commands that write nothing: queries (and the identity service's making of one), a filter's
     * read and run, an authorization check, and the lookup of a deployment's process application
     * (which engine-rest makes to read variables).
     */
    static boolean reading(Command<?> command) {
      return command instanceof AbstractQuery
          || command instanceof CreateGroupQueryCmd
          || command instanceof CreateUserQueryCmd
          || command instanceof CreateTenantQueryCmd
          || command instanceof AbstractExecuteFilterCmd
          || command instanceof GetFilterCmd
          || command instanceof AuthorizationCheckCmd
          || command instanceof GetProcessApplicationForDeploymentCmd;
    }
  }

  /** Forgets everything this request has read once. */
  static void forget() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return;
    }
    for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
      if (name.startsWith(ATTRIBUTE)) {
        request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
      }
    }
  }

  /**
   * What {@code read} answers for this key, read once per request ({@code null} answers included);
   * outside a request, read every time.
   */
  static <T> T once(String what, List<Object> key, Supplier<T> read) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read.get();
    }
    String name = ATTRIBUTE + what + " " + key;
    @SuppressWarnings("unchecked")
    Optional<T> held = (Optional<T>) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (held == null) {
      held = Optional.ofNullable(read.get());
      request.setAttribute(name, held, RequestAttributes.SCOPE_REQUEST);
    }
    return held.orElse(null);
  }
}
