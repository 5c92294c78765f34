package london.cofund.grant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.fund.FinancialYear;

/**
 * A quarter of a financial year, written {@code 2026/27 Q1}: Q1 is April to June, Q4 January to
 * March. A grant reports and is paid by quarter.
 *
 * @param year the financial year
 * @param number 1 to 4
 */
public record Quarter(FinancialYear year, int number) implements Comparable<Quarter> {

  /** Days after a quarter's end by which its monitoring return is due (issue 13). */
  public static final int RETURN_DUE_DAYS = 20;

  private static final Pattern WRITTEN = Pattern.compile("(\\d{4}/\\d{2}) Q([1-4])");

  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("A quarter is numbered 1 to 4, not " + number);
    }
  }

  /** The quarter as written ({@code 2026/27 Q1}), if it is one. */
  public static Optional<Quarter> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = WRITTEN.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return FinancialYear.parse(matcher.group(1))
        .map(year -> new Quarter(year, Integer.parseInt(matcher.group(2))));
  }

  /** The quarter a day falls in. */
  public static Quarter of(LocalDate day) {
    FinancialYear year = FinancialYear.of(day);
    int monthsIn = (day.getMonthValue() + 8) % 12; // April = 0
    return new Quarter(year, monthsIn / 3 + 1);
  }

  /** The quarters from the one {@code first} falls in to the one {@code last} falls in. */
  public static List<Quarter> between(LocalDate first, LocalDate last) {
    List<Quarter> quarters = new ArrayList<>();
    for (Quarter q = of(first); !q.start().isAfter(last); q = q.next()) {
      quarters.add(q);
    }
    return quarters;
  }

  public LocalDate start() {
    return LocalDate.of(year.startYear(), 4, 1).plusMonths(3L * (number - 1));
  }

  /** The quarter's last day. */
  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  /** The day its monitoring return is due: {@value #RETURN_DUE_DAYS} days after it ends. */
  public LocalDate returnDue() {
    return end().plusDays(RETURN_DUE_DAYS);
  }

  /** The last quarter of its financial year (January to March), after which underspend returns. */
  public boolean endsYear() {
    return number == 4;
  }

  public Quarter next() {
    return number == 4 ? new Quarter(year.next(), 1) : new Quarter(year, number + 1);
  }

  @Override
  public int compareTo(Quarter other) {
    int byYear = year.compareTo(other.year);
    return byYear != 0 ? byYear : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return year + " Q" + number;
  }
}
