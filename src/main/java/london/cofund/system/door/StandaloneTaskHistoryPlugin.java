package london.cofund.system.door;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * Closes the history of standalone tasks (tasks created outside every process, as an administrator
 * can through {@code POST /engine-rest/task/create} or Tasklist's "Create task").
 *
 * <p>By default the engine skips authorization on the history of such tasks: anybody signed in
 * reads them through {@code GET /engine-rest/history/task}. With historic instance permissions on,
 * their history needs a {@code HISTORIC_TASK} grant instead. The engine would then also hand each
 * candidate and assignee a {@code HISTORIC_TASK} grant on their task, which would let a borough
 * officer read task history that CoFund's roles keep from them; {@link NoHistoricTaskGrants} stops
 * that, so history stays readable exactly as the process-definition grants say ({@code
 * docs/security.md}, "History").
 */
@Component
class StandaloneTaskHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setResourceAuthorizationProvider(new NoHistoricTaskGrants());
  }

  /** The engine's own grants on users, groups, filters and tasks, without per-task history. */
  static class NoHistoricTaskGrants extends DefaultAuthorizationProvider {
    @Override
    protected boolean isHistoricInstancePermissionsEnabled() {
      return false;
    }
  }
}
