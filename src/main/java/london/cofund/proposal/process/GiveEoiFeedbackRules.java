package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

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
 * already accepted against its maximum project count, refreshed when someone claims the task: the
 * seed asks for about as many proposals as can be funded.
 */
@Component
class GiveEoiFeedbackRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final ProposalTaskSupport support;

  GiveEoiFeedbackRules(ProposalService proposals, ProposalTaskSupport support) {
    super(KEY, TASK_GIVE_EOI_FEEDBACK);
    this.proposals = proposals;
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
          return "**"
              + accepted
              + " EOIs of this round are accepted so far, against a maximum of "
              + round.maxProjects()
              + " funded projects.** Steer towards about as many full proposals as can be funded.\n\n";
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
