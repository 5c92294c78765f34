package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.Grant;
import london.cofund.grant.GrantService;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.system.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_OpenGrant} of the proposal model, once MOPAC confirmed the agreement signed:
 * records the grant (its agreement, budget lines and schedule) and starts its {@code grant} process
 * with the proposal reference as business key. Runs once: a grant already open is left as it is.
 */
@Component
class OpenGrantDelegate implements JavaDelegate {

  private final GrantService grants;
  private final ProposalService proposals;

  OpenGrantDelegate(GrantService grants, ProposalService proposals) {
    this.grants = grants;
    this.proposals = proposals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ProposalProcess.REFERENCE.require(execution);
    Proposal proposal = proposals.get(reference);
    String decision =
        ProcessVariables.optionalString(
            execution, ProposalProcess.VAR_AGREEMENT_DECISION_REFERENCE, 200);
    Object advance = execution.getVariable(ProposalProcess.VAR_FIRST_PAYMENT_IN_ADVANCE);
    Grant grant =
        grants.open(
            reference,
            new GrantService.Agreement(
                proposal.grantAgreementDate(),
                decision != null ? decision : proposal.decisionReference(),
                ProcessVariables.optionalString(
                    execution, ProposalProcess.VAR_AGREEMENT_CONDITIONS, 4000),
                Boolean.TRUE.equals(advance) || "true".equals(String.valueOf(advance))));
    boolean running =
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(reference)
                .count()
            > 0;
    if (!running) {
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .createProcessInstanceByKey(KEY)
          .businessKey(reference)
          .setVariable(VAR_REFERENCE, reference)
          .setVariable(VAR_ROUND_ID, grant.roundId())
          .setVariable(VAR_SUBMITTED_BY, proposal.submittedBy())
          .setVariable(VAR_QUARTERS, grants.quarters(reference))
          .setVariable(VAR_PAY_IN_ADVANCE, grant.firstPaymentInAdvance())
          .execute();
    }
  }
}
