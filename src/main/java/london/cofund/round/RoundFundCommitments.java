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

  RoundFundCommitments(RoundRepository rounds, RoundProposals proposals) {
    this.rounds = rounds;
    this.proposals = proposals;
  }

  @Override
  public List<RoundCommitment> rounds(String fundId) {
    return rounds.findByFund(fundId).stream().map(this::commitment).toList();
  }

  private RoundCommitment commitment(Round round) {
    Map<String, Long> awarded = new TreeMap<>();
    round
        .fundedReferences()
        .forEach(
            reference ->
                proposals
                    .budgetByYear(reference)
                    .forEach((year, amount) -> awarded.merge(year, amount, Long::sum)));
    return new RoundCommitment(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.stage().name(),
        round.potAmount(),
        FinancialYear.of(round.dates().serviceStartDate()).toString(),
        round.decision() != null,
        awarded,
        round.fundedReferences().size());
  }
}
