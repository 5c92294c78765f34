package london.cofund.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Tasklist's shared filters, the same for every role, each showing only what the user may see: "My
 * tasks", "My group's tasks" (claimed or not), "Due in 3 days" and "Overdue" (both of the user's
 * groups' tasks), with the list's columns.
 */
final class TasklistFilters {

  private TasklistFilters() {}

  static void createFilters(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    Map<String, Object> columns =
        Map.of(
            "variables",
            List.of(
                // A card shows two variables until it is expanded: what it is about comes first.
                Map.of("name", "title", "label", "Title"),
                Map.of("name", "proposalReference", "label", "Proposal"),
                Map.of("name", "roundId", "label", "Round")));
    createFilter(
        filters,
        authorizations,
        IdentityBootstrap.FILTER_MY_TASKS,
        -10,
        "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        columns);
    Filter renamed =
        filters
            .createFilterQuery()
            .filterName(IdentityBootstrap.FILTER_MY_GROUPS_BEFORE)
            .singleResult();
    if (renamed != null
        && filters.createFilterQuery().filterName(IdentityBootstrap.FILTER_MY_GROUPS).count()
            == 0) {
      renamed.setName(IdentityBootstrap.FILTER_MY_GROUPS);
      filters.saveFilter(renamed);
    }
    createFilter(
        filters,
        authorizations,
        IdentityBootstrap.FILTER_MY_GROUPS,
        -5,
        "Tasks offered to my groups, claimed or not",
        myGroups(tasks),
        columns);
    createFilter(
        filters,
        authorizations,
        IdentityBootstrap.FILTER_DUE_SOON,
        0,
        "My groups' tasks due within the next 3 days, or already overdue",
        myGroups(tasks).dueBeforeExpression("${dateTime().plusDays(3).toDate()}"),
        columns);
    createFilter(
        filters,
        authorizations,
        IdentityBootstrap.FILTER_OVERDUE,
        5,
        "My groups' tasks past their due date",
        myGroups(tasks).dueBeforeExpression("${now()}"),
        columns);
  }

  private static TaskQuery myGroups(TaskService tasks) {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
  }

  static void createFilter(
      FilterService filters,
      AuthorizationService authorizations,
      String name,
      int priority,
      String description,
      TaskQuery query,
      Map<String, Object> columns) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter != null
        && !columns.get("variables").equals(filter.getProperties().get("variables"))) {
      // A filter created by an earlier version: its columns follow this one.
      Map<String, Object> properties = new HashMap<>(filter.getProperties());
      properties.putAll(columns);
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setQuery(query);
      Map<String, Object> properties = new HashMap<>(columns);
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
    RoleGrants.globalGrant(authorizations, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
