package london.cofund.notification;

import java.util.List;
import java.util.Optional;

/**
 * The users and groups that mail can be addressed to (Camunda's identity service in production).
 */
public interface People {

  /** The user with this id, if there is one. */
  Optional<Person> user(String userId);

  /** The members of a group; empty for an unknown group. */
  List<Person> members(String groupId);

  /** Every user. */
  List<Person> everyone();

  /** The user whose address this is (compared trimmed and in lower case), if any. */
  default Optional<Person> withEmail(String email) {
    String key = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    return everyone().stream()
        .filter(
            p ->
                p.email() != null
                    && p.email().trim().toLowerCase(java.util.Locale.ROOT).equals(key))
        .findFirst();
  }
}
