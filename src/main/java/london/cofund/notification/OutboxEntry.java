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
    String messageId) {}
