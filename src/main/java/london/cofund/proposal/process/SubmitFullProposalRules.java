package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.system.Formats;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_SubmitFullProposal}: the full proposal arrives in {@code fullProposal} (JSON
 * in the API's shape; the form starts from the EOI, or from the last attempt). It is checked,
 * stored; delivery boroughs that the EOI did not name sign off ({@code newCorePartnerGroups}); then
 * it is screened again.
 */
@Component
class SubmitFullProposalRules extends TaskRulesFor {

  private final ProposalService proposals;
  private final ProposalTaskSupport support;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  SubmitFullProposalRules(
      ProposalService proposals,
      ProposalTaskSupport support,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    super(KEY, TASK_SUBMIT_FULL_PROPOSAL);
    this.proposals = proposals;
    this.support = support;
    this.json = json;
  }

  @Override
  public void onCreate(DelegateTask task) {
    Proposal proposal =
        support.brief(
            task,
            (p, round) ->
                "Submit the full proposal by **"
                    + Formats.dateTime(round.dates().fullProposalDeadline())
                    + "**, when it lapses.\n\n"
                    + support.feedback(p));
    // On the task's own scope (see ReviseEoiRules): what the applicant submits overwrites it.
    task.getExecution()
        .setVariableLocal(
            VAR_FULL_PROPOSAL,
            UserText.of(
                support.prettyJson(
                    proposal.fullProposal() != null
                        ? proposal.fullProposal()
                        : template(proposal))));
  }

  /** The EOI's fields with the full proposal's own fields left to fill in. */
  private Map<String, Object> template(Proposal proposal) {
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(proposal.eoi(), Map.class));
    fields.remove("requestedAmount");
    fields.put(
        "budget", List.of(Map.of("financialYear", "", "amount", proposal.requestedAmount())));
    fields.put("outcomes", "");
    fields.put("deliveryPlan", "");
    fields.put("risks", "");
    return fields;
  }

  @Override
  public void onComplete(DelegateTask task) {
    String reference = support.reference(task);
    proposals.submitFullProposal(
        reference, support.document(task, VAR_FULL_PROPOSAL, FullProposalForm.class));
    // The boroughs it adds sign off before it is screened (Gateway_NewDeliveryBoroughs).
    task.getExecution()
        .setVariable(
            VAR_NEW_CORE_PARTNER_GROUPS,
            new java.util.ArrayList<>(proposals.newCorePartnerGroups(reference)));
  }
}
