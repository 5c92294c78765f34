package london.cofund.round;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import london.cofund.fund.FinancialYear;
import london.cofund.fund.FundCommitments;
import org.springframework.stereotype.Component;

/**
 * What a fund's rounds hold of it: an undecided round its whole pot, a decided one the budget lines
 * of the proposals its decision funds.
 */
@Component
class RoundFundCommitments implements FundCommitments {

  private final RoundRepository rounds;
  private final RoundProposals proposals;
  private final List<AwardChanges> changes;

  RoundFundCommitments(
      RoundRepository rounds, RoundProposals proposals, List<AwardChanges> changes) {
    this.rounds = rounds;
    this.proposals = proposals;
    this.changes = changes;
  }

  @Override
  public List<RoundCommitment> rounds(String fundId) {
    return rounds.findByFund(fundId).stream().map(this::commitment).toList();
  }

  private RoundCommitment commitment(Round round) {
    Map<String, Long> awarded = new TreeMap<>();
    // The decision's awards and any replacements, each as its grant now holds it (a failed
    // agreement holds nothing, a year's underspend is back in the fund).
    List<String> funded = new java.util.ArrayList<>(round.fundedReferences());
    changes.forEach(c -> funded.addAll(c.replacements(round.roundId())));
    int projects = 0;
    for (String reference : funded) {
      java.util.Optional<Map<String, Long>> changed =
          changes.stream()
              .map(c -> c.heldByYear(reference))
              .flatMap(java.util.Optional::stream)
              .findFirst();
      Map<String, Long> held = changed.orElseGet(() -> proposals.budgetByYear(reference));
      held.forEach((year, amount) -> awarded.merge(year, amount, Long::sum));
      // A released award (its agreement failed) is no longer a funded project.
      if (changed.isEmpty() || held.values().stream().anyMatch(amount -> amount > 0)) {
        projects++;
      }
    }
    return new RoundCommitment(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.stage().name(),
        round.potAmount(),
        FinancialYear.of(round.dates().serviceStartDate()).toString(),
        round.decision() != null,
        awarded,
        projects);
  }
}
