package london.cofund.system.door;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * The variables that Tasklist shows in a list (a filter's variables, for the tasks of one page) are
 * read without the engine's authorization join, and then kept exactly as that join would keep them.
 *
 * <p>The engine authorizes a variable query by joining each variable to all the user's grants
 * {@code on AUTH.RESOURCE_ID_ in (RES.PROC_INST_ID_, PROC_EXECUTION.ID_, PROCDEF.KEY_,
 * RES.TASK_ID_, '*')}. A borough officer holds a grant per task offered to their borough, so for
 * the 15 tasks of a page PostgreSQL read all of the officer's grants by a scan of the grant table
 * and compared them with each variable: 4.7 ms, the largest statement of a Tasklist list ({@code
 * docs/performance.md}, "Third pass").
 *
 * <p>For a query that names its variables' scopes and is not paged (engine-rest's HAL list asks
 * so), for a user without revokes, the user's grants are read first ({@link UserGrants}) and the
 * query runs without the join; a variable is then kept when the join would have kept it: it belongs
 * to a case, or a grant names its task, its process instance or everything ({@code *}). The
 * engine's own query runs instead whenever that could differ: a revoke, a grant on a process
 * definition's instances, a grant whose resource id is a process definition's key (the join
 * compares every grant with the definition's key too), the engine's stricter variable permissions,
 * or any other check.
 */
@Component
class VariableListNarrowing extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReplacedManager.install(configuration, VariableInstanceManager.class, Manager::new);
  }

  /** The engine's variable manager, with unpaged lists by scope read without the join. */
  static class Manager extends VariableInstanceManager {

    @Override
    public List<VariableInstance> findVariableInstanceByQueryCriteria(
        VariableInstanceQueryImpl query, Page page) {
      configureQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      Set<String> granted = narrowable(query, page, check) ? grantedIds(check) : null;
      if (granted == null) {
        return getDbEntityManager()
            .selectList("selectVariableInstanceByQueryCriteria", query, page);
      }
      List<VariableInstance> all;
      check.setAuthorizationCheckEnabled(false);
      try {
        all = getDbEntityManager().selectList("selectVariableInstanceByQueryCriteria", query, page);
      } finally {
        check.setAuthorizationCheckEnabled(true);
      }
      if (granted.contains(Authorization.ANY)) {
        return all;
      }
      List<VariableInstance> kept = new ArrayList<>();
      for (VariableInstance variable : all) {
        if (variable.getCaseExecutionId() != null
            || granted.contains(variable.getTaskId())
            || granted.contains(variable.getProcessInstanceId())) {
          kept.add(variable);
        }
      }
      return kept;
    }

    static boolean narrowable(
        VariableInstanceQueryImpl query, Page page, AuthorizationCheck check) {
      // Not a page of the list: the variables left out below would make a page come out short.
      return page == null
          && query.getFirstResult() == 0
          && query.getMaxResults() == Integer.MAX_VALUE
          && query.getVariableScopeIds() != null
          && query.getVariableScopeIds().length > 0
          && check.getShouldPerformAuthorizatioCheck()
          && check.getAuthUserId() != null
          && !check.isRevokeAuthorizationCheckEnabled()
          && isVariableReadCheck(check.getPermissionChecks());
    }

    /**
     * The engine's check for variables (without its stricter variable permissions): read the
     * process instance, read the instances of its definition, or read the task.
     */
    static boolean isVariableReadCheck(CompositePermissionCheck checks) {
      if (!checks.isDisjunctive() || !checks.getCompositeChecks().isEmpty()) {
        return false;
      }
      List<String> actual =
          checks.getAtomicChecks().stream().map(VariableListNarrowing.Manager::shape).toList();
      return actual.size() == VARIABLE_READ.size() && VARIABLE_READ.equals(Set.copyOf(actual));
    }

    /** The engine's three checks for variables, each as resource type, column and permission. */
    private static final Set<String> VARIABLE_READ =
        Set.of(
            shape(Resources.PROCESS_INSTANCE, "RES.PROC_INST_ID_", Permissions.READ),
            shape(Resources.PROCESS_DEFINITION, "PROCDEF.KEY_", Permissions.READ_INSTANCE),
            shape(Resources.TASK, "RES.TASK_ID_", Permissions.READ));

    private static String shape(Resource resource, String column, Permission permission) {
      return resource.resourceType() + " " + column + " " + permission.getValue();
    }

    private static String shape(PermissionCheck check) {
      return check.getResourceType()
          + " "
          + check.getResourceIdQueryParam()
          + " "
          + check.getPermission().getValue();
    }

    /**
     * The resource ids of the user's grants that the engine's join would keep, or {@code null} when
     * keeping variables by them could differ from the join.
     */
    static Set<String> grantedIds(AuthorizationCheck check) {
      List<PermissionCheck> permissions = check.getPermissionChecks().getAtomicChecks();
      Set<String> ids = new HashSet<>();
      for (UserGrants.Grant grant : UserGrants.read(check, permissions)) {
        PermissionCheck satisfied = grant.satisfied(permissions);
        if (satisfied == null) {
          continue;
        }
        if (satisfied.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()) {
          return null;
        }
        ids.add(grant.resourceId());
      }
      if (ids.isEmpty() || ids.contains(Authorization.ANY)) {
        return ids;
      }
      Set<String> keys = UserGrants.processDefinitionKeys();
      keys.retainAll(ids);
      return keys.isEmpty() ? ids : null;
    }
  }
}
