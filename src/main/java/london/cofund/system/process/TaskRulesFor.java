package london.cofund.system.process;

import java.util.Set;

/**
 * {@link UserTaskRules} bound to named tasks of one process: each feature's task rules extend it.
 */
public abstract class TaskRulesFor implements UserTaskRules {

  private final String processKey;
  private final Set<String> taskKeys;

  protected TaskRulesFor(String processKey, String... taskKeys) {
    this.processKey = processKey;
    this.taskKeys = Set.of(taskKeys);
  }

  @Override
  public final String processKey() {
    return processKey;
  }

  @Override
  public final Set<String> taskKeys() {
    return taskKeys;
  }
}
