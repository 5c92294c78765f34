package london.cofund.notification;

/** Why the reminder sweep writes to somebody about a task. */
public enum ReminderOccasion {
  /** The task is due within the lead time: once, to whoever should do it. */
  LEAD,
  /** The task has fallen due: once, to whoever should do it. */
  DUE,
  /** The task is overdue: every day, to the escalation group. */
  OVERDUE
}
