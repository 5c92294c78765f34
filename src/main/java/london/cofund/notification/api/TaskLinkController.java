package london.cofund.notification.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import london.cofund.identity.CurrentUser;
import london.cofund.notification.TaskLinks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tasks/open?processInstanceId=..&taskKey=..[&group=..]}: the link in emails sent by
 * send steps, which run before the task they announce exists. It redirects (302) to the open task
 * of that key in that process instance (or in a process it called), preferring one offered to
 * {@code group}, else to Tasklist's home page. It redirects only to Tasklist.
 *
 * <p>It needs the webapps' login (the security configuration sends a stranger to Tasklist's login
 * page; the link works once they are signed in), and it looks only among the tasks that the
 * signed-in user may see, by the engine's authorizations: a task the user may not see leads to
 * Tasklist's home page, exactly as a task that does not exist yet, so the link reveals no task id.
 */
@RestController
class TaskLinkController {

  /** Camunda ids and BPMN element ids; anything else cannot name a task. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");

  private static final int MAX_DEPTH = 3;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TaskLinks links;
  private final IdentityService identity;

  TaskLinkController(
      TaskService tasks, RuntimeService runtime, TaskLinks links, IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.links = links;
    this.identity = identity;
  }

  @GetMapping(TaskLinks.OPEN_PATH)
  ResponseEntity<Void> open(
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String taskKey,
      @RequestParam(required = false) String group,
      Authentication authentication) {
    String target = links.tasklist();
    if (valid(processInstanceId) && valid(taskKey)) {
      CurrentUser user = CurrentUser.of(authentication);
      target =
          find(processInstanceId, taskKey, valid(group) ? group : null, user)
              .map(task -> links.task(task.getId()))
              .orElse(target);
    }
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }

  private Optional<Task> find(
      String processInstanceId, String taskKey, String group, CurrentUser user) {
    List<String> instances = new ArrayList<>(List.of(processInstanceId));
    List<String> level = instances;
    for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
      List<String> instancesAtLevel = level;
      Optional<Task> task = asUser(user, () -> find(instancesAtLevel, taskKey, group));
      if (task.isPresent()) {
        return task;
      }
      // The task may live in a process that this one called. Only ids are read here, whoever may
      // see the instances: what the user sees is decided by the task query above.
      List<String> next = new ArrayList<>();
      for (String parent : level) {
        runtime.createProcessInstanceQuery().superProcessInstanceId(parent).list().stream()
            .map(ProcessInstance::getId)
            .forEach(next::add);
      }
      level = next;
    }
    return Optional.empty();
  }

  private Optional<Task> find(List<String> instances, String taskKey, String group) {
    if (group != null) {
      Optional<Task> offered =
          tasks
              .createTaskQuery()
              .processInstanceIdIn(instances.toArray(String[]::new))
              .taskDefinitionKey(taskKey)
              .taskCandidateGroup(group)
              .includeAssignedTasks()
              .active()
              .orderByTaskCreateTime()
              .asc()
              .list()
              .stream()
              .findFirst();
      if (offered.isPresent()) {
        return offered;
      }
    }
    return tasks
        .createTaskQuery()
        .processInstanceIdIn(instances.toArray(String[]::new))
        .taskDefinitionKey(taskKey)
        .active()
        .orderByTaskCreateTime()
        .asc()
        .list()
        .stream()
        .findFirst();
  }

  /** Runs task queries with the user's authorizations, as Tasklist would for them. */
  private <T> T asUser(CurrentUser user, Supplier<T> query) {
    identity.setAuthentication(user.id(), List.copyOf(user.groups()));
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
