package london.cofund.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The optimizer's rules, one situation at a time. */
class PortfolioOptimizerTest {

  private static final Set<String> SHORTLIST = Set.of("CSE", "FEMALE_OFFENDING", "YOUTH_OFFENDING");

  private final PortfolioOptimizer optimizer = new PortfolioOptimizer();

  @Test
  void potTooSmallForMinimumRecommendsTheBestSelectionThatFits() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "20", "CSE"),
            candidate("B", 100, "19", "FEMALE_OFFENDING"),
            candidate("C", 100, "18", "YOUTH_OFFENDING"),
            candidate("D", 100, "17", "CSE"),
            candidate("E", 100, "16", "FEMALE_OFFENDING"),
            candidate("F", 100, "15", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 5, 8, 300, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "B", "C");
    assertThat(portfolio.deferred()).containsExactly("D", "E", "F");
    assertThat(portfolio.flags()).containsExactly("POT_TOO_SMALL_FOR_MINIMUM");
    assertThat(portfolio.hasFlag(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM)).isTrue();
    assertThat(portfolio.unspent()).isZero();
  }

  @Test
  void potThatFitsExactlyTheMinimumIsNotFlagged() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "20", "CSE"),
            candidate("B", 100, "19", "CSE"),
            candidate("C", 150, "25", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 2, 3, 200, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.flags()).isEmpty();
  }

  @Test
  void exactTiesOnScoreAndCostGoToTheSmallestReferencesWhateverTheInputOrder() {
    List<PortfolioCandidate> candidates =
        new ArrayList<>(
            List.of(
                candidate("R3", 100, "18.5", "CSE"),
                candidate("R1", 100, "18.5", "CSE"),
                candidate("R4", 100, "18.5", "CSE"),
                candidate("R2", 100, "18.5", "CSE")));

    for (long seed = 0; seed < 10; seed++) {
      Collections.shuffle(candidates, new Random(seed));

      RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 250, "10"));

      assertThat(portfolio.funded()).containsExactly("R1", "R2");
      assertThat(portfolio.deferred()).containsExactly("R3", "R4");
    }
  }

  /**
   * {C, D} and {A, B} tie on coverage, score (30) and cost (400). Ranking by score would meet C
   * first and keep {C, D}; the rule says the smaller sorted reference list, [A, B], wins.
   */
  @Test
  void tiesBetweenDifferentSelectionsGoToTheSmallestReferenceList() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 200, "15", "CSE"),
            candidate("B", 200, "15", "CSE"),
            candidate("C", 300, "20", "CSE"),
            candidate("D", 100, "10", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 2, 2, 400, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.totalScore()).isEqualByComparingTo("30");
    assertThat(portfolio.totalCost()).isEqualTo(400);
  }

  @Test
  void belowMinimumRecommendsTheBestFundableSelectionThatFits() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 500, "20", "CSE"),
            candidate("B", 400, "18", "FEMALE_OFFENDING"),
            candidate("C", 300, "16", "CSE"),
            candidate("D", 100, "9", "YOUTH_OFFENDING"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 5, 8, 900, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.deferred()).containsExactly("C");
    assertThat(portfolio.notFunded()).containsExactly("D");
    assertThat(portfolio.flags()).containsExactly("BELOW_MINIMUM");
  }

  @Test
  void nothingFundableRecommendsNothing() {
    List<PortfolioCandidate> candidates =
        List.of(candidate("B", 100, "9.99", "CSE"), candidate("A", 100, "5", "YOUTH_OFFENDING"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(request(candidates, 5, 8, 10_000_000, "10"));

    assertThat(portfolio)
        .isEqualTo(
            new RecommendedPortfolio(
                List.of(),
                List.of(),
                List.of("A", "B"),
                List.of("BELOW_MINIMUM"),
                0,
                new BigDecimal("0.00"),
                0,
                10_000_000));
  }

  @Test
  void everythingFundableAndCheapFundsTheMaximumNumberOfProjects() {
    List<PortfolioCandidate> candidates =
        IntStream.rangeClosed(1, 12)
            .mapToObj(i -> candidate("P%02d".formatted(i), 1_000, (10 + i) + ".5", "CSE"))
            .toList();

    RecommendedPortfolio portfolio =
        optimizer.recommend(request(candidates, 5, 8, 10_000_000, "5"));

    assertThat(portfolio.funded())
        .containsExactly("P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12");
    assertThat(portfolio.deferred()).containsExactly("P01", "P02", "P03", "P04");
    assertThat(portfolio.totalScore()).isEqualByComparingTo("152");
    assertThat(portfolio.totalCost()).isEqualTo(8_000);
    assertThat(portfolio.unspent()).isEqualTo(9_992_000);
    assertThat(portfolio.flags()).isEmpty();
  }

  @Test
  void coverageBeatsScore() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "25", "CSE"),
            candidate("B", 100, "24", "CSE", "NOT_SHORTLISTED"),
            candidate("C", 100, "10", "FEMALE_OFFENDING"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 1_000, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "C");
    assertThat(portfolio.prioritiesCovered()).isEqualTo(2);
    assertThat(portfolio.totalScore()).isEqualByComparingTo("35");
  }

  @Test
  void themesOffTheShortlistEarnNoCoverage() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "25", "CSE"),
            candidate("B", 100, "24", "CSE"),
            candidate("C", 100, "10", "BURGLARY"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 1_000, "10"));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.prioritiesCovered()).isEqualTo(1);
  }

  @Test
  void scoreBeatsMoneyLeft() {
    List<PortfolioCandidate> candidates =
        List.of(candidate("A", 900, "20", "CSE"), candidate("B", 100, "19.99", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 1, 1_000, "10"));

    assertThat(portfolio.funded()).containsExactly("A");
    assertThat(portfolio.unspent()).isEqualTo(100);
  }

  @Test
  void moneyLeftBreaksScoreTies() {
    List<PortfolioCandidate> candidates =
        List.of(candidate("A", 500, "20", "CSE"), candidate("B", 400, "20", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 1, 1_000, "10"));

    assertThat(portfolio.funded()).containsExactly("B");
  }

  /**
   * 5 + 5.06 is exactly 10.06, so the pair ties with C on score and wins on cost. In binary
   * floating point the pair sums to less than 10.06 and would lose.
   */
  @Test
  void decimalScoresAreAddedExactly() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "5", "CSE"),
            candidate("B", 100, "5.06", "CSE"),
            candidate("C", 300, "10.06", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 300, "5"));

    assertThat(5.0 + 5.06).isLessThan(10.06);
    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.totalScore()).isEqualTo(new BigDecimal("10.06"));
  }

  @Test
  void scoreEqualToTheThresholdIsFundable() {
    List<PortfolioCandidate> candidates =
        List.of(candidate("AT", 100, "15.5", "CSE"), candidate("BELOW", 100, "15.49", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 1_000, "15.50"));

    assertThat(portfolio.funded()).containsExactly("AT");
    assertThat(portfolio.notFunded()).containsExactly("BELOW");
    assertThat(portfolio.deferred()).isEmpty();
  }

  @Test
  void proposalDearerThanThePotIsDeferred() {
    List<PortfolioCandidate> candidates =
        List.of(candidate("A", 1_001, "25", "CSE"), candidate("B", 100, "12", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 1_000, "10"));

    assertThat(portfolio.funded()).containsExactly("B");
    assertThat(portfolio.deferred()).containsExactly("A");
  }

  @Test
  void zeroPotFundsNothing() {
    List<PortfolioCandidate> candidates = List.of(candidate("A", 1, "25", "CSE"));

    RecommendedPortfolio portfolio = optimizer.recommend(request(candidates, 1, 2, 0, "10"));

    assertThat(portfolio.funded()).isEmpty();
    assertThat(portfolio.deferred()).containsExactly("A");
    assertThat(portfolio.flags()).containsExactly("POT_TOO_SMALL_FOR_MINIMUM");
  }

  @Test
  void sixteenAddressedPrioritiesWithEightProjectsAreSupported() {
    RecommendedPortfolio portfolio = optimizer.recommend(roundAddressingPriorities(16));

    assertThat(portfolio.prioritiesCovered()).isEqualTo(8);
    assertThat(portfolio.funded()).hasSize(8);
  }

  @Test
  void seventeenAddressedPrioritiesWithEightProjectsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> optimizer.recommend(roundAddressingPriorities(17)))
        .withMessageContaining("shortlist")
        .withMessageContaining("17 short-listed priorities")
        .withMessageContaining("at most 16");
  }

  @Test
  void aTableThatExactlyFillsTheMemoryBudgetIsOptimised() {
    // One project and two addressed priorities: a row of (0 or 1 items) x (4 priority sets), 8
    // entries, exactly the budget.
    PortfolioOptimizer small = new PortfolioOptimizer(8, 8);
    List<PortfolioCandidate> candidates =
        List.of(candidate("A", 100, "20", "CSE"), candidate("B", 100, "19", "FEMALE_OFFENDING"));

    RecommendedPortfolio portfolio = small.recommend(request(candidates, 1, 1, 1000, "10"));

    assertThat(portfolio.funded()).containsExactly("A");
    assertThat(portfolio.hasFlag(PortfolioFlag.BELOW_MINIMUM)).isFalse();
    assertThat(portfolio.hasFlag(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                small.recommend(
                    request(
                        List.of(
                            candidate("A", 100, "20", "CSE"),
                            candidate("B", 100, "19", "FEMALE_OFFENDING"),
                            candidate("C", 100, "18", "YOUTH_OFFENDING")),
                        1,
                        1,
                        1000,
                        "10")))
        .withMessageContaining("3 short-listed priorities")
        .withMessageContaining("at most 2 can be optimised exactly");
  }

  @Test
  void aProposalDearerThanThePotTakesNoPlaceInTheTables() {
    // Its priority could never be covered, so it must not count against the memory budget.
    PortfolioOptimizer small = new PortfolioOptimizer(8, 8);
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 100, "20", "CSE"),
            candidate("B", 100, "19", "FEMALE_OFFENDING"),
            candidate("C", 5000, "25", "YOUTH_OFFENDING"));

    RecommendedPortfolio portfolio = small.recommend(request(candidates, 1, 1, 1000, "10"));

    assertThat(portfolio.funded()).containsExactly("A");
    assertThat(portfolio.deferred()).containsExactly("B", "C");
  }

  /**
   * A (£350k) and B (£300k) fit the £700k pot together, but both spend most of their money in
   * 2018/19, where only £400k is available. The best selection that fits every year is A with C.
   */
  @Test
  void aPortfolioThatFitsThePotButNotOneYearIsNotRecommended() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("A", "20", Map.of("2018/19", 250_000L, "2019/20", 100_000L), "CSE"),
            split("B", "19", Map.of("2018/19", 200_000L, "2019/20", 100_000L), "FEMALE_OFFENDING"),
            split("C", "15", Map.of("2018/19", 50_000L, "2019/20", 250_000L), "FEMALE_OFFENDING"));
    Map<String, Long> budgets = Map.of("2018/19", 400_000L, "2019/20", 350_000L);

    RecommendedPortfolio lumpSum = optimizer.recommend(request(candidates, 2, 2, 700_000, "10"));
    RecommendedPortfolio perYear =
        optimizer.recommend(yearRequest(candidates, 2, 2, 700_000, budgets));

    assertThat(lumpSum.funded()).containsExactly("A", "B");
    assertThat(lumpSum.costByYear()).containsEntry("2018/19", 450_000L);
    assertThat(lumpSum.hasFlag(PortfolioFlag.YEAR_BUDGET_BINDS)).isFalse();
    assertThat(perYear.funded()).containsExactly("A", "C");
    assertThat(perYear.deferred()).containsExactly("B");
    assertThat(perYear.costByYear())
        .containsExactly(Map.entry("2018/19", 300_000L), Map.entry("2019/20", 350_000L));
    assertThat(perYear.totalCost()).isEqualTo(650_000);
    assertThat(perYear.flags()).containsExactly("YEAR_BUDGET_BINDS");
  }

  @Test
  void budgetsPerYearThatAreNotReachedChangeNothingAndRaiseNoFlag() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("A", "20", Map.of("2018/19", 250_000L, "2019/20", 100_000L), "CSE"),
            split("B", "19", Map.of("2018/19", 200_000L, "2019/20", 100_000L), "FEMALE_OFFENDING"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(
            yearRequest(
                candidates, 2, 2, 700_000, Map.of("2018/19", 450_000L, "2019/20", 200_000L)));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.flags()).isEmpty();
    assertThat(portfolio.costByYear())
        .containsExactly(Map.entry("2018/19", 450_000L), Map.entry("2019/20", 200_000L));
  }

  /** The budgets name only 2018/19, so 2019/20 has £0 and B, which spends in it, is out. */
  @Test
  void aYearMissingFromTheBudgetsHasNothingToSpend() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("A", "15", Map.of("2018/19", 100_000L), "CSE"),
            split("B", "25", Map.of("2018/19", 50_000L, "2019/20", 1L), "CSE"),
            split("C", "12", Map.of("2018/19", 100_000L, "2019/20", 0L), "CSE"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(yearRequest(candidates, 1, 3, 1_000_000, Map.of("2018/19", 500_000L)));

    assertThat(portfolio.funded()).containsExactly("A", "C");
    assertThat(portfolio.deferred()).containsExactly("B");
    assertThat(portfolio.costByYear())
        .containsExactly(Map.entry("2018/19", 200_000L), Map.entry("2019/20", 0L));
    assertThat(portfolio.flags()).containsExactly("YEAR_BUDGET_BINDS");
  }

  /** A candidate without a split counts against the pot only, whatever the years' budgets. */
  @Test
  void aCandidateWithoutASplitIsLimitedByThePotOnly() {
    List<PortfolioCandidate> candidates =
        List.of(
            candidate("A", 300_000, "20", "CSE"),
            split("B", "18", Map.of("2018/19", 100_000L), "CSE"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(yearRequest(candidates, 1, 2, 400_000, Map.of("2018/19", 100_000L)));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.totalCost()).isEqualTo(400_000);
    assertThat(portfolio.costByYear()).containsExactly(Map.entry("2018/19", 100_000L));
    assertThat(portfolio.flags()).isEmpty();
  }

  /**
   * Three projects fit the pot, but every pair already spends more than 2018/19 has. As with a pot
   * too small, the panel sees the best selection that fits, flagged.
   */
  @Test
  void yearsTooTightForTheMinimumRecommendTheBestThatFitsWithBothFlags() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("A", "20", Map.of("2018/19", 100_000L), "CSE"),
            split("B", "19", Map.of("2018/19", 100_000L), "FEMALE_OFFENDING"),
            split("C", "18", Map.of("2018/19", 100_000L), "YOUTH_OFFENDING"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(yearRequest(candidates, 2, 3, 300_000, Map.of("2018/19", 150_000L)));

    assertThat(portfolio.funded()).containsExactly("A");
    assertThat(portfolio.flags()).containsExactly("POT_TOO_SMALL_FOR_MINIMUM", "YEAR_BUDGET_BINDS");
  }

  /**
   * Within the pot, A, B (or D) and C cover all three priorities, and each of them fits the years
   * on its own; but any three of them spend more than 2018/19 has. The best selection then covers
   * two, and among those the highest score wins.
   */
  @Test
  void whenTheYearsPutFullCoverageOutOfReachTheBestLowerCoverageWins() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("A", "25", Map.of("2018/19", 100_000L), "CSE"),
            split("B", "24", Map.of("2018/19", 100_000L), "FEMALE_OFFENDING"),
            split("C", "10", Map.of("2018/19", 100_000L, "2019/20", 100_000L), "YOUTH_OFFENDING"),
            split("D", "11", Map.of("2018/19", 100_000L), "FEMALE_OFFENDING"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(
            yearRequest(
                candidates, 1, 3, 1_000_000, Map.of("2018/19", 250_000L, "2019/20", 150_000L)));

    assertThat(portfolio.funded()).containsExactly("A", "B");
    assertThat(portfolio.prioritiesCovered()).isEqualTo(2);
    assertThat(portfolio.flags()).containsExactly("YEAR_BUDGET_BINDS");
  }

  /**
   * [A, B] is best but breaks 2018/19. Of the pairs that fit, [A, C], [A, D], [B, C] and [B, D] tie
   * on coverage, score and cost, and the tie-break still picks the smallest reference list.
   */
  @Test
  void tiesAmongSelectionsThatFitTheYearsGoToTheSmallestReferenceList() {
    List<PortfolioCandidate> candidates =
        List.of(
            split("D", "15", Map.of("2019/20", 100_000L), "CSE"),
            split("C", "15", Map.of("2019/20", 100_000L), "CSE"),
            split("B", "20", Map.of("2018/19", 100_000L), "CSE"),
            split("A", "20", Map.of("2018/19", 100_000L), "CSE"),
            split("E", "10", Map.of("2019/20", 100_000L), "CSE"));

    RecommendedPortfolio portfolio =
        optimizer.recommend(
            yearRequest(
                candidates, 2, 2, 1_000_000, Map.of("2018/19", 100_000L, "2019/20", 100_000L)));

    assertThat(portfolio.funded()).containsExactly("A", "C");
    assertThat(portfolio.totalScore()).isEqualByComparingTo("35");
    assertThat(portfolio.flags()).containsExactly("YEAR_BUDGET_BINDS");
  }

  private static PortfolioCandidate split(
      String reference, String score, Map<String, Long> costByYear, String... priorities) {
    long cost = costByYear.values().stream().mapToLong(Long::longValue).sum();
    return new PortfolioCandidate(
        reference, cost, new BigDecimal(score), Set.of(priorities), costByYear);
  }

  private static PortfolioRequest yearRequest(
      List<PortfolioCandidate> candidates,
      int min,
      int max,
      long pot,
      Map<String, Long> yearBudgets) {
    return new PortfolioRequest(candidates, SHORTLIST, min, max, pot, BigDecimal.TEN, yearBudgets);
  }

  private static PortfolioRequest roundAddressingPriorities(int count) {
    List<PortfolioCandidate> candidates = new ArrayList<>();
    List<String> shortlist = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shortlist.add("T" + i);
      candidates.add(candidate("P%02d".formatted(i), 100, "20", "T" + i));
    }
    return new PortfolioRequest(candidates, Set.copyOf(shortlist), 5, 8, 10_000, BigDecimal.TEN);
  }

  static PortfolioCandidate candidate(
      String reference, long cost, String score, String... priorities) {
    return new PortfolioCandidate(reference, cost, new BigDecimal(score), Set.of(priorities));
  }

  private static PortfolioRequest request(
      List<PortfolioCandidate> candidates, int min, int max, long pot, String threshold) {
    return new PortfolioRequest(candidates, SHORTLIST, min, max, pot, new BigDecimal(threshold));
  }
}
