package london.cofund.round;

import java.util.List;

/**
 * The panel's decision on a round's portfolio.
 *
 * @param funded the references funded, each at its requested amount
 * @param deferred the references carried forward to the next tranche
 * @param rationale the panel's reasons; required where the decision departs from the recommendation
 * @param departsFromRecommendation whether it differs from the recommended portfolio
 * @param decidedBy the panel member who recorded it
 */
public record FundingDecision(
    List<String> funded,
    List<String> deferred,
    String rationale,
    boolean departsFromRecommendation,
    String decidedBy) {}
