package london.cofund.portfolio;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The portfolio optimiser as a JMH micro-benchmark (issue 15: JMH for micro-benchmarks): one solve
 * of a seeded round of 200 candidates with 8 short-listed priorities, typical and with budgets per
 * year that bind, cycling through 20 seeds so that no single round's shape decides the figure.
 * Compiled and run only by the {@code bench} profile ({@code src/bench/java}); the figures go to
 * {@code target/bench/jmh.txt}. {@link PortfolioOptimizerBenchmark} is the plain main with the
 * percentiles and the check against brute force.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PortfolioOptimizerJmh {

  private static final int CANDIDATES = 200;
  private static final int SEEDS = 20;

  private final PortfolioOptimizer optimizer = new PortfolioOptimizer();
  private PortfolioRequest[] typical;
  private PortfolioRequest[] yearsBind;
  private int next;

  @Setup(Level.Trial)
  public void rounds() {
    typical = new PortfolioRequest[SEEDS];
    yearsBind = new PortfolioRequest[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      typical[seed] = RandomRounds.benchmark(seed, CANDIDATES, RandomRounds.Shape.TYPICAL);
      yearsBind[seed] = RandomRounds.benchmark(seed, CANDIDATES, RandomRounds.Shape.YEARS_BIND);
    }
  }

  @Benchmark
  public Object solveTypical() {
    return optimizer.solve(typical[next++ % SEEDS]);
  }

  @Benchmark
  public Object solveYearsBind() {
    return optimizer.solve(yearsBind[next++ % SEEDS]);
  }
}
