package london.cofund.notification.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.FactsLookup;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailDeliveryException;
import london.cofund.notification.MailOutbox;
import london.cofund.notification.MailService;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.ProposalFacts;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientResolver;
import london.cofund.notification.ReminderOccasion;
import london.cofund.notification.ReminderPolicy;
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
 * One sweep over the open tasks with a due date: reminds whoever should do each task, and escalates
 * overdue ones, as {@link ReminderPolicy} says, with "now" from the engine clock.
 *
 * <p>Every copy that cannot be sent is named in one {@link MailDeliveryException} at the end, after
 * every other copy went: the sweep's job then retries (sending only what is missing) and, with its
 * retries spent, becomes an incident on that sweep's process instance in Cockpit.
 */
@Component
class ReminderSweep {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
  private static final ZoneId LONDON = EngineClock.LONDON;

  /** What one sweep did. */
  record Result(int tasksChecked, int remindersSent, int escalationsSent) {}

  private final TaskService tasks;
  private final RepositoryService repository;
  private final ReminderPolicy policy;
  private final RecipientResolver recipients;
  private final FactsLookup facts;
  private final MailService mail;
  private final MailOutbox outbox;
  private final TaskLinks links;
  private final Clock clock;

  ReminderSweep(
      TaskService tasks,
      RepositoryService repository,
      ReminderPolicy policy,
      RecipientResolver recipients,
      FactsLookup facts,
      MailService mail,
      MailOutbox outbox,
      TaskLinks links,
      Clock clock) {
    this.tasks = tasks;
    this.repository = repository;
    this.policy = policy;
    this.recipients = recipients;
    this.facts = facts;
    this.mail = mail;
    this.outbox = outbox;
    this.links = links;
    this.clock = clock;
  }

  Result sweep() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, LONDON);
    // dueBefore is strict; a millisecond more takes in a task due exactly at the horizon.
    List<Task> due =
        tasks
            .createTaskQuery()
            .active()
            .dueBefore(Date.from(policy.horizon(now).plusMillis(1)))
            .orderByDueDate()
            .asc()
            .list();
    List<DeliveryReport> reports = new ArrayList<>();
    Map<String, String> processNames = new HashMap<>();
    int reminders = 0;
    int escalations = 0;
    for (Task task : due) {
      Instant dueAt = task.getDueDate().toInstant();
      Optional<ReminderOccasion> occasion = policy.forDoers(now, dueAt);
      if (occasion.isPresent()) {
        DeliveryReport report = remindDoers(task, occasion.get(), today, processNames);
        reminders += report.sent();
        reports.add(report);
      }
      if (policy.escalate(now, dueAt)) {
        DeliveryReport report = escalate(task, today, processNames);
        escalations += report.sent();
        reports.add(report);
      }
    }
    if (reports.stream().anyMatch(report -> !report.complete())) {
      throw new MailDeliveryException(DeliveryReport.describe(reports, "reminder sweep"));
    }
    LOG.info(
        "Reminder sweep: {} tasks due by {}, {} reminders and {} escalations sent",
        due.size(),
        policy.horizon(now),
        reminders,
        escalations);
    return new Result(due.size(), reminders, escalations);
  }

  private DeliveryReport remindDoers(
      Task task, ReminderOccasion occasion, LocalDate today, Map<String, String> processNames) {
    OffsetDateTime dueAt = dueAt(task);
    List<Recipient> doers =
        recipients.resolve(doers(task), null).stream()
            .filter(doer -> !outbox.reminded(task.getId(), doer.key(), occasion, dueAt))
            .toList();
    return send(task, MailTemplate.TASK_REMINDER, occasion, doers, today, processNames);
  }

  private DeliveryReport escalate(Task task, LocalDate today, Map<String, String> processNames) {
    List<Recipient> group =
        recipients.resolve(RecipientResolver.GROUP_PREFIX + policy.escalationGroup(), null);
    return send(
        task,
        MailTemplate.OVERDUE_ESCALATION,
        ReminderOccasion.OVERDUE,
        group,
        today,
        processNames);
  }

  /** The task's assignee; without one, its candidate users and groups. */
  private List<String> doers(Task task) {
    if (task.getAssignee() != null) {
      return List.of(RecipientResolver.USER_PREFIX + task.getAssignee());
    }
    List<String> doers = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          doers.add(RecipientResolver.USER_PREFIX + link.getUserId());
        } else if (link.getGroupId() != null) {
          doers.add(RecipientResolver.GROUP_PREFIX + link.getGroupId());
        }
      }
    }
    if (doers.isEmpty()) {
      LOG.warn(
          "Task {} ({}) is due but has no assignee and no candidates; nobody to remind",
          task.getId(),
          task.getTaskDefinitionKey());
    }
    return doers;
  }

  private DeliveryReport send(
      Task task,
      MailTemplate template,
      ReminderOccasion occasion,
      List<Recipient> to,
      LocalDate today,
      Map<String, String> processNames) {
    if (to.isEmpty()) {
      return new DeliveryReport(template, 0, 0, List.of());
    }
    Map<String, Object> variables = variables(task);
    String roundId = text(variables.get(MailVariables.ROUND_ID));
    String reference = text(variables.get(MailVariables.PROPOSAL_REFERENCE));
    // A reminder still goes when the facts are missing: it names the task, and the task matters.
    RoundFacts round = roundId == null ? null : facts.round(roundId).orElse(null);
    ProposalFacts proposal = reference == null ? null : facts.proposal(reference).orElse(null);
    OffsetDateTime dueAt = dueAt(task);
    List<String> groups =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .toList();
    String url = links.task(task.getId());
    ReminderTask about =
        new ReminderTask(
            task.getId(),
            task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
            processName(task, processNames),
            dueAt,
            task.getAssignee(),
            groups,
            occasion,
            url);
    MailContent content = new MailContent(template, round, proposal, null, dueAt, about);
    OutboxEntry origin =
        OutboxEntry.reminder(
            template,
            occasion,
            roundId,
            reference,
            task.getProcessInstanceId(),
            task.getTaskDefinitionKey(),
            task.getId(),
            dueAt);
    return mail.send(
        new Outgoing(
            content,
            to,
            recipient -> ReminderPolicy.dayKey(task.getId(), recipient, today),
            recipient -> url,
            origin));
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

  private String processName(Task task, Map<String, String> names) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    return names.computeIfAbsent(
        task.getProcessDefinitionId(),
        id -> {
          var definition = repository.getProcessDefinition(id);
          return definition.getName() != null ? definition.getName() : definition.getKey();
        });
  }

  private static OffsetDateTime dueAt(Task task) {
    return task.getDueDate().toInstant().atZone(LONDON).toOffsetDateTime();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
