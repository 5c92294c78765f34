package london.cofund.fund;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK public-sector financial year, 1 April to 31 March, written {@code 2018/19}.
 *
 * @param startYear the calendar year in which it starts (2018 for 2018/19)
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

  /** How a financial year is written, for validation messages. */
  public static final String PATTERN_TEXT = "\\d{4}/\\d{2}";

  /** The message when a year is not written as one. */
  public static final String FORMAT_MESSAGE = "must be a financial year such as 2018/19";

  private static final Pattern WRITTEN = Pattern.compile("(\\d{4})/(\\d{2})");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The year as written, if it is a real financial year (2018/19, never 2018/20). */
  public static Optional<FinancialYear> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = WRITTEN.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(matcher.group(1));
    int end = Integer.parseInt(matcher.group(2));
    return end == (start + 1) % 100 ? Optional.of(new FinancialYear(start)) : Optional.empty();
  }

  /** The financial year that a day in London falls in. */
  public static FinancialYear of(LocalDate day) {
    return new FinancialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
  }

  /** The financial year that a moment falls in, by the London calendar. */
  public static FinancialYear of(OffsetDateTime moment) {
    return of(moment.atZoneSameInstant(LONDON).toLocalDate());
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }
}
