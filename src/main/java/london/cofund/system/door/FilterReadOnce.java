package london.cofund.system.door;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.springframework.stereotype.Component;

/**
 * A filter and its {@code READ} check are read once per request and user.
 *
 * <p>Engine-rest answers Tasklist's list of a filter with three commands in one request (it reads
 * the filter for itself, then lists, then counts), and each read the filter and checked the user's
 * {@code READ} on it again: a tenth of the list's time. Within one request, for the same user and
 * groups with the check made, the first read's answer is used again ({@link OneRequest}); a refusal
 * is not kept, so it is made again. Nothing is kept beyond the request, and outside one (or with
 * the check not made) the engine reads as it always did.
 */
@Component
class FilterReadOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReplacedManager.install(configuration, FilterManager.class, Manager::new);
  }

  /** The engine's filter manager, reading a filter once per request and user. */
  static class Manager extends FilterManager {

    @Override
    public FilterEntity findFilterById(String filterId) {
      CommandContext command = Context.getCommandContext();
      Authentication user = command.getAuthentication();
      if (filterId == null
          || !isAuthorizationEnabled()
          || !command.isAuthorizationCheckEnabled()
          || user == null
          || user.getUserId() == null) {
        return super.findFilterById(filterId);
      }
      List<Object> key = new ArrayList<>();
      key.add(filterId);
      key.add(user.getUserId());
      key.add(user.getGroupIds() == null ? List.of() : new ArrayList<>(user.getGroupIds()));
      return OneRequest.once("filter", key, () -> super.findFilterById(filterId));
    }
  }
}
