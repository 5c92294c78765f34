package london.cofund.notification;

import java.time.OffsetDateTime;

/**
 * One row of the outbox, as the mailbox page lists it.
 *
 * @param key the idempotency key
 * @param template the template's name
 * @param occasion a reminder's occasion, or null
 * @param recipient the address
 * @param subject the subject
 * @param roundId the round, or null
 * @param proposalReference the proposal, or null
 * @param processInstanceId the sending process instance, or null
 * @param activityId the sending BPMN element, or null
 * @param taskId the task a reminder is about, or null
 * @param messageId the Message-ID
 * @param status {@code SENT} or {@code FAILED}
 * @param attempts how many times sending was tried
 * @param lastError why the last try failed, or null
 * @param createdAt the first try
 * @param sentAt when the SMTP server accepted it, or null
 */
public record OutboxRow(
    String key,
    String template,
    String occasion,
    String recipient,
    String subject,
    String roundId,
    String proposalReference,
    String processInstanceId,
    String activityId,
    String taskId,
    String messageId,
    String status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt) {}
