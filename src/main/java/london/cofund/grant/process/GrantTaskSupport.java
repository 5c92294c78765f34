package london.cofund.grant.process;

import london.cofund.grant.Grant;
import london.cofund.grant.GrantService;
import london.cofund.grant.Pence;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** What the grant's task rules share: the task's grant, proposal and the brief its form shows. */
@Component
class GrantTaskSupport {

  private final GrantService grants;
  private final ProposalService proposals;

  GrantTaskSupport(GrantService grants, ProposalService proposals) {
    this.grants = grants;
    this.proposals = proposals;
  }

  /** The grant's reference: its process's business key, which no user can write. */
  String reference(DelegateTask task) {
    return TaskIdentity.businessKey(task);
  }

  Grant grant(DelegateTask task) {
    return grants.get(reference(task));
  }

  Proposal proposal(DelegateTask task) {
    return proposals.get(reference(task));
  }

  /** Sets the task's brief: what it asks, then the grant in a few lines. */
  void brief(DelegateTask task, String intro) {
    String reference = reference(task);
    Proposal proposal = proposals.get(reference);
    StringBuilder text = new StringBuilder(intro).append("\n\n");
    text.append("**")
        .append(proposal.title())
        .append("** (")
        .append(reference)
        .append("), led by ");
    text.append(proposal.leadAgencyName()).append(".\n\n");
    grants
        .find(reference)
        .ifPresent(
            grant -> {
              var record = grants.record(reference);
              text.append("Award ")
                  .append(Pence.format(grant.awardPence()))
                  .append(", paid so far ")
                  .append(Pence.format(record.paidPence()))
                  .append(", returned to the fund ")
                  .append(Pence.format(record.returnedPence()))
                  .append(". Runs ")
                  .append(grant.startsOn())
                  .append(" to ")
                  .append(grant.endsOn())
                  .append(grant.paymentsSuspended() ? "; **payments are suspended**" : "")
                  .append(".\n\n| line | budget | returned |\n|---|---:|---:|\n");
              record
                  .lines()
                  .forEach(
                      l ->
                          text.append("| ")
                              .append(l.financialYear())
                              .append(" | ")
                              .append(Pence.format(l.budgetPence()))
                              .append(" | ")
                              .append(Pence.format(l.returnedPence()))
                              .append(" |\n"));
            });
    task.setVariableLocal(GrantProcess.VAR_TASK_BRIEF, UserText.of(text.toString()));
  }
}
