package london.cofund.eligibility;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How agency names are compared. Applicants type the same organisation in different ways ("Camden
 * Council", "camden council "), and a partnership must not reach 3 agencies by listing one twice,
 * so names are compared ignoring case and surrounding or repeated spaces.
 */
public final class AgencyNames {

  /** Any run of Unicode white space, including the no-break spaces that pasted text brings. */
  private static final Pattern WHITE_SPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private AgencyNames() {}

  /**
   * The comparison key of an agency name: trimmed, inner white space collapsed to one space, and
   * lower-cased. {@code null} and blank names give the empty string.
   */
  public static String normalise(String name) {
    return tidy(name).toLowerCase(Locale.ROOT);
  }

  /** A name fit to show: trimmed and with inner white space collapsed, but its case kept. */
  static String tidy(String name) {
    if (name == null) {
      return "";
    }
    return WHITE_SPACE.matcher(name).replaceAll(" ").strip();
  }
}
