package london.cofund.notification.process;

/**
 * The reminder sweep process ({@code processes/reminderSweep.bpmn}): its key, elements, variables.
 */
public final class ReminderSweepProcess {

  public static final String KEY = "reminderSweep";

  public static final String START_EVENT = "StartEvent_EveryHour";
  public static final String TASK_SEND_REMINDERS = "Task_SendReminders";
  public static final String END_EVENT = "EndEvent_RemindersSent";

  /** Output: how many reminders to doers the sweep sent. */
  public static final String REMINDERS_SENT = "remindersSent";

  /** Output: how many overdue escalations the sweep sent. */
  public static final String ESCALATIONS_SENT = "escalationsSent";

  /** Output: how many tasks with a due date within the lead time the sweep looked at. */
  public static final String TASKS_CHECKED = "tasksChecked";

  private ReminderSweepProcess() {}
}
