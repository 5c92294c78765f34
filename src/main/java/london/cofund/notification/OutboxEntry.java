package london.cofund.notification;

import java.time.OffsetDateTime;

/**
 * Where one delivery came from, as the outbox records it beside the recipient and the status.
 *
 * @param key the idempotency key: at most one message is ever sent under it
 * @param template which message
 * @param occasion a reminder's occasion; null for a send step's message
 * @param recipient the address, as {@link Recipient#key()}
 * @param subject the subject sent
 * @param roundId the round, or null
 * @param proposalReference the proposal, or null
 * @param processInstanceId the process instance that sent it, or null
 * @param activityId the BPMN element that sent it, or null
 * @param jobId the job that sent it, or null
 * @param taskId the task a reminder is about, or null
 * @param dueAt the due date a reminder was about, or null
 * @param messageId the Message-ID header, derived from the key
 */
public record OutboxEntry(
    String key,
    MailTemplate template,
    ReminderOccasion occasion,
    String recipient,
    String subject,
    String roundId,
    String proposalReference,
    String processInstanceId,
    String activityId,
    String jobId,
    String taskId,
    OffsetDateTime dueAt,
    String messageId) {

  /**
   * Where a process step's mail comes from, before it has a key, a recipient or a subject (the
   * outbox fills them per recipient).
   */
  public static OutboxEntry fromStep(
      MailTemplate template,
      String roundId,
      String proposalReference,
      String processInstanceId,
      String activityId,
      String jobId) {
    return new OutboxEntry(
        null,
        template,
        null,
        null,
        null,
        roundId,
        proposalReference,
        processInstanceId,
        activityId,
        jobId,
        null,
        null,
        null);
  }

  /** Where a reminder about an open task comes from. */
  public static OutboxEntry reminder(
      MailTemplate template,
      ReminderOccasion occasion,
      String roundId,
      String proposalReference,
      String processInstanceId,
      String taskKey,
      String taskId,
      OffsetDateTime dueAt) {
    return new OutboxEntry(
        null,
        template,
        occasion,
        null,
        null,
        roundId,
        proposalReference,
        processInstanceId,
        taskKey,
        null,
        taskId,
        dueAt,
        null);
  }
}
