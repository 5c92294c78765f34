package london.cofund.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a task's reminders go. Whoever should do the task hears once when it comes within the lead
 * time ({@link ReminderOccasion#LEAD}) and once when it falls due ({@link ReminderOccasion#DUE});
 * from then on (after {@code cofund.mail.escalation-delay}) the escalation group hears every day
 * ({@link ReminderOccasion#OVERDUE}). Nobody hears about the same task twice on one London day: the
 * outbox key of every reminder is {@link #dayKey}.
 */
@Component
public class ReminderPolicy {

  private final MailSettings settings;

  public ReminderPolicy(MailSettings settings) {
    this.settings = settings;
  }

  /** The reminder due now to whoever should do a task due at {@code due}, if any. */
  public Optional<ReminderOccasion> forDoers(Instant now, Instant due) {
    if (!now.isBefore(due)) {
      return Optional.of(ReminderOccasion.DUE);
    }
    if (!now.isBefore(due.minus(settings.getReminderLeadTime()))) {
      return Optional.of(ReminderOccasion.LEAD);
    }
    return Optional.empty();
  }

  /** Whether a task due at {@code due} is escalated now. */
  public boolean escalate(Instant now, Instant due) {
    return !now.isBefore(due.plus(settings.getEscalationDelay()));
  }

  /** The earliest due date for which anything may go now: tasks due later are not looked at. */
  public Instant horizon(Instant now) {
    return now.plus(settings.getReminderLeadTime());
  }

  /** The group that hears about overdue tasks. */
  public String escalationGroup() {
    return settings.getEscalationGroup();
  }

  /** The outbox key of any reminder about a task to a recipient on a London day. */
  public static String dayKey(String taskId, Recipient recipient, LocalDate day) {
    return "task:" + taskId + ":" + recipient.key() + ":" + day;
  }

  /** The lead time, for pages and logs. */
  public Duration leadTime() {
    return settings.getReminderLeadTime();
  }
}
