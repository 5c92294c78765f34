package london.cofund.round;

import java.time.OffsetDateTime;

/**
 * One decision point of one round, as the dashboard and the committee updates show it.
 *
 * @param point which
 * @param title its name in the seed's words
 * @param plannedFor when the round plans to reach it; null for tranche 2
 * @param reachedAt when it was reached; null until then
 * @param status done, late, next or upcoming
 */
public record RoundDecisionPoint(
    DecisionPoint point,
    String title,
    OffsetDateTime plannedFor,
    OffsetDateTime reachedAt,
    DecisionPointStatus status) {}
