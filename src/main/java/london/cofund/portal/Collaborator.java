package london.cofund.portal;

import java.time.OffsetDateTime;

/** A colleague invited to a draft by email; {@code maySubmit} when the lead allowed it. */
public record Collaborator(
    String email, boolean maySubmit, String invitedBy, OffsetDateTime invitedAt) {}
