package london.cofund.notification.process;

import java.util.List;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientResolver;
import london.cofund.notification.ReminderOccasion;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code taskOffered} process's send task: emails the members of each candidate group of the
 * offered task ({@code TASK_OFFERED}), with its due date and a link to it. The idempotency key
 * {@code offer:<taskId>:<recipient>} makes it at most one mail per task and person, however often
 * the step runs. A task that has ended, or been claimed, before the step runs is not announced.
 */
@Component("sendTaskOfferedDelegate")
class SendTaskOfferedDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendTaskOfferedDelegate.class);

  private final TaskService tasks;
  private final RecipientResolver recipients;
  private final TaskMail taskMail;

  SendTaskOfferedDelegate(TaskService tasks, RecipientResolver recipients, TaskMail taskMail) {
    this.tasks = tasks;
    this.recipients = recipients;
    this.taskMail = taskMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = TaskOfferedProcess.OFFERED_TASK_ID.get(execution);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getAssignee() != null) {
      LOG.info(
          "Task {} has ended or been claimed before it was announced: nothing to send", taskId);
      return;
    }
    List<String> groups = taskMail.candidateGroups(taskId);
    List<Recipient> to =
        recipients.resolve(
            groups.stream().map(group -> RecipientResolver.GROUP_PREFIX + group).toList(), null);
    DeliveryReport report =
        taskMail.send(
            task,
            MailTemplate.TASK_OFFERED,
            ReminderOccasion.OFFERED,
            to,
            recipient -> "offer:" + taskId + ":" + recipient.key());
    report.throwIfIncomplete(execution.getCurrentActivityId());
    LOG.info(
        "Task {} ({}) offered to {}: {} told, {} told before",
        taskId,
        task.getTaskDefinitionKey(),
        groups,
        report.sent(),
        report.alreadySent());
  }
}
