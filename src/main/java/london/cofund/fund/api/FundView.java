package london.cofund.fund.api;

import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.fund.FundCommitments.RoundCommitment;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundPosition.ProjectTarget;
import london.cofund.fund.FundPosition.YearPosition;

/**
 * A fund as {@code GET /api/funds/{fundId}} shows it: the body MOPAC sends, plus for each year its
 * co-commissioning budget, what awards hold ({@code committed}) and what is left ({@code
 * available}); the fund's totals, the pots set aside for undecided rounds ({@code reserved}); its
 * rounds with what each awarded and left unspent; and the projects funded against the fund-wide
 * target.
 */
record FundView(
    String fundId,
    String name,
    List<YearView> years,
    long coCommissioningBudget,
    long committed,
    long reserved,
    long available,
    Projects projects,
    List<RoundView> rounds,
    int version,
    String updatedBy,
    OffsetDateTime updatedAt) {

  record YearView(
      String financialYear,
      long total,
      int coCommissioningPercent,
      long directBoroughFunding,
      long coCommissioningBudget,
      long committed,
      long available) {

    static YearView of(YearPosition year) {
      return new YearView(
          year.year().financialYear(),
          year.year().total(),
          year.year().coCommissioningPercent(),
          year.year().directBoroughFunding(),
          year.year().coCommissioningBudget(),
          year.committed(),
          year.available());
    }
  }

  /**
   * The fund-wide target (the seed's 5 to 8), the projects funded so far and what is still needed.
   */
  record Projects(int minProjects, int maxProjects, int funded, ProjectTarget stillNeeded) {}

  record RoundView(
      String roundId,
      String name,
      int tranche,
      String stage,
      String serviceStartYear,
      long potAmount,
      boolean decided,
      int fundedProjects,
      long awarded,
      long unspent) {

    static RoundView of(RoundCommitment round) {
      return new RoundView(
          round.roundId(),
          round.name(),
          round.tranche(),
          round.stage(),
          round.serviceStartYear(),
          round.potAmount(),
          round.decided(),
          round.fundedProjects(),
          round.awarded(),
          round.unspent());
    }
  }

  static FundView of(FundPosition position) {
    var fund = position.fund();
    return new FundView(
        fund.fundId(),
        fund.name(),
        position.years().stream().map(YearView::of).toList(),
        position.coCommissioningBudget(),
        position.committed(),
        position.reserved(),
        position.available(),
        new Projects(
            fund.minProjects(),
            fund.maxProjects(),
            position.fundedProjects(),
            position.stillNeeded()),
        position.rounds().stream().map(RoundView::of).toList(),
        fund.version(),
        fund.updatedBy(),
        fund.updatedAt());
  }
}
