package london.cofund.notification.process;

import london.cofund.system.process.ProcessVariable;

/**
 * The names of the {@code taskOffered} process ({@code processes/taskOffered.bpmn}): one instance
 * per user task offered to candidate groups, whose business key is the task's id.
 */
public final class TaskOfferedProcess {

  public static final String KEY = "taskOffered";

  public static final String START_EVENT = "StartEvent_TaskOffered";
  public static final String SEND_TASK = "SendTask_TaskOffered";
  public static final String END_EVENT = "EndEvent_TaskOfferedSent";

  /** The task that was offered. */
  public static final ProcessVariable<String> OFFERED_TASK_ID =
      ProcessVariable.owned("offeredTaskId", String.class);

  private TaskOfferedProcess() {}
}
