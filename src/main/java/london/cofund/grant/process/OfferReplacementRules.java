package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.Grant;
import london.cofund.grant.GrantService;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.system.Formats;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_OfferReplacement} in the proposal model: the working group answers {@code
 * replacementDecision} (ACCEPT or DECLINE) to the deferred proposal offered in a failed agreement's
 * place. Nothing is funded without that yes; the answer goes to the owned {@code
 * replacementOutcome}.
 */
@Component
class OfferReplacementRules extends TaskRulesFor {

  private final GrantService grants;
  private final ProposalService proposals;

  OfferReplacementRules(GrantService grants, ProposalService proposals) {
    super(ProposalProcess.KEY, TASK_OFFER_REPLACEMENT);
    this.grants = grants;
    this.proposals = proposals;
  }

  @Override
  public void onCreate(DelegateTask task) {
    String failed = ProposalProcess.REFERENCE.require(task);
    Grant grant = grants.get(failed);
    Proposal offered = proposals.get(REPLACEMENT_REFERENCE.require(task));
    task.setVariableLocal(
        VAR_TASK_BRIEF,
        UserText.of(
            "The grant agreement of "
                + failed
                + " failed: "
                + grant.failureReason()
                + ". Its award went back to the fund.\n\nThe best-scored deferred proposal that"
                + " fits is **"
                + offered.title()
                + "** ("
                + offered.reference()
                + "), led by "
                + offered.leadAgencyName()
                + ", scored "
                + Formats.score(offered.effectiveScore())
                + ", asking "
                + Formats.money(offered.requestedAmount())
                + ". Fund it in the failed award's place? Nothing happens without a yes."));
  }

  @Override
  public void onComplete(DelegateTask task) {
    String decision = ProcessVariables.requiredString(task, VAR_REPLACEMENT_DECISION, 20);
    if (!decision.equals("ACCEPT") && !decision.equals("DECLINE")) {
      throw ProcessVariables.invalid(VAR_REPLACEMENT_DECISION, "must be ACCEPT or DECLINE");
    }
    ProcessVariables.optionalString(task, VAR_REPLACEMENT_COMMENT, 4000);
    REPLACEMENT_OUTCOME.set(
        task.getExecution(), decision.equals("ACCEPT") ? "ACCEPTED" : "DECLINED");
  }
}
