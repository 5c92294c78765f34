package london.cofund.round;

import java.time.OffsetDateTime;

/**
 * A round has just passed a decision point. Published inside the transaction that records it, so a
 * listener's work (the committee update) commits or rolls back with it.
 */
public record DecisionPointReached(String roundId, DecisionPoint point, OffsetDateTime reachedAt) {}
