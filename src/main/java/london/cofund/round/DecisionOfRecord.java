package london.cofund.round;

import java.util.regex.Pattern;
import london.cofund.system.InvalidRequestException;

/**
 * The reference of the formal decision that approved a round's awards: a Deputy Mayor for Policing
 * and Crime decision such as "PCD 310". Letters, digits, spaces, hyphens and slashes, starting with
 * a letter or digit; at most {@value #MAX_LENGTH} characters.
 */
final class DecisionOfRecord {

  static final int MAX_LENGTH = 60;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /-]*");

  private DecisionOfRecord() {}

  /** The reference, trimmed, or a refusal naming {@code decisionReference}. */
  static String check(String reference) {
    String trimmed = reference == null ? "" : reference.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidRequestException(
          "decisionReference",
          "is required: the reference of the decision that approved the awards, such as PCD 310");
    }
    if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
      throw new InvalidRequestException(
          "decisionReference", "must be at most " + MAX_LENGTH + " characters");
    }
    if (!SHAPE.matcher(trimmed).matches()) {
      throw new InvalidRequestException(
          "decisionReference",
          "may hold only letters, digits, spaces, hyphens and slashes, such as PCD 310");
    }
    return trimmed;
  }
}
