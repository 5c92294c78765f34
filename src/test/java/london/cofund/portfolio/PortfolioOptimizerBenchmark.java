package london.cofund.portfolio;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times the optimizer on seeded random rounds of 50, 100 and 200 candidates with 8 short-listed
 * priorities, 5 to 8 projects and a £10m pot (see {@link RandomRounds#benchmark}), then on harder
 * shapes of 200 candidates, one of them with budgets per financial year. Not a unit test: timings
 * depend on the machine, so it only prints them. Run it as described in
 * docs/portfolio-optimizer.md.
 *
 * <p>Arguments: the number of measured rounds per line (default 20), and {@code verify} to check
 * every measured round's objective against the independent {@link ParetoReference} (slow: about a
 * second per 200-candidate round).
 */
public final class PortfolioOptimizerBenchmark {

  private static final int[] SIZES = {50, 100, 200};
  private static final int HARD_SIZE = 200;
  private static final int WARM_UP_ROUNDS = 30;

  private PortfolioOptimizerBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    boolean verify = args.length > 1 && args[1].equals("verify");
    PortfolioOptimizer optimizer = new PortfolioOptimizer();
    System.out.printf(
        "Java %s, %d processors, %d measured rounds per line%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);
    for (int seed = 0; seed < WARM_UP_ROUNDS; seed++) {
      optimizer.solve(RandomRounds.benchmark(1_000_000 + seed, SIZES[seed % SIZES.length]));
    }
    for (int size : SIZES) {
      measure(optimizer, size, RandomRounds.Shape.TYPICAL, rounds, verify);
    }
    for (RandomRounds.Shape shape : RandomRounds.Shape.values()) {
      if (shape != RandomRounds.Shape.TYPICAL) {
        measure(optimizer, HARD_SIZE, shape, rounds, verify);
      }
    }
  }

  private static void measure(
      PortfolioOptimizer optimizer,
      int size,
      RandomRounds.Shape shape,
      int rounds,
      boolean verify) {
    double[] millis = new double[rounds];
    long[] nodes = new long[rounds];
    int verified = 0;
    int yearsBound = 0;
    // The Pareto programme knows only the pot, so it cannot check rounds with budgets per year.
    boolean verifiable = verify && shape != RandomRounds.Shape.YEARS_BIND;
    PortfolioOptimizer.Solution sample = null;
    for (int seed = 0; seed < rounds; seed++) {
      PortfolioRequest request = RandomRounds.benchmark(seed, size, shape);
      long start = System.nanoTime();
      PortfolioOptimizer.Solution solution = optimizer.solve(request);
      millis[seed] = (System.nanoTime() - start) / 1e6;
      nodes[seed] = solution.nodesExplored();
      if (seed == 0) {
        sample = solution;
      }
      if (verifiable && sameObjective(solution.portfolio(), ParetoReference.optimum(request))) {
        verified++;
      }
      if (solution.portfolio().hasFlag(PortfolioFlag.YEAR_BUDGET_BINDS)) {
        yearsBound++;
      }
    }
    Arrays.sort(millis);
    Arrays.sort(nodes);
    System.out.printf(
        Locale.ROOT,
        "%-17s %3d candidates: ms min %.1f median %.1f p95 %.1f max %.1f;"
            + " nodes min %d median %d p95 %d max %d%s%s%n",
        shape,
        size,
        millis[0],
        percentile(millis, 50),
        percentile(millis, 95),
        millis[rounds - 1],
        nodes[0],
        percentile(nodes, 50),
        percentile(nodes, 95),
        nodes[rounds - 1],
        verifiable ? "; objective verified " + verified + "/" + rounds : "",
        yearsBound > 0 ? "; a year binds in " + yearsBound + "/" + rounds : "");
    RecommendedPortfolio portfolio = sample.portfolio();
    System.out.printf(
        Locale.ROOT,
        "    seed 0: funded %s, %d priorities, score %s, cost £%,d, unspent £%,d, flags %s%s%n",
        portfolio.funded(),
        portfolio.prioritiesCovered(),
        portfolio.totalScore().toPlainString(),
        portfolio.totalCost(),
        portfolio.unspent(),
        portfolio.flags(),
        portfolio.costByYear().isEmpty() ? "" : ", by year " + portfolio.costByYear());
  }

  private static boolean sameObjective(
      RecommendedPortfolio portfolio, ParetoReference.Objective optimum) {
    return portfolio.prioritiesCovered() == optimum.coverage()
        && portfolio.totalScore().movePointRight(2).longValueExact() == optimum.scoreHundredths()
        && portfolio.totalCost() == optimum.cost();
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, int percent) {
    return sorted[rank(sorted.length, percent)];
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted[rank(sorted.length, percent)];
  }

  private static int rank(int length, int percent) {
    return Math.max(0, (int) Math.ceil(percent / 100.0 * length) - 1);
  }
}
