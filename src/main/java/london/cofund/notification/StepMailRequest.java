package london.cofund.notification;

/**
 * What a process step asks to be sent, as its send task's parameters and variables say.
 *
 * @param template the {@code mailTemplate} parameter
 * @param mailTo the {@code mailTo} parameter: a String or a collection of Strings
 * @param dueDate the {@code mailDueDate} parameter, or null
 * @param taskKey the {@code mailTaskKey} parameter, or null
 * @param roundId the {@code roundId} variable, or null
 * @param proposalReference the {@code proposalReference} variable, or null
 * @param nextRoundId the {@code nextRoundId} variable, or null
 * @param processInstanceId the sending process instance
 * @param activityId the send task's id
 * @param stepKey the step's identity, the same on every retry: {@code job:<jobId>}
 * @param jobId the job's id, or null
 * @param variationId the {@code variationId} variable (a grant's variation), or null
 */
public record StepMailRequest(
    String template,
    Object mailTo,
    Object dueDate,
    String taskKey,
    String roundId,
    String proposalReference,
    String nextRoundId,
    String processInstanceId,
    String activityId,
    String stepKey,
    String jobId,
    String variationId) {}
