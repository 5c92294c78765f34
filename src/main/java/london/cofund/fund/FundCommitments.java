package london.cofund.fund;

import java.util.List;
import java.util.Map;

/**
 * What the rounds of a fund hold of its money. The round capability implements it, so that rounds
 * depend on the fund and never the other way round.
 */
public interface FundCommitments {

  /** The fund's rounds, oldest first. */
  List<RoundCommitment> rounds(String fundId);

  /**
   * One round's hold on the fund. Until the panel decides, the whole pot is reserved; once it has
   * decided, what it holds is the funded proposals' budgets by year, and the rest of the pot
   * ({@code unspent}) goes back to the fund for the next tranche.
   *
   * @param serviceStartYear the financial year in which its services start
   * @param decided true once the panel's decision is recorded
   * @param awardedByYear the funded proposals' budget lines summed by financial year (decided only)
   * @param fundedProjects how many projects the decision funds (0 until decided)
   */
  record RoundCommitment(
      String roundId,
      String name,
      int tranche,
      String stage,
      long potAmount,
      String serviceStartYear,
      boolean decided,
      Map<String, Long> awardedByYear,
      int fundedProjects) {

    public long awarded() {
      return awardedByYear.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What the round holds but will not spend: the pot less the awards, once decided. */
    public long unspent() {
      return decided ? potAmount - awarded() : 0;
    }

    /** The pot while undecided: money set aside that no year has been charged with yet. */
    public long reserved() {
      return decided ? 0 : potAmount;
    }
  }
}
