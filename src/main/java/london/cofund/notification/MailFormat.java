package london.cofund.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import london.cofund.system.EngineClock;
import london.cofund.system.Formats;

/**
 * Formats values in mail templates ({@code ${fmt.money(proposal.requestedAmount)}}): money as
 * {@code £1,234,567}, dates in London time as {@code 5pm on Monday 14 August 2017}, and codes as
 * words.
 */
public final class MailFormat {

  private static final ZoneId LONDON = EngineClock.LONDON;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private static final Map<String, String> CRITERIA =
      Map.of(
          "LONDON", "Based in London or of benefit solely to London",
          "BOROUGH_COVERAGE", "Sub-regional projects cover at least 3 boroughs",
          "PARTNERSHIP", "At least 3 partner agencies",
          "LA_CORE_PARTNERS",
              "Local authorities where it is delivered are core supporting partners",
          "PRIORITY", "Meets one or more of the round's priorities",
          "LEAD_AGENCY", "A clearly identified lead agency");

  private static final Map<String, String> EOI_OUTCOMES =
      Map.of(
          "ACCEPT", "accepted",
          "ACCEPT_WITH_MODIFICATION", "accepted with modification",
          "REJECT", "rejected");

  private static final Map<String, String> FUNDING_OUTCOMES =
      Map.of(
          "FUNDED", "funded",
          "NOT_FUNDED", "not funded",
          "DEFERRED", "deferred to the next tranche");

  private final Clock clock;

  MailFormat(Clock clock) {
    this.clock = clock;
  }

  /** {@code £1,234,567}; an empty string for null. */
  public String money(Long pounds) {
    return pounds == null ? "" : Formats.money(pounds);
  }

  /**
   * {@code 5pm on Monday 14 August 2017} (or {@code 5:30pm on ...}) in London time; "" for null.
   */
  public String date(OffsetDateTime when) {
    if (when == null) {
      return "";
    }
    var local = when.atZoneSameInstant(LONDON);
    int hour12 = local.getHour() % 12 == 0 ? 12 : local.getHour() % 12;
    String time =
        local.getMinute() == 0
            ? Integer.toString(hour12)
            : String.format(Locale.UK, "%d:%02d", hour12, local.getMinute());
    String noon = local.getHour() < 12 ? "am" : "pm";
    if (local.getHour() == 12 && local.getMinute() == 0) {
      return "midday on " + DAY.format(local);
    }
    if (local.getHour() == 0 && local.getMinute() == 0) {
      return "midnight at the start of " + DAY.format(local);
    }
    return time + noon + " on " + DAY.format(local);
  }

  /** {@code Monday 14 August 2017} in London time; "" for null. */
  public String day(OffsetDateTime when) {
    return when == null ? "" : DAY.format(when.atZoneSameInstant(LONDON));
  }

  /** A score with at most two decimals; "" for null. */
  public String score(BigDecimal score) {
    return score == null
        ? ""
        : score.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A criterion's code in words, for example "At least 3 partner agencies". */
  public String criterion(String code) {
    return code == null ? "" : CRITERIA.getOrDefault(code, code);
  }

  /** An EOI outcome in words: accepted, accepted with modification, rejected. */
  public String eoiOutcome(String outcome) {
    return outcome == null ? "not decided" : EOI_OUTCOMES.getOrDefault(outcome, outcome);
  }

  /** A funding outcome in words: funded, not funded, deferred to the next tranche. */
  public String fundingOutcome(String outcome) {
    return outcome == null ? "not decided" : FUNDING_OUTCOMES.getOrDefault(outcome, outcome);
  }

  /** "1 day", "3 days": how long ago {@code due} was, counted in whole days, at least one. */
  public String overdueBy(OffsetDateTime due) {
    if (due == null) {
      return "";
    }
    long days = Math.max(1, Duration.between(due.toInstant(), clock.instant()).toDays());
    return days == 1 ? "1 day" : days + " days";
  }

  /** A list as "a, b and c". */
  public String and(List<String> items) {
    if (items == null || items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
