package london.cofund.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How money, scores and dates read in forms and emails: £1,234,567; 17.5; Monday 14 August 2017,
 * 17:00.
 */
public final class Formats {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  /** An ISO 8601 repeating interval as the engine's cycles use it: R/PT1H, R5/PT5M. */
  private static final Pattern CYCLE = Pattern.compile("R(\\d*)/(P[0-9DTHMS.]+)");

  private Formats() {}

  /**
   * A duration in words, for people: "3 days", "1 hour and 30 minutes", "at once" for zero. An ISO
   * 8601 duration (P3D) is for configuration files, not pages.
   */
  public static String duration(Duration duration) {
    if (duration == null) {
      return "-";
    }
    if (duration.isZero()) {
      return "at once";
    }
    List<String> parts = new ArrayList<>();
    add(parts, duration.toDaysPart(), "day");
    add(parts, duration.toHoursPart(), "hour");
    add(parts, duration.toMinutesPart(), "minute");
    add(parts, duration.toSecondsPart(), "second");
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /**
   * An engine cycle in words: R/PT1H is "every hour", R5/PT5M "5 times, every 5 minutes". Anything
   * else (a cron expression) is shown as it is.
   */
  public static String cycle(String cycle) {
    if (cycle == null) {
      return "-";
    }
    Matcher m = CYCLE.matcher(cycle.trim());
    if (!m.matches()) {
      return cycle;
    }
    Duration every;
    try {
      every = Duration.parse(m.group(2));
    } catch (RuntimeException e) {
      return cycle;
    }
    String period = duration(every);
    String each = "every " + (period.startsWith("1 ") ? period.substring(2) : period);
    return m.group(1).isEmpty() ? each : m.group(1) + " times, " + each;
  }

  private static void add(List<String> parts, long amount, String unit) {
    if (amount > 0) {
      parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
    }
  }

  public static String money(Long amount) {
    return amount == null ? "-" : String.format(Locale.UK, "£%,d", amount);
  }

  /** Whole pence as pounds and pence: £1,234.56 (a grant's money, which is held in pence). */
  public static String pence(Long pence) {
    if (pence == null) {
      return "-";
    }
    String sign = pence < 0 ? "-" : "";
    long abs = Math.abs(pence);
    return String.format(Locale.UK, "%s£%,d.%02d", sign, abs / 100, abs % 100);
  }

  public static String score(BigDecimal score) {
    return score == null ? "-" : score.stripTrailingZeros().toPlainString();
  }

  /** A date and time in London, the fund's time zone. */
  public static String dateTime(OffsetDateTime value) {
    return value == null ? "-" : value.atZoneSameInstant(EngineClock.LONDON).format(DATE_TIME);
  }
}
