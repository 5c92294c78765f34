package london.cofund.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
