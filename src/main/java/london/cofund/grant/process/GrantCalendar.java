package london.cofund.grant.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import london.cofund.grant.GrantService;
import london.cofund.grant.Quarter;
import london.cofund.system.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The dates of a grant's steps, for its models' timers and due dates ({@code ${grantCalendar...}}):
 * a quarter ends at midnight after its last day; its return is due 20 days later at 5pm, London
 * time, so that the reminder sweep reminds and escalates it like any other task.
 */
@Component("grantCalendar")
public class GrantCalendar {

  /** Deadlines in the fund fall at 5pm London time, as the round's do. */
  static final LocalTime DEADLINE = LocalTime.of(17, 0);

  /** Days MOPAC has to review a return once it is due. */
  static final int REVIEW_DAYS = 10;

  /** Days after the grant's end by which the final report is due. */
  static final int FINAL_REPORT_DAYS = 60;

  private final GrantService grants;
  private final Clock clock;

  GrantCalendar(GrantService grants, Clock clock) {
    this.grants = grants;
    this.clock = clock;
  }

  /** When the quarter is over: the first moment of the day after its last. */
  public Date quarterEnded(String quarter) {
    return at(parse(quarter).end().plusDays(1), LocalTime.MIDNIGHT);
  }

  public Date returnDue(String quarter) {
    return at(parse(quarter).returnDue(), DEADLINE);
  }

  public Date reviewDue(String quarter) {
    return at(parse(quarter).returnDue().plusDays(REVIEW_DAYS), DEADLINE);
  }

  /** True for the quarter that ends a financial year, after which underspend goes back. */
  public boolean endsYear(String quarter) {
    return parse(quarter).endsYear();
  }

  /** 5pm London time, {@code days} days from the engine clock's today. */
  public Date inDays(int days) {
    return at(LocalDate.now(clock.withZone(EngineClock.LONDON)).plusDays(days), DEADLINE);
  }

  public Date finalReportDue(String reference) {
    LocalDate due = grants.get(reference).endsOn().plusDays(FINAL_REPORT_DAYS);
    LocalDate today = LocalDate.now(clock.withZone(EngineClock.LONDON));
    return at(due.isBefore(today) ? today.plusDays(REVIEW_DAYS) : due, DEADLINE);
  }

  private static Quarter parse(String quarter) {
    return Quarter.parse(quarter)
        .orElseThrow(() -> new IllegalStateException("Not a quarter: " + quarter));
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(EngineClock.LONDON).toInstant());
  }
}
