package london.cofund.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * Makes text safe for a mail header. A subject or a name comes partly from what users typed (a
 * proposal's title, a contact's name); a CR or LF in it would end the header and let the rest
 * ({@code "\r\nBcc: attacker@example.org"}) become headers of its own. Every control character, and
 * the Unicode line and paragraph separators, becomes a space.
 */
public final class MailHeaders {

  /** Long enough for any real subject; mail clients cut longer ones anyway. */
  static final int MAX_LENGTH = 250;

  private MailHeaders() {}

  /** One line of text without control characters, runs of blanks collapsed, at most 250 chars. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(text.length());
    boolean blank = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space =
          Character.isISOControl(c)
              || Character.isWhitespace(c)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\u00a0';
      if (space) {
        blank = true;
      } else {
        if (blank && !clean.isEmpty()) {
          clean.append(' ');
        }
        blank = false;
        clean.append(c);
      }
    }
    if (clean.length() > MAX_LENGTH) {
      clean.setLength(MAX_LENGTH - 1);
      clean.append('\u2026');
    }
    return clean.toString();
  }

  /**
   * A single bare email address, strictly parsed, or empty. A value with a control character, a
   * display name, a group or more than one address is refused rather than repaired: it names
   * somebody other than the person meant.
   */
  public static Optional<InternetAddress> address(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    String trimmed = email.trim();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        return Optional.empty();
      }
    }
    try {
      InternetAddress[] parsed = InternetAddress.parse(trimmed, true);
      if (parsed.length != 1) {
        return Optional.empty();
      }
      InternetAddress address = parsed[0];
      address.validate();
      if (address.isGroup()
          || address.getPersonal() != null
          || !trimmed.equalsIgnoreCase(address.getAddress())
          || !trimmed.contains("@")) {
        return Optional.empty();
      }
      return Optional.of(address);
    } catch (AddressException e) {
      return Optional.empty();
    }
  }
}
