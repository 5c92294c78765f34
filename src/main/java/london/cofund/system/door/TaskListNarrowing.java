package london.cofund.system.door;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Makes a signed-in officer's task lists fast without changing who sees what.
 *
 * <p>The engine authorizes a task list by joining every task to the user's grants {@code on
 * AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. Every task offered to a group carries a grant of
 * its own, so with 10,000 open tasks the database compares the user's few hundred grants with every
 * open task: Westminster's Tasklist list took 730 ms on H2 and 1.6 s on PostgreSQL ({@code
 * docs/performance.md}, "Tasklist's lists").
 *
 * <p>When the user's task grants name tasks one by one (a borough officer's do), this first reads
 * those task ids (one indexed lookup of the user's and their groups' grants) and adds them to the
 * query as {@code taskIdIn}, so the database starts from those tasks. The engine's own check stays
 * in the statement, unchanged: the narrowing can only ever remove a task from a list, never add
 * one, so no door opens. It removes nothing the engine would show, except a task that a {@code
 * TASK} grant names by its process definition's key rather than its id; the engine's check of a
 * single task ({@code GET /engine-rest/task/{id}}) does not honour such a grant either, and CoFund
 * never makes one.
 *
 * <p>The query is left as the engine builds it whenever the narrowing could not be exact: a grant
 * on every task ({@code *}), any grant to read the tasks of a process definition, case tasks, a
 * query for one task id, or more than {@link #LIMIT} granted tasks. A revoke (an assessor's, on the
 * proposals they may no longer assess) only ever takes a task away, so the granted tasks still hold
 * every task the engine shows, and the engine's check, revokes and all, still decides.
 */
@Component
class TaskListNarrowing extends AbstractProcessEnginePlugin {

  /** Above this many granted tasks the statement would be long; the engine's own query runs. */
  static final int LIMIT = 1_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return TaskManager.class;
          }

          @Override
          public Session openSession() {
            return new NarrowingTaskManager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's task manager, with task-list queries narrowed to the user's granted tasks. */
  static class NarrowingTaskManager extends TaskManager {

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      configureQuery(query);
      String[] asked = query.getTaskIdIn();
      Set<String> granted = grantedTasks(query);
      if (granted != null && granted.isEmpty()) {
        return new ArrayList<>();
      }
      try {
        narrow(query, granted, asked);
        return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
      } finally {
        restore(query, asked);
      }
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
      configureQuery(query);
      String[] asked = query.getTaskIdIn();
      Set<String> granted = grantedTasks(query);
      if (granted != null && granted.isEmpty()) {
        return 0;
      }
      try {
        narrow(query, granted, asked);
        return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
      } finally {
        restore(query, asked);
      }
    }

    /**
     * The ids of the tasks that the user's grants name one by one, or {@code null} when the list
     * cannot be narrowed exactly (the engine's query then runs as it is).
     */
    Set<String> grantedTasks(TaskQueryImpl query) {
      AuthorizationCheck check = query.getAuthCheck();
      // The getter, not shouldPerformAuthorizatioCheck(): it is what the engine's SQL reads (checks
      // enabled and any permission check to make).
      if (!check.getShouldPerformAuthorizatioCheck()
          || check.getAuthUserId() == null
          || check.isUseLeftJoin()
          || query.getTaskId() != null
          || !isTaskReadCheck(check.getPermissionChecks())) {
        return null;
      }
      Set<String> tasks = new LinkedHashSet<>();
      for (PermissionCheck permission : check.getPermissionChecks().getAtomicChecks()) {
        for (Authorization grant : grants(check, permission)) {
          if (permission.getResourceType() != Resources.TASK.resourceType()
              || Authorization.ANY.equals(grant.getResourceId())) {
            return null;
          }
          tasks.add(grant.getResourceId());
          if (tasks.size() > LIMIT) {
            return null;
          }
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

    /**
     * The user's grants (their own, everybody's, their groups') of one permission, read without an
     * authorization check of their own: the engine reads the same rows in its join.
     */
    List<Authorization> grants(AuthorizationCheck check, PermissionCheck permission) {
      AuthorizationQueryImpl byUser = new AuthorizationQueryImpl();
      byUser.userIdIn(check.getAuthUserId(), Authorization.ANY);
      List<Authorization> grants = new ArrayList<>(grantsTo(permission, byUser));
      List<String> groups = check.getAuthGroupIds();
      if (groups != null && !groups.isEmpty()) {
        AuthorizationQueryImpl byGroup = new AuthorizationQueryImpl();
        byGroup.groupIdIn(groups.toArray(String[]::new));
        grants.addAll(grantsTo(permission, byGroup));
      }
      return grants;
    }

    private List<Authorization> grantsTo(PermissionCheck permission, AuthorizationQueryImpl query) {
      query.resourceType(permission.getResourceType());
      query.hasPermission(permission.getPermission());
      return getDbEntityManager().selectList("selectAuthorizationByQueryCriteria", query);
    }

    static void narrow(TaskQueryImpl query, Set<String> granted, String[] asked) {
      if (granted == null) {
        return;
      }
      Set<String> ids = granted;
      if (asked != null && asked.length > 0) {
        ids = new LinkedHashSet<>(Arrays.asList(asked));
        ids.retainAll(granted);
        if (ids.isEmpty()) {
          // Nothing asked for is granted: an id that no task has keeps the list empty.
          ids = Set.of("");
        }
      }
      query.taskIdIn(ids.toArray(String[]::new));
    }

    /**
     * Leaves the query as the caller built it: it may be listed and counted again, and a filter's
     * saved query must not be written back with the narrowing in it. The engine's setter refuses
     * {@code null}, so the field is set directly.
     */
    static void restore(TaskQueryImpl query, String[] asked) {
      try {
        TASK_ID_IN.set(query, asked);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final Field TASK_ID_IN = taskIdInField();

  private static Field taskIdInField() {
    try {
      Field field = TaskQueryImpl.class.getDeclaredField("taskIdIn");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("the engine's TaskQueryImpl has no taskIdIn", e);
    }
  }
}
