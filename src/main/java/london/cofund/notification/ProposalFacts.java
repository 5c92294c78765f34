package london.cofund.notification;

import java.math.BigDecimal;
import java.util.List;

/**
 * A proposal (from its expression of interest to the funding decision) as emails describe it.
 *
 * @param reference the proposal's reference (the {@code proposalReference} process variable and the
 *     proposal process's business key)
 * @param roundId the round it was submitted to
 * @param title the project's title, as the applicant typed it
 * @param status the proposal's status in its own package's words
 * @param contactName the lead agency's named contact
 * @param contactEmail where the lead contact is reached ({@code mailTo} {@code applicant})
 * @param requestedAmount the amount asked for, in whole pounds
 * @param eligible whether the EOI passed every screened criterion
 * @param criteria one line per screened criterion, in the order screened
 * @param eoiOutcome MOPAC's EOI feedback outcome: {@code ACCEPT}, {@code ACCEPT_WITH_MODIFICATION}
 *     or {@code REJECT}; null before feedback
 * @param eoiFeedback MOPAC's feedback text; may be null
 * @param fundingOutcome {@code FUNDED}, {@code NOT_FUNDED} or {@code DEFERRED}; null before the
 *     decision
 * @param awardedAmount the award in whole pounds when funded; null otherwise
 * @param totalScore the moderated assessment score; null before scoring
 * @param decisionReasons the panel's reasons and score feedback; may be null
 * @param decisionReference the formal decision that approved an award (such as "PCD 310"); null
 *     unless funded
 */
public record ProposalFacts(
    String reference,
    String roundId,
    String title,
    String status,
    String contactName,
    String contactEmail,
    long requestedAmount,
    boolean eligible,
    List<CriterionLine> criteria,
    String eoiOutcome,
    String eoiFeedback,
    String fundingOutcome,
    Long awardedAmount,
    BigDecimal totalScore,
    String decisionReasons,
    String decisionReference) {

  public ProposalFacts {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }

  /** The facts of a proposal that carries no decision of record. */
  public ProposalFacts(
      String reference,
      String roundId,
      String title,
      String status,
      String contactName,
      String contactEmail,
      long requestedAmount,
      boolean eligible,
      List<CriterionLine> criteria,
      String eoiOutcome,
      String eoiFeedback,
      String fundingOutcome,
      Long awardedAmount,
      BigDecimal totalScore,
      String decisionReasons) {
    this(
        reference,
        roundId,
        title,
        status,
        contactName,
        contactEmail,
        requestedAmount,
        eligible,
        criteria,
        eoiOutcome,
        eoiFeedback,
        fundingOutcome,
        awardedAmount,
        totalScore,
        decisionReasons,
        null);
  }

  /** The criteria the proposal failed, in the order screened. */
  public List<CriterionLine> failedCriteria() {
    return criteria.stream().filter(line -> !line.passed()).toList();
  }
}
