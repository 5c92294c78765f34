package london.cofund.proposal.process;

import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sets the proposal's status as the process reaches an element: {@code
 * ${proposalStatus.set(execution, 'LAPSED')}} on an execution listener in proposal.bpmn.
 */
@Component("proposalStatus")
public class ProposalStatusListener {

  private final ProposalService proposals;

  ProposalStatusListener(ProposalService proposals) {
    this.proposals = proposals;
  }

  public void set(DelegateExecution execution, String status) {
    proposals.changeStatus(
        ProposalProcess.REFERENCE.require(execution), ProposalStatus.valueOf(status));
  }
}
