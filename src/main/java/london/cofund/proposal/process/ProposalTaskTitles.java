package london.cofund.proposal.process;

import java.util.Optional;
import london.cofund.proposal.ProposalRepository;
import london.cofund.system.process.TaskTitles;
import org.springframework.stereotype.Component;

/** A proposal's tasks are about the bid: its title as last submitted or revised. */
@Component
class ProposalTaskTitles implements TaskTitles {

  private final ProposalRepository proposals;

  ProposalTaskTitles(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  @Override
  public String processKey() {
    return ProposalProcess.KEY;
  }

  @Override
  public Optional<String> titleOf(String reference) {
    return proposals.findTitle(reference);
  }
}
