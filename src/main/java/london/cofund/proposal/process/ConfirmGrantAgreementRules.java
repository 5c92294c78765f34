package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.time.LocalDate;
import london.cofund.proposal.ProposalService;
import london.cofund.system.EngineClock;
import london.cofund.system.Formats;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ConfirmGrantAgreement}: signed ({@code grantAgreementSigned} true, with
 * {@code agreementDate}; a decision reference, conditions and a first payment in advance may be
 * given), or failed ({@code grantAgreementSigned} false, with {@code agreementFailureReason}). The
 * outcome goes to the owned {@code grantAgreementOutcome}, which the model's gateway reads; the
 * grant capability's steps that follow record the grant or release the award.
 */
@Component
class ConfirmGrantAgreementRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final ProposalTaskSupport support;

  ConfirmGrantAgreementRules(ProposalService proposals, ProposalTaskSupport support) {
    super(KEY, TASK_CONFIRM_GRANT_AGREEMENT);
    this.proposals = proposals;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    support.brief(
        task,
        (proposal, round) ->
            "Funded with **"
                + Formats.money(proposal.awardedAmount())
                + "**. Confirm once the grant agreement (or procurement) is signed; the service starts "
                + Formats.dateTime(round.dates().serviceStartDate())
                + ". If it cannot be signed, untick the box and say why: the award then goes back"
                + " to the fund, and the working group is offered the best-scored deferred"
                + " proposal that fits.\n\n");
  }

  @Override
  public void onComplete(DelegateTask task) {
    boolean signed = ProcessVariables.requiredBoolean(task, VAR_GRANT_AGREEMENT_SIGNED);
    ProcessVariables.optionalString(task, VAR_AGREEMENT_DECISION_REFERENCE, 200);
    ProcessVariables.optionalString(task, VAR_AGREEMENT_CONDITIONS, 4000);
    if (!signed) {
      // A failed agreement has a path (issue 13): the reason is required, the award is released.
      ProcessVariables.requiredString(task, VAR_AGREEMENT_FAILURE_REASON, 4000);
      GRANT_AGREEMENT_OUTCOME.set(task.getExecution(), "FAILED");
      return;
    }
    var date = ProcessVariables.optionalDateTime(task, VAR_AGREEMENT_DATE);
    LocalDate day = date == null ? null : date.atZoneSameInstant(EngineClock.LONDON).toLocalDate();
    proposals.recordGrantAgreement(support.reference(task), signed, day);
    GRANT_AGREEMENT_OUTCOME.set(task.getExecution(), "SIGNED");
  }
}
