package london.cofund.notification;

import java.time.Instant;

/** Where the reminder sweep stands, for the mailbox page (the process engine answers). */
public interface ReminderSchedule {

  /**
   * The sweep's state.
   *
   * @param nextSweep when the timer fires next, or null if no sweep is scheduled
   * @param lastSweepEnded when the last sweep finished, or null
   * @param lastReminders reminders the last sweep sent, or null
   * @param lastEscalations escalations the last sweep sent, or null
   * @param failedSweeps sweeps stuck on an incident, waiting for an operator
   */
  record Status(
      Instant nextSweep,
      Instant lastSweepEnded,
      Integer lastReminders,
      Integer lastEscalations,
      long failedSweeps) {}

  Status status();
}
