package london.cofund.notification;

import java.util.Locale;

/**
 * One person a message goes to.
 *
 * @param email the address, already validated
 * @param name the name to greet and to show beside the address; may be blank
 * @param viaGroup the candidate group through which this person was reached, or null; a task link
 *     then prefers that group's task
 */
public record Recipient(String email, String name, String viaGroup) {

  /** The address as idempotency keys and the outbox compare it: trimmed, in lower case. */
  public String key() {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
