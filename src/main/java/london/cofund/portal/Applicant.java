package london.cofund.portal;

import java.util.Locale;

/**
 * The person at the portal: their user id and their email address, by which a lead invites them to
 * a draft (lower case; null when their user has none).
 */
public record Applicant(String id, String email) {

  public Applicant {
    email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
  }
}
