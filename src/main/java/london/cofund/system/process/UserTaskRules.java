package london.cofund.system.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules of one or more user tasks, found by process key and task definition key (see
 * docs/human-tasks.md, column "rules"). {@link UserTaskRulesPlugin} calls them for every task with
 * that key, however the task is worked: Tasklist, engine-rest or the application's API.
 *
 * <p>A rule that refuses a completion throws {@link org.camunda.bpm.engine.BadUserRequestException}
 * naming the variable and what is wrong: engine-rest answers 400 with that message, Tasklist shows
 * it, and nothing of the completion is stored.
 */
public interface UserTaskRules {

  /**
   * The key of the process whose tasks these rules serve: another model's task of the same id is
   * not theirs.
   */
  String processKey();

  /** The task definition keys (BPMN element ids) these rules serve. */
  Set<String> taskKeys();

  /** The task was created: typically sets the task-local {@code taskBrief} that its form shows. */
  default void onCreate(DelegateTask task) {}

  /** Someone was assigned (claimed the task). */
  default void onAssignment(DelegateTask task) {}

  /** The task is being completed with its variables already set: validate and record. */
  default void onComplete(DelegateTask task) {}
}
