package london.cofund.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cost per proposal as the fund grows (issue 15's growth row), a mode of {@link
 * LifecycleBenchmark}: the cost per proposal of a measured batch of {@value #BATCH_DEFAULT}
 * proposals taken through the whole lifecycle (as the lifecycle benchmark takes them, job executor
 * on), when the fund already holds N proposals. The fund grows between measurements by EOIs that
 * stay open (each waiting for its three boroughs' sign-offs, with its tasks, timers and history),
 * plus the batches measured before. The baseline, in the same run: the same batch at the first
 * size. Target: at most {@value #TARGET_RATIO} times the baseline's cost at every larger size.
 *
 * <p>Sizes: {@code -Dbench.growth.sizes=1000,10000} for the issue's; the default is smaller
 * ({@value #SIZES_DEFAULT}), to fit the benchmark command's ten minutes on two cores (EOIs go in at
 * a few per second, mails and all). Not a test: the table goes to {@code target/bench/growth.md}.
 */
public final class GrowthBenchmark {

  static final String SIZES_DEFAULT = "50,250";
  static final int BATCH_DEFAULT = 10;
  static final int BATCH = Integer.getInteger("bench.growth.batch", BATCH_DEFAULT);
  static final int REPEATS = Integer.getInteger("bench.growth.repeats", 2);
  static final double TARGET_RATIO = 1.25;

  private GrowthBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        Arrays.stream(System.getProperty("bench.growth.sizes", SIZES_DEFAULT).split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
    ConfigurableApplicationContext context =
        BenchApplication.start("growth", "", "--camunda.bpm.job-execution.enabled=true");
    try {
      LifecycleBenchmark.Lifecycles lifecycles = new LifecycleBenchmark.Lifecycles(context);
      lifecycles.cofund(5); // warm-up
      int inFund = 5;
      StringBuilder table =
          new StringBuilder(
              "| proposals in the fund | filled in s | ms per proposal (batches) | ratio to the first | target |\n"
                  + "|---|---|---|---|---|\n");
      double first = 0;
      boolean allMet = true;
      for (int size : sizes) {
        long started = System.nanoTime();
        while (inFund < size) {
          int chunk = Math.min(50, size - inFund);
          lifecycles.submitEois(chunk);
          inFund += chunk;
        }
        double filled = (System.nanoTime() - started) / 1e9;
        double[] costs = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
          costs[r] = 1000 * lifecycles.cofund(BATCH) / BATCH;
        }
        inFund += REPEATS * BATCH;
        double cost = LifecycleBenchmark.median(costs);
        if (first == 0) {
          first = cost;
        }
        boolean met = cost <= TARGET_RATIO * first;
        boolean baseline = cost == first && size == sizes[0];
        allMet &= met;
        List<String> each = new ArrayList<>();
        for (double c : costs) {
          each.add(String.format(Locale.UK, "%.0f", c));
        }
        table.append(
            String.format(
                Locale.UK,
                "| %,d | %.0f | %.0f (%s) | %.2f | %s |%n",
                size,
                filled,
                cost,
                String.join(", ", each),
                cost / first,
                baseline ? "baseline" : met ? "met" : "NOT MET"));
        System.out.printf(Locale.UK, "%d in the fund: %.0f ms per proposal%n", size, cost);
      }
      String report =
          String.format(
              Locale.UK,
              "Cost per proposal of a batch of %d through the whole lifecycle (median of %d "
                  + "batches) when the fund already holds N proposals, on %s, job executor on, %s, "
                  + "%d cores. Target: at most %.2fx the cost at the first size.%n%n%s"
                  + "%nFailed jobs: %d.%n",
              BATCH,
              REPEATS,
              BenchApplication.database(),
              Instant.now(),
              Runtime.getRuntime().availableProcessors(),
              TARGET_RATIO,
              table,
              lifecycles.fund.failedJobs());
      System.out.println(report);
      Files.writeString(BenchApplication.DIR.resolve("growth.md"), report);
    } finally {
      context.close();
    }
    System.exit(0);
  }
}
