package london.cofund.portal;

import java.time.OffsetDateTime;

/**
 * A self-registration waiting for its email address to be confirmed ({@code
 * cf_portal_registration}).
 */
public record Registration(
    String userId,
    String firstName,
    String lastName,
    String email,
    OffsetDateTime expiresAt,
    OffsetDateTime confirmedAt) {}
