package london.cofund.system.door;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Makes a signed-in officer's task lists fast without changing who sees what.
 *
 * <p>The engine authorizes a task list by joining every task to the user's grants {@code on
 * AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. Every task offered to a group carries a grant of
 * its own, so with 10,000 open tasks the database compared the user's few hundred grants with every
 * open task: Westminster's Tasklist list took 730 ms on H2 and 1.6 s on PostgreSQL ({@code
 * docs/performance.md}, "Tasklist's lists").
 *
 * <p>When the user's task grants name tasks one by one (a borough officer's do), this first reads
 * those grants, with the engine's own conditions (the user, everyone ({@code *}) and the user's
 * groups; {@code READ} on {@code TASK}; grants, not revokes), in one statement of indexed lookups,
 * and puts their task ids in the query as {@code taskIdIn}. The database then starts from those
 * tasks:
 *
 * <ul>
 *   <li>Without revokes for the user, the ids are exactly the tasks the engine's join would keep,
 *       so the join is left out of the statement: the check was made, the same way, beforehand.
 *   <li>With a revoke (an assessor's, on proposals they may no longer assess), the engine's check
 *       stays in the statement as it is, revokes and all; the ids only make it start small.
 * </ul>
 *
 * <p>The one difference from the engine's join: a {@code TASK} grant that names a process
 * definition's key rather than a task's id does not show that definition's tasks. The engine's
 * check of a single task ({@code GET /engine-rest/task/{id}}, Tasklist's task form) never honoured
 * such a grant either, and CoFund never makes one: the list now agrees with the single-task door.
 *
 * <p>The query is left to the engine whenever the ids could not stand for the check: a grant on
 * every task ({@code *}), any grant to read the tasks of a process definition, case tasks, a query
 * for one task id, or more than {@link #LIMIT} granted tasks.
 */
@Component
class TaskListNarrowing extends AbstractProcessEnginePlugin {

  /** Above this many granted tasks the statement would be long; the engine's own query runs. */
  static final int LIMIT = 1_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReplacedManager.install(configuration, TaskManager.class, NarrowingTaskManager::new);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    TaskIdsAtOnce.install(configuration);
  }

  /** The engine's task manager, with task-list queries narrowed to the user's granted tasks. */
  static class NarrowingTaskManager extends TaskManager {

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      configureQuery(query);
      Set<String> granted = grantedTasks(query);
      if (granted != null && granted.isEmpty()) {
        return new ArrayList<>();
      }
      return narrowed(
          query,
          granted,
          () -> getDbEntityManager().selectList("selectTaskByQueryCriteria", query));
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
      configureQuery(query);
      Set<String> granted = grantedTasks(query);
      if (granted != null && granted.isEmpty()) {
        return 0;
      }
      return narrowed(
          query,
          granted,
          () -> (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query));
    }

    /**
     * Runs the statement with the granted ids in the query and, where they stand for the check,
     * without the engine's join; then leaves the query as the caller built it (it may be listed and
     * counted again, and a filter's saved query must not be written back with the ids in it).
     */
    static <T> T narrowed(TaskQueryImpl query, Set<String> granted, Supplier<T> statement) {
      if (granted == null) {
        return statement.get();
      }
      String[] asked = query.getTaskIdIn();
      AuthorizationCheck check = query.getAuthCheck();
      boolean checkedBeforehand = !check.isRevokeAuthorizationCheckEnabled();
      try {
        if (checkedBeforehand) {
          check.setAuthorizationCheckEnabled(false);
        }
        return TaskIdsAtOnce.withIds(query, intersection(granted, asked), statement);
      } finally {
        check.setAuthorizationCheckEnabled(true);
        setTaskIdIn(query, asked);
      }
    }

    /**
     * The ids of the tasks that the user's grants name one by one, or {@code null} when the list
     * cannot be narrowed exactly (the engine's query then runs as it is).
     */
    Set<String> grantedTasks(TaskQueryImpl query) {
      AuthorizationCheck check = query.getAuthCheck();
      if (!narrowable(query, check)) {
        return null;
      }
      return readGrantedTasks(check);
    }

    static boolean narrowable(TaskQueryImpl query, AuthorizationCheck check) {
      // The getter, not shouldPerformAuthorizatioCheck(): it is what the engine's SQL reads (checks
      // enabled and any permission check to make).
      return check.getShouldPerformAuthorizatioCheck()
          && check.getAuthUserId() != null
          && !check.isUseLeftJoin()
          && query.getTaskId() == null
          && isTaskReadCheck(check.getPermissionChecks());
    }

    /** The grants read from the database: the ids, or {@code null} for the engine's own query. */
    Set<String> readGrantedTasks(AuthorizationCheck check) {
      List<PermissionCheck> permissions = check.getPermissionChecks().getAtomicChecks();
      Set<String> tasks = new LinkedHashSet<>();
      for (UserGrants.Grant grant : UserGrants.read(check, permissions)) {
        PermissionCheck permission = grant.satisfied(permissions);
        if (permission == null) {
          continue;
        }
        if (permission.getResourceType() != Resources.TASK.resourceType()
            || Authorization.ANY.equals(grant.resourceId())) {
          return null;
        }
        tasks.add(grant.resourceId());
        if (tasks.size() > LIMIT) {
          return null;
        }
      }
      return tasks;
    }

    /** The engine's check for task lists: read the task, or read the tasks of its definition. */
    static boolean isTaskReadCheck(CompositePermissionCheck checks) {
      if (!checks.isDisjunctive()
          || !checks.getCompositeChecks().isEmpty()
          || checks.getAtomicChecks().isEmpty()) {
        return false;
      }
      for (PermissionCheck permission : checks.getAtomicChecks()) {
        boolean task =
            permission.getResourceType() == Resources.TASK.resourceType()
                && "RES.ID_".equals(permission.getResourceIdQueryParam());
        boolean definition =
            permission.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
                && "D.KEY_".equals(permission.getResourceIdQueryParam());
        if (!task && !definition) {
          return false;
        }
      }
      return true;
    }

    static String[] intersection(Set<String> granted, String[] asked) {
      if (asked == null || asked.length == 0) {
        return granted.toArray(String[]::new);
      }
      Set<String> ids = new LinkedHashSet<>(Arrays.asList(asked));
      ids.retainAll(granted);
      // Nothing asked for is granted: an id that no task has keeps the list empty.
      return ids.isEmpty() ? new String[] {""} : ids.toArray(String[]::new);
    }

    /** The engine's setter refuses {@code null}, so the field is set directly. */
    static void setTaskIdIn(TaskQueryImpl query, String[] ids) {
      ReflectionUtils.setField(TASK_ID_IN, query, ids);
    }
  }

  private static final Field TASK_ID_IN = EngineDoorGuard.fieldOf(TaskQueryImpl.class, "taskIdIn");
}
