package london.cofund.notification.process;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import london.cofund.notification.TaskLinks;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tasks/open?processInstanceId=..&taskKey=..[&group=..]}: the link in emails sent by
 * send steps, which run before the task they announce exists. It redirects (302) to the open task
 * of that key in that process instance (or in a process it called), preferring one offered to
 * {@code group}, else to Tasklist's home page. It needs no login and reveals nothing but a task id,
 * which Tasklist only shows to those allowed to see it; it redirects only to Tasklist.
 */
@RestController
class TaskLinkController {

  /** Camunda ids and BPMN element ids; anything else cannot name a task. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");

  private static final int MAX_DEPTH = 3;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final TaskLinks links;

  TaskLinkController(TaskService tasks, RuntimeService runtime, TaskLinks links) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.links = links;
  }

  @GetMapping(TaskLinks.OPEN_PATH)
  ResponseEntity<Void> open(
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String taskKey,
      @RequestParam(required = false) String group) {
    String target = links.tasklist();
    if (valid(processInstanceId) && valid(taskKey)) {
      target =
          find(processInstanceId, taskKey, valid(group) ? group : null)
              .map(task -> links.task(task.getId()))
              .orElse(target);
    }
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }

  private Optional<Task> find(String processInstanceId, String taskKey, String group) {
    List<String> instances = new ArrayList<>(List.of(processInstanceId));
    List<String> level = instances;
    for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
      Optional<Task> task = find(level, taskKey, group);
      if (task.isPresent()) {
        return task;
      }
      // The task may live in a process that this one called.
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

  private static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
