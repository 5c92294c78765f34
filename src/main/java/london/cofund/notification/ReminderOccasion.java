package london.cofund.notification;

/** Why CoFund writes to somebody about a task: the reminder sweep's occasions, and the offer. */
public enum ReminderOccasion {
  /** The task is due within the lead time: once, to whoever should do it. */
  LEAD,
  /** The task has fallen due: once, to whoever should do it. */
  DUE,
  /** The task is overdue: every day, to the escalation group. */
  OVERDUE,
  /** The task was just offered to the reader's group: once (the {@code taskOffered} process). */
  OFFERED
}
