package london.cofund.system.process;

import java.util.Optional;

/**
 * What the tasks of one process are about, in words: the proposal's title or the round's name.
 * {@link UserTaskRulesPlugin} puts it on every new task of that process as the task-local variable
 * {@value UserTaskRulesPlugin#VAR_TITLE}, which Tasklist's lists show beside the reference. It is
 * read from CoFund's own records by business key, never from a variable a user could have written.
 */
public interface TaskTitles {

  /** The key of the process whose tasks these titles serve. */
  String processKey();

  /** The title for the process instance with this business key, if the record exists. */
  Optional<String> titleOf(String businessKey);
}
