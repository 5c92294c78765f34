package london.cofund.portal;

import java.time.OffsetDateTime;

/**
 * A colleague invited to a draft by email; {@code maySubmit} when the lead allowed it. {@code
 * userId} is the user who accepted the mailed invitation, null until then.
 */
public record Collaborator(
    String email,
    boolean maySubmit,
    String invitedBy,
    OffsetDateTime invitedAt,
    String userId,
    OffsetDateTime acceptedAt) {

  public boolean accepted() {
    return userId != null;
  }
}
