package london.cofund.notification.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.MailDeliveryException;
import london.cofund.notification.MailOutbox;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientResolver;
import london.cofund.notification.ReminderOccasion;
import london.cofund.notification.ReminderPolicy;
import london.cofund.system.EngineClock;
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
  private final ReminderPolicy policy;
  private final RecipientResolver recipients;
  private final MailOutbox outbox;
  private final TaskMail taskMail;
  private final Clock clock;

  ReminderSweep(
      TaskService tasks,
      ReminderPolicy policy,
      RecipientResolver recipients,
      MailOutbox outbox,
      TaskMail taskMail,
      Clock clock) {
    this.tasks = tasks;
    this.policy = policy;
    this.recipients = recipients;
    this.outbox = outbox;
    this.taskMail = taskMail;
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
    int reminders = 0;
    int escalations = 0;
    for (Task task : due) {
      Instant dueAt = task.getDueDate().toInstant();
      Optional<ReminderOccasion> occasion = policy.forDoers(now, dueAt);
      if (occasion.isPresent()) {
        DeliveryReport report = remindDoers(task, occasion.get(), today);
        reminders += report.sent();
        reports.add(report);
      }
      if (policy.escalate(now, dueAt)) {
        DeliveryReport report = escalate(task, today);
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

  private DeliveryReport remindDoers(Task task, ReminderOccasion occasion, LocalDate today) {
    OffsetDateTime dueAt = dueAt(task);
    List<Recipient> doers =
        recipients.resolve(doers(task), null).stream()
            .filter(doer -> !outbox.reminded(task.getId(), doer.key(), occasion, dueAt))
            .toList();
    return send(task, MailTemplate.TASK_REMINDER, occasion, doers, today);
  }

  private DeliveryReport escalate(Task task, LocalDate today) {
    List<Recipient> group =
        recipients.resolve(RecipientResolver.GROUP_PREFIX + policy.escalationGroup(), null);
    return send(task, MailTemplate.OVERDUE_ESCALATION, ReminderOccasion.OVERDUE, group, today);
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
      LocalDate today) {
    return taskMail.send(
        task,
        template,
        occasion,
        to,
        recipient -> ReminderPolicy.dayKey(task.getId(), recipient, today));
  }

  private static OffsetDateTime dueAt(Task task) {
    return TaskMail.dueAt(task);
  }
}
