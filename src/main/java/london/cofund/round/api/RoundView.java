package london.cofund.round.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.FundingDecision;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.round.RoundStage;

/**
 * A round as {@code GET /api/rounds/{roundId}} shows it, with the fund it draws on and its criteria
 * thresholds. The recommended portfolio and the panel's decision are for MOPAC, the working group,
 * the Leaders' Committee and administrators; others see the decision once it is announced.
 */
public record RoundView(
    String roundId,
    String name,
    int tranche,
    long potAmount,
    int minProjects,
    int maxProjects,
    int assessorsPerProposal,
    BigDecimal fundableThreshold,
    List<Priority> priorityLongList,
    List<String> shortlist,
    String stage,
    OffsetDateTime consultationDeadline,
    OffsetDateTime eoiDeadline,
    OffsetDateTime fullProposalDeadline,
    OffsetDateTime decisionDate,
    OffsetDateTime serviceStartDate,
    Map<String, Long> proposalCounts,
    RecommendedPortfolio recommendedPortfolio,
    Decision decision,
    List<String> carriedForwardPriorities,
    String previousRoundId,
    OffsetDateTime publishedAt,
    OffsetDateTime announcedAt,
    String fundId,
    int minSubRegionalBoroughs,
    int minPartnerAgencies,
    String workingGroupComments,
    String decisionReference) {

  /** The panel's decision: funded and deferred references and the rationale. */
  public record Decision(List<String> funded, List<String> deferred, String rationale) {}

  /**
   * The view, with the working group's comments on the short list (for those who see the
   * deliberations) and the reference of the decision that approved the awards (for them as soon as
   * it is recorded, for everyone once the awards are announced).
   */
  static RoundView of(
      Round round,
      Map<String, Long> counts,
      boolean seesDeliberations,
      String workingGroupComments,
      String decisionReference) {
    FundingDecision decision = round.decision();
    boolean showDecision =
        decision != null && (seesDeliberations || round.stage() == RoundStage.ANNOUNCED);
    return new RoundView(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.potAmount(),
        round.minProjects(),
        round.maxProjects(),
        round.assessorsPerProposal(),
        round.fundableThreshold(),
        round.priorityLongList(),
        round.shortlist(),
        round.stage().name(),
        round.dates().consultationDeadline(),
        round.dates().eoiDeadline(),
        round.dates().fullProposalDeadline(),
        round.dates().decisionDate(),
        round.dates().serviceStartDate(),
        counts,
        seesDeliberations ? round.recommendedPortfolio() : null,
        showDecision
            ? new Decision(decision.funded(), decision.deferred(), decision.rationale())
            : null,
        round.carriedForwardPriorities().stream().map(Priority::code).toList(),
        round.previousRoundId(),
        round.publishedAt(),
        round.announcedAt(),
        round.fundId(),
        round.thresholds().minSubRegionalBoroughs(),
        round.thresholds().minPartnerAgencies(),
        seesDeliberations ? workingGroupComments : null,
        seesDeliberations || round.stage() == RoundStage.ANNOUNCED ? decisionReference : null);
  }
}
