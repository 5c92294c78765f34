package london.cofund.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.Scope;
import london.cofund.round.FundingOutcome;

/**
 * One bid, as stored in {@code cf_proposal}: from its EOI to its funding decision. Its process
 * instance (key {@code proposal}) has the reference as business key.
 */
public record Proposal(
    String reference,
    String roundId,
    String title,
    ProposalStatus status,
    Scope scope,
    String submittedBy,
    String leadAgencyName,
    String contactName,
    String contactEmail,
    long requestedAmount,
    int eoiVersion,
    EoiForm eoi,
    FullProposalForm fullProposal,
    Boolean eligible,
    List<CriterionResult> criteria,
    EoiOutcome eoiOutcome,
    String eoiFeedback,
    BigDecimal totalScore,
    Boolean moderationRequired,
    BigDecimal moderatedTotal,
    String moderationNote,
    String assessmentSummary,
    FundingOutcome fundingOutcome,
    Long awardedAmount,
    String decisionReasons,
    String decisionReference,
    LocalDate grantAgreementDate,
    List<String> deliveryBoroughs,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** The latest document: the full proposal once there is one, else the EOI. */
  public BidForm currentBid() {
    return fullProposal != null ? fullProposal : eoi;
  }

  /** The score that counts: the moderated total where MOPAC agreed one, else the computed total. */
  /** The full proposal's budget by financial year, in its order; empty before a full proposal. */
  public java.util.Map<String, Long> budgetByYear() {
    java.util.Map<String, Long> byYear = new java.util.LinkedHashMap<>();
    if (fullProposal != null) {
      fullProposal
          .budget()
          .forEach(line -> byYear.merge(line.financialYear(), line.amount(), Long::sum));
    }
    return byYear;
  }

  public BigDecimal effectiveScore() {
    return moderatedTotal != null ? moderatedTotal : totalScore;
  }
}
