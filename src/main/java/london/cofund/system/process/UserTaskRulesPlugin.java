package london.cofund.system.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link UserTaskRules} beans to the user tasks they name, as the engine parses each
 * model.
 *
 * <p>Why not {@code camunda:taskListener} in the BPMN: the engine wraps whatever a declared
 * listener throws in a plain {@code ProcessEngineException}, which engine-rest answers with a 500.
 * A listener attached here is called directly, so a refused completion reaches the caller as the
 * {@code BadUserRequestException} it is: a 400 naming the field. The rules are found by task key at
 * call time, so a model deployed before a bean existed still gets them.
 */
@Component
class UserTaskRulesPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<UserTaskRules> rules;
  private final ObjectProvider<TaskTitles> titles;
  private volatile Map<String, List<UserTaskRules>> byKey;
  private volatile Map<String, TaskTitles> titlesByKey;

  UserTaskRulesPlugin(ObjectProvider<UserTaskRules> rules, ObjectProvider<TaskTitles> titles) {
    this.rules = rules;
    this.titles = titles;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onEveryUserTask(
        configuration,
        (definition, key) -> {
          definition.addTaskListener(
              TaskListener.EVENTNAME_CREATE, UserTaskRulesPlugin::copyListColumns);
          String processKey = key.substring(0, key.indexOf('/'));
          definition.addTaskListener(
              TaskListener.EVENTNAME_CREATE, task -> setTitle(task, processKey));
          definition.addTaskListener(
              TaskListener.EVENTNAME_CREATE,
              task -> each(key).forEach(r -> Refusals.refusing(() -> r.onCreate(task))));
          definition.addTaskListener(
              TaskListener.EVENTNAME_ASSIGNMENT,
              task -> each(key).forEach(r -> Refusals.refusing(() -> r.onAssignment(task))));
          definition.addTaskListener(
              TaskListener.EVENTNAME_COMPLETE,
              task -> each(key).forEach(r -> Refusals.refusing(() -> r.onComplete(task))));
        });
  }

  /** The variables that Tasklist's filters show as columns ("Proposal", "Round"). */
  static final List<String> LIST_COLUMNS = List.of("proposalReference", "roundId");

  /**
   * The task-local variable with what the task is about (the "Title" column): see {@link
   * TaskTitles}.
   */
  public static final String VAR_TITLE = "title";

  private void setTitle(DelegateTask task, String processKey) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey == null) {
      return;
    }
    TaskTitles of = titlesByProcessKey().get(processKey);
    if (of != null) {
      of.titleOf(businessKey).ifPresent(title -> task.setVariableLocal(VAR_TITLE, title));
    }
  }

  /** The first {@link TaskTitles} bean of each process key, in bean order; found once. */
  private Map<String, TaskTitles> titlesByProcessKey() {
    Map<String, TaskTitles> map = titlesByKey;
    if (map == null) {
      Map<String, TaskTitles> built = new HashMap<>();
      titles.orderedStream().forEach(t -> built.putIfAbsent(t.processKey(), t));
      titlesByKey = map = Map.copyOf(built);
    }
    return map;
  }

  /**
   * Copies the list columns onto the task itself. Tasklist reads a filter's variable columns under
   * the caller's authorizations: a borough officer may read the task offered to them but not the
   * process instance, so without a task-local copy their columns would be empty.
   */
  static void copyListColumns(DelegateTask task) {
    for (String name : LIST_COLUMNS) {
      Object value = task.getExecution().getVariable(name);
      if (value != null && !task.hasVariableLocal(name)) {
        task.setVariableLocal(name, value);
      }
    }
  }

  private List<UserTaskRules> each(String processAndTaskKey) {
    return rulesByKey().getOrDefault(processAndTaskKey, List.of());
  }

  private Map<String, List<UserTaskRules>> rulesByKey() {
    Map<String, List<UserTaskRules>> map = byKey;
    if (map == null) {
      Map<String, List<UserTaskRules>> built = new HashMap<>();
      rules
          .orderedStream()
          .forEach(
              r ->
                  r.taskKeys()
                      .forEach(
                          key ->
                              built
                                  .computeIfAbsent(
                                      r.processKey() + "/" + key, k -> new java.util.ArrayList<>())
                                  .add(r)));
      byKey = map = Map.copyOf(built);
    }
    return map;
  }
}
