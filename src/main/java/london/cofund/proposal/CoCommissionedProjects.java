package london.cofund.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import london.cofund.eligibility.Scope;
import london.cofund.round.FundingOutcome;
import org.springframework.stereotype.Service;

/**
 * What co-commissioned bids deliver, and where, for capabilities that weigh them against a
 * borough's losses (the funding gap). Read-only: it answers from the proposals' own table, so that
 * no other capability reads {@code cf_proposal} itself.
 */
@Service
public class CoCommissionedProjects {

  private final ProposalRepository proposals;

  CoCommissionedProjects(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  /**
   * One bid as the funding gap sees it.
   *
   * @param reference the proposal's reference
   * @param title its title
   * @param status its status, for example {@code FUNDED}
   * @param funded whether the announced decision funded it
   * @param scope sub-regional or pan-London
   * @param deliveryBoroughs GSS codes of its delivery boroughs (may be empty for pan-London)
   * @param annualCosts its full proposal's budget by financial year ({@code 2018/19}), in order;
   *     empty before the full proposal
   */
  public record Project(
      String reference,
      String title,
      String status,
      boolean funded,
      Scope scope,
      List<String> deliveryBoroughs,
      Map<String, Long> annualCosts) {

    /** Whether it is delivered in the borough: named there, or pan-London (all 32). */
    public boolean deliveredIn(String gssCode) {
      return scope == Scope.PAN_LONDON || deliveryBoroughs.contains(gssCode);
    }
  }

  /** Every proposal whose announced decision is {@code FUNDED}, by reference. */
  public List<Project> funded() {
    return proposals.findByFundingOutcome(FundingOutcome.FUNDED).stream()
        .map(CoCommissionedProjects::project)
        .toList();
  }

  /** Any proposal by its reference, whatever its state. */
  public Optional<Project> find(String reference) {
    return proposals.find(reference).map(CoCommissionedProjects::project);
  }

  private static Project project(Proposal p) {
    Map<String, Long> costs = new TreeMap<>();
    if (p.fullProposal() != null) {
      p.fullProposal()
          .budget()
          .forEach(line -> costs.merge(line.financialYear(), line.amount(), Long::sum));
    }
    return new Project(
        p.reference(),
        p.title(),
        p.status().name(),
        p.fundingOutcome() == FundingOutcome.FUNDED,
        p.scope(),
        p.deliveryBoroughs(),
        java.util.Collections.unmodifiableMap(costs));
  }
}
