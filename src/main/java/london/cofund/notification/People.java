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
}
