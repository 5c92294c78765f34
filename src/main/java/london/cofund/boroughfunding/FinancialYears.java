package london.cofund.boroughfunding;

import java.util.regex.Pattern;

/**
 * Financial years as the fund writes them, {@code 2018/19}: April 2018 to March 2019. Written this
 * way, they sort as text in time order.
 */
final class FinancialYears {

  static final String EXAMPLE = "2018/19";

  private static final Pattern FORM = Pattern.compile("(\\d{4})/(\\d{2})");

  private FinancialYears() {}

  /** Whether the text is a financial year such as 2018/19, its second year following the first. */
  static boolean isWellFormed(String text) {
    if (text == null) {
      return false;
    }
    var matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    int start = Integer.parseInt(matcher.group(1));
    int end = Integer.parseInt(matcher.group(2));
    return start >= 2000 && (start + 1) % 100 == end;
  }

  static String problem() {
    return "must be a financial year written like " + EXAMPLE;
  }
}
