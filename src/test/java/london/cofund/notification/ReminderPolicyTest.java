package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

  private static final Instant DUE = Instant.parse("2017-08-14T16:00:00Z");

  private final MailSettings settings = new MailSettings("http://localhost:8080");
  private final ReminderPolicy policy = new ReminderPolicy(settings);

  @Test
  void nothingBeforeTheLeadTime() {
    assertThat(policy.forDoers(DUE.minus(Duration.ofDays(3)).minusSeconds(1), DUE)).isEmpty();
  }

  @Test
  void leadReminderFromThreeDaysBefore() {
    assertThat(policy.forDoers(DUE.minus(Duration.ofDays(3)), DUE)).contains(ReminderOccasion.LEAD);
    assertThat(policy.forDoers(DUE.minusSeconds(1), DUE)).contains(ReminderOccasion.LEAD);
  }

  @Test
  void dueReminderFromTheDueDate() {
    assertThat(policy.forDoers(DUE, DUE)).contains(ReminderOccasion.DUE);
    assertThat(policy.forDoers(DUE.plus(Duration.ofDays(9)), DUE)).contains(ReminderOccasion.DUE);
  }

  @Test
  void escalationFromTheDueDatePlusTheDelay() {
    assertThat(policy.escalate(DUE.minusSeconds(1), DUE)).isFalse();
    assertThat(policy.escalate(DUE, DUE)).isTrue();

    settings.setEscalationDelay(Duration.ofDays(1));
    assertThat(policy.escalate(DUE.plus(Duration.ofHours(23)), DUE)).isFalse();
    assertThat(policy.escalate(DUE.plus(Duration.ofDays(1)), DUE)).isTrue();
  }

  @Test
  void theLeadTimeIsConfigurable() {
    settings.setReminderLeadTime(Duration.ofDays(7));
    assertThat(policy.forDoers(DUE.minus(Duration.ofDays(7)), DUE)).contains(ReminderOccasion.LEAD);
    assertThat(policy.horizon(DUE.minus(Duration.ofDays(7)))).isEqualTo(DUE);
  }

  @Test
  void oneKeyPerTaskRecipientAndLondonDay() {
    Recipient wes = new Recipient("Wes@Example.org", "Wes", null);
    assertThat(ReminderPolicy.dayKey("t1", wes, LocalDate.of(2017, 8, 14)))
        .isEqualTo("task:t1:wes@example.org:2017-08-14");
  }
}
