package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import london.cofund.proposal.EoiForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.system.Formats;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ReviseEoi}: the applicant's revised EOI arrives in {@code eoi} (JSON in the
 * API's shape; the form starts from the current one). It is checked and stored, then screened
 * again.
 */
@Component
class ReviseEoiRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final ProposalTaskSupport support;

  ReviseEoiRules(ProposalService proposals, ProposalTaskSupport support) {
    super(KEY, TASK_REVISE_EOI);
    this.proposals = proposals;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    Proposal proposal =
        support.brief(
            task,
            (p, round) ->
                "Your EOI does not meet every criterion yet. Fix what failed and submit it again by **"
                    + Formats.dateTime(round.dates().eoiDeadline())
                    + "**, when it lapses.\n\n");
    // On the task's own scope (an input parameter in the model), where both Tasklist's submit-form
    // and engine-rest's complete write the edited value: a task-local copy would shadow them.
    task.getExecution().setVariableLocal(VAR_EOI, UserText.of(support.prettyJson(proposal.eoi())));
  }

  @Override
  public void onComplete(DelegateTask task) {
    proposals.reviseEoi(support.reference(task), support.document(task, VAR_EOI, EoiForm.class));
  }
}
