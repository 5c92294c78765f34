package london.cofund.notification.process;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.FactsLookup;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailService;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.ProposalFacts;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientResolver;
import london.cofund.notification.ReminderOccasion;
import london.cofund.notification.ReminderTask;
import london.cofund.notification.RoundFacts;
import london.cofund.notification.TaskLinks;
import london.cofund.system.EngineClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
  private final RepositoryService repository;
  private final RecipientResolver recipients;
  private final FactsLookup facts;
  private final MailService mail;
  private final TaskLinks links;

  SendTaskOfferedDelegate(
      TaskService tasks,
      RepositoryService repository,
      RecipientResolver recipients,
      FactsLookup facts,
      MailService mail,
      TaskLinks links) {
    this.tasks = tasks;
    this.repository = repository;
    this.recipients = recipients;
    this.facts = facts;
    this.mail = mail;
    this.links = links;
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
    List<String> groups =
        tasks.getIdentityLinksForTask(taskId).stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .toList();
    List<Recipient> to =
        recipients.resolve(
            groups.stream().map(group -> RecipientResolver.GROUP_PREFIX + group).toList(), null);
    Map<String, Object> variables =
        tasks.getVariables(
            taskId, List.of(MailVariables.ROUND_ID, MailVariables.PROPOSAL_REFERENCE));
    String roundId = text(variables.get(MailVariables.ROUND_ID));
    String reference = text(variables.get(MailVariables.PROPOSAL_REFERENCE));
    RoundFacts round = roundId == null ? null : facts.round(roundId).orElse(null);
    ProposalFacts proposal = reference == null ? null : facts.proposal(reference).orElse(null);
    OffsetDateTime due =
        task.getDueDate() == null
            ? null
            : task.getDueDate().toInstant().atZone(EngineClock.LONDON).toOffsetDateTime();
    String url = links.task(taskId);
    ReminderTask about =
        new ReminderTask(
            taskId,
            task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
            processName(task),
            due,
            null,
            groups,
            ReminderOccasion.OFFERED,
            url);
    DeliveryReport report =
        mail.send(
            new Outgoing(
                new MailContent(MailTemplate.TASK_OFFERED, round, proposal, null, due, about),
                to,
                recipient -> "offer:" + taskId + ":" + recipient.key(),
                recipient -> url,
                OutboxEntry.reminder(
                    MailTemplate.TASK_OFFERED,
                    ReminderOccasion.OFFERED,
                    roundId,
                    reference,
                    task.getProcessInstanceId(),
                    task.getTaskDefinitionKey(),
                    taskId,
                    due)));
    report.throwIfIncomplete(execution.getCurrentActivityId());
    LOG.info(
        "Task {} ({}) offered to {}: {} told, {} told before",
        taskId,
        task.getTaskDefinitionKey(),
        groups,
        report.sent(),
        report.alreadySent());
  }

  private String processName(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
