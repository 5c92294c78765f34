package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import london.cofund.fund.FundPosition;
import london.cofund.fund.FundService;
import london.cofund.proposal.EoiOutcome;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_GiveEoiFeedback}: {@code eoiOutcome} (ACCEPT, ACCEPT_WITH_MODIFICATION or
 * REJECT) and {@code eoiFeedback}, required. The form shows how many of the round's EOIs are
 * already accepted against its maximum project count, and the projects funded across the fund
 * against the fund-wide target (the seed's 5-8, counted across tranches), refreshed when someone
 * claims the task: the seed asks for "as close to 8 proposals as practical".
 */
@Component
class GiveEoiFeedbackRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final FundService funds;
  private final ProposalTaskSupport support;

  GiveEoiFeedbackRules(ProposalService proposals, FundService funds, ProposalTaskSupport support) {
    super(KEY, TASK_GIVE_EOI_FEEDBACK);
    this.proposals = proposals;
    this.funds = funds;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    support.brief(
        task,
        (proposal, round) -> {
          long accepted = proposals.acceptedEois(round.roundId());
          task.setVariableLocal("acceptedEois", accepted);
          task.setVariableLocal("maxProjects", round.maxProjects());
          String roundLine =
              "**"
                  + accepted
                  + " EOIs of this round are accepted so far, against a maximum of "
                  + round.maxProjects()
                  + " funded projects in this round.**";
          if (round.fundId() == null) {
            return roundLine + " Steer towards about as many full proposals as can be funded.\n\n";
          }
          FundPosition fund = funds.position(round.fundId());
          task.setVariableLocal("fundedInFund", fund.fundedProjects());
          return roundLine
              + " Across "
              + fund.fund().fundId()
              + ", "
              + fund.fundedProjects()
              + " projects are funded so far, against the fund-wide target of "
              + fund.fund().minProjects()
              + " to "
              + fund.fund().maxProjects()
              + ". Steer towards as close to "
              + fund.fund().maxProjects()
              + " funded projects across the fund as practical.\n\n";
        });
  }

  @Override
  public void onAssignment(DelegateTask task) {
    onCreate(task);
  }

  @Override
  public void onComplete(DelegateTask task) {
    EoiOutcome outcome;
    String given = ProcessVariables.string(task, VAR_EOI_OUTCOME);
    try {
      outcome = EoiOutcome.valueOf(given);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProcessVariables.invalid(
          VAR_EOI_OUTCOME,
          (given == null ? "is required" : "'" + given + "' is not one of")
              + " ACCEPT, ACCEPT_WITH_MODIFICATION, REJECT");
    }
    String feedback = ProcessVariables.requiredString(task, VAR_EOI_FEEDBACK, 4000);
    String reference = support.reference(task);
    proposals.recordEoiFeedback(reference, outcome, feedback);
    proposals.changeStatus(
        reference,
        outcome == EoiOutcome.REJECT
            ? ProposalStatus.EOI_REJECTED
            : ProposalStatus.FULL_PROPOSAL_DUE);
  }
}
