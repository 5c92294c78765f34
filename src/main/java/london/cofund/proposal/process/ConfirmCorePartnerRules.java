package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import london.cofund.borough.LondonBorough;
import london.cofund.identity.Roles;
import london.cofund.proposal.ProposalService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ConfirmCorePartner}, one per delivery borough (or one for the Leaders'
 * Committee on a pan-London bid), and of {@code Task_ConfirmNewCorePartner}, one per delivery
 * borough that the full proposal added: {@code corePartnerConfirmed}, and {@code
 * corePartnerComment}, required for a decline.
 */
@Component
class ConfirmCorePartnerRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final ProposalTaskSupport support;

  ConfirmCorePartnerRules(ProposalService proposals, ProposalTaskSupport support) {
    super(KEY, TASK_CONFIRM_CORE_PARTNER, TASK_CONFIRM_NEW_CORE_PARTNER);
    this.proposals = proposals;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    String group = TaskIdentity.candidateGroup(task);
    String who =
        Roles.LEADERS_COMMITTEE.equals(group)
            ? "the Leaders' Committee signs off this pan-London proposal for all 32 boroughs"
            : LondonBorough.byGroupId(group).map(LondonBorough::displayName).orElse(group)
                + " council is a core supporting partner";
    String added =
        TASK_CONFIRM_NEW_CORE_PARTNER.equals(task.getTaskDefinitionKey())
            ? "The full proposal adds a delivery borough that the EOI did not name. "
            : "";
    support.brief(
        task,
        (proposal, round) -> added + "Confirm that " + who + ", or decline with your reasons.\n\n");
  }

  @Override
  public void onComplete(DelegateTask task) {
    boolean confirmed = ProcessVariables.requiredBoolean(task, VAR_CORE_PARTNER_CONFIRMED);
    proposals.recordSignOff(
        support.reference(task),
        TaskIdentity.candidateGroup(task),
        confirmed,
        ProcessVariables.optionalString(task, VAR_CORE_PARTNER_COMMENT, 4000),
        TaskActors.actorOrSystem(task));
  }
}
