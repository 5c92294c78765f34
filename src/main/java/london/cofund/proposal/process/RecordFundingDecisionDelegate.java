package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.FundingOutcome;
import london.cofund.system.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_RecordFundingDecision}, right after {@code FundingDecision} arrives: records
 * the outcome and amount (a funded proposal without an amount gets its requested amount), the
 * decision of record that approved an award, and the status.
 */
@Component
class RecordFundingDecisionDelegate implements JavaDelegate {

  private final ProposalService proposals;

  RecordFundingDecisionDelegate(ProposalService proposals) {
    this.proposals = proposals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.require(execution);
    FundingOutcome outcome;
    try {
      outcome = FundingOutcome.valueOf(ProcessVariables.string(execution, VAR_FUNDING_OUTCOME));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProcessVariables.invalid(VAR_FUNDING_OUTCOME, "must be FUNDED, NOT_FUNDED or DEFERRED");
    }
    Proposal proposal = proposals.get(reference);
    Long amount = null;
    if (outcome == FundingOutcome.FUNDED) {
      // An award is the proposal's requested amount (issue 4); a different one is refused.
      var given = ProcessVariables.optionalDecimal(execution, VAR_AWARDED_AMOUNT);
      if (given != null
          && given.compareTo(java.math.BigDecimal.valueOf(proposal.requestedAmount())) != 0) {
        throw ProcessVariables.invalid(
            VAR_AWARDED_AMOUNT,
            "must be the requested amount, "
                + london.cofund.system.Formats.money(proposal.requestedAmount())
                + ", or left out");
      }
      amount = proposal.requestedAmount();
    }
    execution.setVariable(VAR_AWARDED_AMOUNT, amount);
    proposals.recordFundingDecision(
        reference,
        outcome,
        amount,
        ProcessVariables.string(execution, VAR_DECISION_REASONS),
        ProcessVariables.string(execution, VAR_AWARD_DECISION_REFERENCE));
    proposals.changeStatus(reference, ProposalStatus.valueOf(outcome.name()));
  }
}
