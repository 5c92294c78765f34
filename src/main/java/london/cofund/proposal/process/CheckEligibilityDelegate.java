package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.ArrayList;
import java.util.stream.IntStream;
import london.cofund.eligibility.Screening;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_CheckEligibility} (the EOI) and {@code Task_CheckFullProposal}: screens the
 * latest document against the six criteria. An eligible EOI goes to its boroughs for sign-off; an
 * eligible full proposal to its assessors, one slot per assessor the round asks for; one that is
 * not (a new delivery borough declined, say) back to the applicant.
 */
@Component
class CheckEligibilityDelegate implements JavaDelegate {

  private final ProposalService proposals;
  private final RoundService rounds;

  CheckEligibilityDelegate(ProposalService proposals, RoundService rounds) {
    this.proposals = proposals;
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.require(execution);
    Screening screening = proposals.screen(reference);
    execution.setVariable(VAR_ELIGIBLE, screening.eligible());
    boolean fullProposal = TASK_CHECK_FULL_PROPOSAL.equals(execution.getCurrentActivityId());
    if (!fullProposal) {
      proposals.changeStatus(
          reference,
          screening.eligible()
              ? ProposalStatus.AWAITING_BOROUGH_SIGN_OFF
              : ProposalStatus.NOT_ELIGIBLE);
      if (screening.eligible()) {
        execution.setVariable(
            VAR_CORE_PARTNER_GROUPS, new ArrayList<>(proposals.corePartnerGroups(reference)));
      }
    } else if (!screening.eligible()) {
      // Back to the applicant, also after a new borough's sign-off.
      proposals.changeStatus(reference, ProposalStatus.FULL_PROPOSAL_DUE);
    } else {
      proposals.changeStatus(reference, ProposalStatus.UNDER_ASSESSMENT);
      int assessors = rounds.get(ROUND_ID.require(execution)).assessorsPerProposal();
      execution.setVariable(
          VAR_ASSESSMENT_SLOTS,
          new ArrayList<>(IntStream.rangeClosed(1, assessors).boxed().toList()));
    }
  }
}
