package london.cofund.grant.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.Date;
import london.cofund.grant.GrantService;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_FundReplacement} of the proposal model, once the working group said yes: the
 * deferred proposal's own {@code proposal} process is started again at {@code
 * Task_RecordFundingDecision} with the outcome FUNDED, so it records the award, writes to the
 * applicant and asks MOPAC for its own grant agreement, exactly as a proposal funded by the panel.
 */
@Component
class FundReplacementDelegate implements JavaDelegate {

  private final GrantService grants;
  private final ProposalService proposals;
  private final RoundService rounds;

  FundReplacementDelegate(GrantService grants, ProposalService proposals, RoundService rounds) {
    this.grants = grants;
    this.proposals = proposals;
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String failed = REFERENCE.require(execution);
    String replacement = GrantProcess.REPLACEMENT_REFERENCE.require(execution);
    Proposal proposal = proposals.get(replacement);
    Round round = rounds.get(proposal.roundId());
    grants.recordReplacement(failed, replacement);
    ProcessInstance instance =
        execution
            .getProcessEngineServices()
            .getRuntimeService()
            .createProcessInstanceByKey(KEY)
            .businessKey(replacement)
            .setVariable(VAR_REFERENCE, replacement)
            .setVariable(VAR_ROUND_ID, proposal.roundId())
            .setVariable(VAR_SUBMITTED_BY, proposal.submittedBy())
            .setVariable(VAR_EOI_DEADLINE, Date.from(round.dates().eoiDeadline().toInstant()))
            .setVariable(
                VAR_FULL_PROPOSAL_DEADLINE,
                Date.from(round.dates().fullProposalDeadline().toInstant()))
            .setVariable(VAR_DECISION_DATE, Date.from(round.dates().decisionDate().toInstant()))
            .setVariable(
                VAR_SERVICE_START_DATE, Date.from(round.dates().serviceStartDate().toInstant()))
            .setVariable(VAR_FUNDING_OUTCOME, "FUNDED")
            .setVariable(
                VAR_DECISION_REASONS,
                UserText.of(
                    "Funded in place of "
                        + failed
                        + ", whose grant agreement could not be signed; the working group agreed."))
            .setVariable(
                VAR_AWARD_DECISION_REFERENCE,
                rounds.decisionReference(round.roundId()).orElse(null))
            .startBeforeActivity(TASK_RECORD_FUNDING_DECISION)
            .execute();
    proposals.linkProcessInstance(replacement, instance.getId());
  }
}
