package london.cofund.system;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How money, scores and dates read in forms and emails: £1,234,567; 17.5; Monday 14 August 2017,
 * 17:00.
 */
public final class Formats {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private Formats() {}

  public static String money(Long amount) {
    return amount == null ? "-" : String.format(Locale.UK, "£%,d", amount);
  }

  public static String score(BigDecimal score) {
    return score == null ? "-" : score.stripTrailingZeros().toPlainString();
  }

  /** A date and time in London, the fund's time zone. */
  public static String dateTime(OffsetDateTime value) {
    return value == null ? "-" : value.atZoneSameInstant(EngineClock.LONDON).format(DATE_TIME);
  }
}
