package london.cofund.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The optimizer against the brute force on hundreds of random small rounds. The recommendation is
 * fully determined (ties are broken by reference), so the whole record must match: the chosen set,
 * the other lists, the flags and every summary number.
 */
class PortfolioOptimizerPropertyTest {

  private static final int SEEDS = 500;

  @Test
  void matchesBruteForceOnRandomRounds() {
    PortfolioOptimizer optimizer = new PortfolioOptimizer();
    for (long seed = 1; seed <= SEEDS; seed++) {
      PortfolioRequest request = RandomRounds.small(seed, 15, 6);

      assertThat(optimizer.recommend(request))
          .as("seed %d: %s", seed, request)
          .isEqualTo(BruteForcePortfolio.recommend(request));
    }
  }

  @Test
  void breaksExactTiesLikeTheBruteForce() {
    PortfolioOptimizer optimizer = new PortfolioOptimizer();
    for (long seed = 1; seed <= SEEDS; seed++) {
      PortfolioRequest request = RandomRounds.tieHeavy(seed + 300_000, 14);

      assertThat(optimizer.recommend(request))
          .as("seed %d: %s", seed, request)
          .isEqualTo(BruteForcePortfolio.recommend(request));
    }
  }

  /**
   * Budgets per financial year: the optimizer must keep within every year and still find exactly
   * the brute force's recommendation, including the year flag. The rounds must often be ones where
   * a year binds, so that is counted too.
   */
  @Test
  void matchesBruteForceOnRoundsWithBudgetsPerYear() {
    PortfolioOptimizer optimizer = new PortfolioOptimizer();
    int binding = 0;
    int minimumLost = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      PortfolioRequest request = RandomRounds.withYears(seed + 400_000, 14, 6);

      RecommendedPortfolio portfolio = optimizer.recommend(request);

      assertThat(portfolio)
          .as("seed %d: %s", seed, request)
          .isEqualTo(BruteForcePortfolio.recommend(request));
      if (portfolio.hasFlag(PortfolioFlag.YEAR_BUDGET_BINDS)) {
        binding++;
        if (portfolio.hasFlag(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM)) {
          minimumLost++;
        }
      }
    }
    assertThat(binding).as("rounds where a year binds").isGreaterThan(SEEDS / 5);
    assertThat(minimumLost).as("rounds where the years cost the minimum").isGreaterThan(SEEDS / 50);
  }

  /** The same with two rows per completion table, so the year bounds are read for supersets. */
  @Test
  void matchesBruteForceOnRoundsWithBudgetsPerYearAndSparseTables() {
    PortfolioOptimizer optimizer =
        new PortfolioOptimizer(PortfolioOptimizer.DEFAULT_MAX_TABLE_ENTRIES, 2);
    for (long seed = 1; seed <= SEEDS; seed++) {
      PortfolioRequest request = RandomRounds.withYears(seed + 500_000, 14, 7);

      assertThat(optimizer.recommend(request))
          .as("seed %d: %s", seed, request)
          .isEqualTo(BruteForcePortfolio.recommend(request));
    }
  }

  /**
   * With two rows per completion table, most bounds are computed for a superset of the remaining
   * items. They are looser but must stay valid: the result may not change.
   */
  @Test
  void matchesBruteForceWithSparseCompletionTables() {
    PortfolioOptimizer optimizer =
        new PortfolioOptimizer(PortfolioOptimizer.DEFAULT_MAX_TABLE_ENTRIES, 2);
    int sparse = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      PortfolioRequest request = RandomRounds.small(seed + 100_000, 15, 7);

      PortfolioOptimizer.Solution solution = optimizer.solve(request);

      assertThat(solution.portfolio())
          .as("seed %d: %s", seed, request)
          .isEqualTo(BruteForcePortfolio.recommend(request));
      if (solution.tableStride() > 1) {
        sparse++;
      }
    }
    assertThat(sparse).as("rounds that used sparse tables").isGreaterThan(SEEDS / 4);
  }

  /**
   * Mid-sized rounds are beyond the brute force, but two searches with very different bounds (exact
   * rows for every position, or one row for all) must still agree.
   */
  @Test
  void denseAndSparseTablesAgreeOnLargerRounds() {
    PortfolioOptimizer dense = new PortfolioOptimizer();
    PortfolioOptimizer sparse =
        new PortfolioOptimizer(PortfolioOptimizer.DEFAULT_MAX_TABLE_ENTRIES, 1);
    for (long seed = 1; seed <= 60; seed++) {
      PortfolioRequest request = RandomRounds.small(seed + 200_000, 30, 7);

      assertThat(sparse.recommend(request))
          .as("seed %d: %s", seed, request)
          .isEqualTo(dense.recommend(request));
    }
  }

  /**
   * Benchmark-shaped rounds with budgets per year are beyond the brute force and the Pareto
   * programme; dense tables and tables of four rows give different bounds, so they must agree.
   */
  @Test
  void denseAndSparseTablesAgreeOnBenchmarkShapedRoundsWithBudgetsPerYear() {
    PortfolioOptimizer dense = new PortfolioOptimizer();
    PortfolioOptimizer sparse =
        new PortfolioOptimizer(PortfolioOptimizer.DEFAULT_MAX_TABLE_ENTRIES, 4);
    for (long seed = 1; seed <= 10; seed++) {
      PortfolioRequest request = RandomRounds.benchmark(seed, 40, RandomRounds.Shape.YEARS_BIND);

      assertThat(sparse.recommend(request)).as("seed %d", seed).isEqualTo(dense.recommend(request));
    }
  }

  /**
   * Benchmark-shaped rounds are far beyond the brute force; an independent dynamic programme over
   * Pareto fronts finds their optimal objective, which the optimizer must match.
   */
  @Test
  void matchesParetoReferenceOnBenchmarkShapedRounds() {
    PortfolioOptimizer optimizer = new PortfolioOptimizer();
    for (RandomRounds.Shape shape : RandomRounds.Shape.values()) {
      if (shape == RandomRounds.Shape.YEARS_BIND) {
        continue; // the Pareto programme knows only the pot
      }
      for (long seed = 1; seed <= 5; seed++) {
        PortfolioRequest request = RandomRounds.benchmark(seed, 40, shape);

        RecommendedPortfolio portfolio = optimizer.recommend(request);

        ParetoReference.Objective optimum = ParetoReference.optimum(request);
        assertThat(portfolio.prioritiesCovered())
            .as("%s seed %d", shape, seed)
            .isEqualTo(optimum.coverage());
        assertThat(portfolio.totalScore().movePointRight(2).longValueExact())
            .as("%s seed %d", shape, seed)
            .isEqualTo(optimum.scoreHundredths());
        assertThat(portfolio.totalCost()).as("%s seed %d", shape, seed).isEqualTo(optimum.cost());
      }
    }
  }
}
