package london.cofund.proposal;

import java.math.BigDecimal;
import java.util.List;
import london.cofund.eligibility.CriterionResult;

/**
 * A proposal as {@code GET /api/proposals/{reference}} shows it. {@code totalScore} is filled for
 * MOPAC and the working group only, and is the moderated total where there is one.
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
    Decision decision) {

  /** The funding decision, once announced. */
  public record Decision(String outcome, Long awardedAmount) {}
}
