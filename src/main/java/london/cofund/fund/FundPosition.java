package london.cofund.fund;

import java.util.List;
import london.cofund.fund.FundCommitments.RoundCommitment;

/**
 * Where a fund stands: per year its co-commissioning budget, what funded projects hold of it and
 * what is left; the pots of undecided rounds, set aside but not yet charged to a year; and the
 * projects funded against the fund-wide target.
 *
 * <p>The rule, stated once: a year's {@code available} is its budget less the awards charged to it;
 * the fund's {@code available} is the sum of the years' less the undecided pots.
 */
public record FundPosition(
    Fund fund, List<YearPosition> years, List<RoundCommitment> rounds, long reserved) {

  /** One year of the fund and its money. */
  public record YearPosition(FundYear year, long committed) {

    public long available() {
      return year.coCommissioningBudget() - committed;
    }
  }

  public long coCommissioningBudget() {
    return years.stream().mapToLong(y -> y.year().coCommissioningBudget()).sum();
  }

  public long committed() {
    return years.stream().mapToLong(YearPosition::committed).sum();
  }

  /** What is left for new rounds over the whole fund. */
  public long available() {
    return years.stream().mapToLong(YearPosition::available).sum() - reserved;
  }

  /**
   * What is left for a round whose services start in {@code startYear}: the years from then on,
   * less every undecided pot.
   */
  public long availableFrom(FinancialYear startYear) {
    return years.stream()
            .filter(
                y ->
                    FinancialYear.parse(y.year().financialYear()).orElseThrow().compareTo(startYear)
                        >= 0)
            .mapToLong(YearPosition::available)
            .sum()
        - reserved;
  }

  /** Projects funded so far across the fund's rounds. */
  public int fundedProjects() {
    return rounds.stream().mapToInt(RoundCommitment::fundedProjects).sum();
  }

  /** What the fund still needs for its target: the default of a new round's project range. */
  public ProjectTarget stillNeeded() {
    int funded = fundedProjects();
    int max = Math.max(1, fund.maxProjects() - funded);
    int min = Math.min(max, Math.max(1, fund.minProjects() - funded));
    return new ProjectTarget(min, max);
  }

  /** A range of projects to fund. */
  public record ProjectTarget(int minProjects, int maxProjects) {}
}
