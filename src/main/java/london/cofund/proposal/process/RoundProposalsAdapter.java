package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalRepository;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.FundingOutcome;
import london.cofund.round.RoundProposals;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What a round asks of its proposals, answered from {@code cf_proposal} and the proposal processes.
 */
@Component
class RoundProposalsAdapter implements RoundProposals {

  private static final List<String> UNSETTLED =
      Arrays.stream(ProposalStatus.values()).filter(s -> !s.isSettled()).map(Enum::name).toList();

  private final ProposalRepository proposals;
  private final RuntimeService runtime;

  RoundProposalsAdapter(ProposalRepository proposals, RuntimeService runtime) {
    this.proposals = proposals;
    this.runtime = runtime;
  }

  @Override
  public Map<String, Long> countByStatus(String roundId) {
    return proposals.countByStatus(roundId);
  }

  @Override
  public boolean noneAwaitingAssessment(String roundId) {
    return proposals.countByRoundAndStatusIn(roundId, UNSETTLED) == 0;
  }

  @Override
  public List<AssessedProposal> assessed(String roundId) {
    return proposals.findByRound(roundId).stream()
        .filter(p -> p.status() == ProposalStatus.ASSESSED)
        .map(
            p ->
                new AssessedProposal(
                    p.reference(),
                    p.title(),
                    p.leadAgencyName(),
                    p.requestedAmount(),
                    p.effectiveScore(),
                    p.currentBid().priorityThemes(),
                    p.budgetByYear()))
        .toList();
  }

  @Override
  public Map<String, Long> budgetByYear(String reference) {
    return proposals.find(reference).map(Proposal::budgetByYear).orElse(Map.of());
  }

  @Override
  public List<String> deferredReferences(String roundId) {
    return proposals.findByRound(roundId).stream()
        .filter(p -> p.fundingOutcome() == FundingOutcome.DEFERRED)
        .map(Proposal::reference)
        .toList();
  }

  /**
   * Correlates {@code FundingDecision} to the proposal's process, which records it and writes to
   * the applicant.
   */
  @Override
  public void announce(
      String reference,
      FundingOutcome outcome,
      Long awardedAmount,
      String reasons,
      String decisionReference) {
    runtime
        .createMessageCorrelation(MESSAGE_FUNDING_DECISION)
        .processInstanceBusinessKey(reference)
        .setVariable(VAR_FUNDING_OUTCOME, outcome.name())
        .setVariable(VAR_AWARDED_AMOUNT, awardedAmount)
        .setVariable(VAR_DECISION_REASONS, reasons == null ? null : UserText.of(reasons))
        .setVariable(VAR_AWARD_DECISION_REFERENCE, decisionReference)
        .correlateWithResult();
  }
}
