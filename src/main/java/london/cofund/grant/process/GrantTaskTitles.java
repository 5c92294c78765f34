package london.cofund.grant.process;

import java.util.Optional;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.system.process.TaskTitles;
import org.springframework.stereotype.Component;

/** A grant's tasks are about its project: the funded proposal's title. */
@Component
class GrantTaskTitles implements TaskTitles {

  private final ProposalService proposals;

  GrantTaskTitles(ProposalService proposals) {
    this.proposals = proposals;
  }

  @Override
  public String processKey() {
    return GrantProcess.KEY;
  }

  @Override
  public Optional<String> titleOf(String reference) {
    try {
      return Optional.of(proposals.get(reference)).map(Proposal::title);
    } catch (london.cofund.system.NotFoundException e) {
      return Optional.empty();
    }
  }
}
