package london.cofund.proposal.process;

import london.cofund.proposal.ProposalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Answers {@code ${corePartnerSignOffs.anyDeclined(execution)}}: the completion condition of the
 * sign-off multi-instance (one decline ends it early) and the gateway after it. Read from the
 * recorded answers, not from a process variable that parallel sign-offs would all write.
 */
@Component("corePartnerSignOffs")
public class CorePartnerSignOffs {

  private final ProposalService proposals;

  CorePartnerSignOffs(ProposalService proposals) {
    this.proposals = proposals;
  }

  public boolean anyDeclined(DelegateExecution execution) {
    String reference = ProposalProcess.REFERENCE.require(execution);
    return proposals.signOffs(reference).stream().anyMatch(s -> !s.confirmed());
  }
}
