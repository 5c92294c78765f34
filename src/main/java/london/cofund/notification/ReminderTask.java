package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The task a reminder or an escalation is about.
 *
 * @param taskId the task's id
 * @param name the task's name as Tasklist shows it
 * @param processName the name of the process it belongs to; may be null
 * @param due its due date
 * @param assignee the assignee's user id, or null
 * @param candidateGroups the candidate groups' ids
 * @param occasion why the message goes
 * @param url the task's page in Tasklist
 */
public record ReminderTask(
    String taskId,
    String name,
    String processName,
    OffsetDateTime due,
    String assignee,
    List<String> candidateGroups,
    ReminderOccasion occasion,
    String url) {

  public ReminderTask {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
  }
}
