package london.cofund.grant.process;

import london.cofund.grant.GrantService;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.system.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_ReleaseAward} of the proposal model, once MOPAC recorded that the agreement
 * failed: records the failure with its reason, gives the award back to the fund, and names the
 * best-scored deferred proposal of the round that fits ({@code replacementReference}), if any.
 */
@Component
class ReleaseAwardDelegate implements JavaDelegate {

  private final GrantService grants;

  ReleaseAwardDelegate(GrantService grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ProposalProcess.REFERENCE.require(execution);
    grants.failAgreement(
        reference,
        ProcessVariables.requiredString(
            execution, ProposalProcess.VAR_AGREEMENT_FAILURE_REASON, 4000));
    GrantProcess.REPLACEMENT_REFERENCE.set(
        execution, grants.bestReplacement(reference).map(p -> p.reference()).orElse(null));
  }
}
