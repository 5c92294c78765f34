package london.cofund.notification.process;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.FactsLookup;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailService;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.ProposalFacts;
import london.cofund.notification.Recipient;
import london.cofund.notification.ReminderOccasion;
import london.cofund.notification.ReminderTask;
import london.cofund.notification.RoundFacts;
import london.cofund.notification.TaskLinks;
import london.cofund.system.EngineClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A message about one open task, as the reminder sweep and the offer step send it: the task's name,
 * its process, round and proposal, "by when" and its link in Tasklist, recorded in the outbox with
 * the task.
 */
@Component
class TaskMail {

  private static final Logger LOG = LoggerFactory.getLogger(TaskMail.class);

  private final TaskService tasks;
  private final RepositoryService repository;
  private final FactsLookup facts;
  private final MailService mail;
  private final TaskLinks links;

  /** Process names by definition id: a deployed definition never changes. */
  private final Map<String, String> processNames = new ConcurrentHashMap<>();

  TaskMail(
      TaskService tasks,
      RepositoryService repository,
      FactsLookup facts,
      MailService mail,
      TaskLinks links) {
    this.tasks = tasks;
    this.repository = repository;
    this.facts = facts;
    this.mail = mail;
    this.links = links;
  }

  /** The task's candidate groups. */
  List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** When the task is due, in London time, or null. */
  static OffsetDateTime dueAt(Task task) {
    return task.getDueDate() == null
        ? null
        : task.getDueDate().toInstant().atZone(EngineClock.LONDON).toOffsetDateTime();
  }

  /**
   * Sends the copies not yet sent. A message still goes when the round or the proposal cannot be
   * found: it names the task, and the task matters.
   *
   * @param key each recipient's idempotency key
   */
  DeliveryReport send(
      Task task,
      MailTemplate template,
      ReminderOccasion occasion,
      List<Recipient> to,
      Function<Recipient, String> key) {
    if (to.isEmpty()) {
      return new DeliveryReport(template, 0, 0, List.of());
    }
    Map<String, Object> variables = variables(task);
    String roundId = text(variables.get(MailVariables.ROUND_ID));
    String reference = text(variables.get(MailVariables.PROPOSAL_REFERENCE));
    RoundFacts round = roundId == null ? null : facts.round(roundId).orElse(null);
    ProposalFacts proposal = reference == null ? null : facts.proposal(reference).orElse(null);
    OffsetDateTime dueAt = dueAt(task);
    String url = links.task(task.getId());
    ReminderTask about =
        new ReminderTask(
            task.getId(),
            task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
            processName(task),
            dueAt,
            task.getAssignee(),
            candidateGroups(task.getId()),
            occasion,
            url);
    return mail.send(
        new Outgoing(
            new MailContent(template, round, proposal, null, dueAt, about),
            to,
            key,
            recipient -> url,
            OutboxEntry.reminder(
                template,
                occasion,
                roundId,
                reference,
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                dueAt)));
  }

  private Map<String, Object> variables(Task task) {
    try {
      return tasks.getVariables(
          task.getId(), List.of(MailVariables.ROUND_ID, MailVariables.PROPOSAL_REFERENCE));
    } catch (RuntimeException e) {
      LOG.debug("No variables for task {}: {}", task.getId(), e.getMessage());
      return Map.of();
    }
  }

  private String processName(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    return processNames.computeIfAbsent(
        task.getProcessDefinitionId(),
        id -> {
          var definition = repository.getProcessDefinition(id);
          return definition.getName() != null ? definition.getName() : definition.getKey();
        });
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
