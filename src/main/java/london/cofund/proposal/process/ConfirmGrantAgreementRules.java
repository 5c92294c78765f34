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
 * Rules of {@code Task_ConfirmGrantAgreement}: {@code grantAgreementSigned} (true) and {@code
 * agreementDate}.
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
                + ".\n\n");
  }

  @Override
  public void onComplete(DelegateTask task) {
    boolean signed = ProcessVariables.requiredBoolean(task, VAR_GRANT_AGREEMENT_SIGNED);
    var date = ProcessVariables.optionalDateTime(task, VAR_AGREEMENT_DATE);
    LocalDate day = date == null ? null : date.atZoneSameInstant(EngineClock.LONDON).toLocalDate();
    proposals.recordGrantAgreement(support.reference(task), signed, day);
  }
}
