package london.cofund.proposal.api;

import java.math.BigDecimal;
import java.util.List;
import london.cofund.eligibility.CriterionResult;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.Proposal;

/**
 * A proposal as {@code GET /api/proposals/{reference}} shows it. {@code totalScore} is filled for
 * MOPAC and the working group only, and is the moderated total where there is one. {@code
 * decisionReference} is the formal decision that approved an award (such as "PCD 310"), once
 * announced.
 */
public record ProposalView(
    String reference,
    String roundId,
    String title,
    String status,
    Boolean eligible,
    List<CriterionResult> criteria,
    String eoiOutcome,
    String eoiFeedback,
    BigDecimal totalScore,
    Decision decision,
    String decisionReference) {

  /** The funding decision, once announced. */
  public record Decision(String outcome, Long awardedAmount) {}

  /** What the caller may see of a proposal: scores only for MOPAC and the working group. */
  public static ProposalView of(Proposal proposal, CurrentUser user) {
    boolean seesScores = user.isInAny(Roles.MOPAC, Roles.WORKING_GROUP);
    return new ProposalView(
        proposal.reference(),
        proposal.roundId(),
        proposal.title(),
        proposal.status().name(),
        proposal.eligible(),
        proposal.criteria() == null ? List.of() : proposal.criteria(),
        proposal.eoiOutcome() == null ? null : proposal.eoiOutcome().name(),
        proposal.eoiFeedback(),
        seesScores ? proposal.effectiveScore() : null,
        new ProposalView.Decision(
            proposal.fundingOutcome() == null ? null : proposal.fundingOutcome().name(),
            proposal.awardedAmount()),
        proposal.decisionReference());
  }
}
