package london.cofund.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API under load (issue 15's API row): {@value #CLIENTS} clients at once submit EOIs with
 * {@code POST /api/rounds/{id}/eois} over loopback HTTP, as applicants with HTTP Basic, the job
 * executor on as in production (it mails each receipt and sign-off request meanwhile). The
 * baseline, on the same server in the same run: {@code GET /actuator/health}, by as many clients.
 * It reports p50, p95 and p99, and each as a ratio of the baseline's. The issue sets no target. Not
 * a test: run it with {@code ./mvnw -Pbench verify}; the table goes to {@code target/bench/api.md}.
 */
public final class ApiBenchmark {

  static final int CLIENTS = 4;

  /** Calls per client ({@code -Dbench.calls}), after {@value #WARM_UP} each to warm up. */
  static final int CALLS = Integer.getInteger("bench.calls", 50);

  static final int WARM_UP = 10;

  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        BenchApplication.start("api", "", "--camunda.bpm.job-execution.enabled=true");
    try {
      FundDriver fund = FundDriver.withJobExecutor(context);
      String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("API"), Instant.now()));
      fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
      HttpApi http = new HttpApi(BenchApplication.port(context));
      AtomicInteger titles = new AtomicInteger();
      IntSupplier health = () -> http.get("/actuator/health", null).status();
      IntSupplier eoi =
          () -> {
            int k = titles.incrementAndGet();
            var form =
                HttpApi.jsonOf(
                    Fixtures.eligibleEoi("Api bench " + k, "lead" + k + "@bench.example.org"));
            return http.post(
                    "/api/rounds/" + roundId + "/eois",
                    k % 2 == 0 ? "applicant1" : "applicant2",
                    form)
                .status();
          };
      load(health, WARM_UP);
      load(eoi, WARM_UP);
      Result baseline = load(health, CALLS);
      Result eois = load(eoi, CALLS);
      String report =
          String.format(
              Locale.UK,
              "API over loopback HTTP, %d clients at once, %d calls each after %d to warm up, "
                  + "on %s, job executor on, %s, %d cores.%n%n"
                  + "| call | status | calls/s | p50 ms | p95 ms | p99 ms | p50 / baseline | p95 / baseline | p99 / baseline |%n"
                  + "|---|---|---|---|---|---|---|---|---|%n"
                  + "%s%s",
              CLIENTS,
              CALLS,
              WARM_UP,
              BenchApplication.database(),
              Instant.now(),
              Runtime.getRuntime().availableProcessors(),
              baseline.row("baseline: GET /actuator/health", baseline),
              eois.row("POST /api/rounds/{id}/eois (applicant, HTTP Basic)", baseline));
      System.out.println(report);
      Files.writeString(BenchApplication.DIR.resolve("api.md"), report);
    } finally {
      context.close();
    }
    System.exit(0);
  }

  record Result(long[] sortedNanos, double seconds, List<Integer> statuses) {
    double percentile(double q) {
      return sortedNanos[(int) Math.ceil(sortedNanos.length * q) - 1] / 1e6;
    }

    String row(String call, Result baseline) {
      return String.format(
          Locale.UK,
          "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          call,
          statuses.stream().distinct().sorted().map(String::valueOf).toList(),
          sortedNanos.length / seconds,
          percentile(0.5),
          percentile(0.95),
          percentile(0.99),
          percentile(0.5) / baseline.percentile(0.5),
          percentile(0.95) / baseline.percentile(0.95),
          percentile(0.99) / baseline.percentile(0.99));
    }
  }

  /** Each client makes the call {@code calls} times; the times of all, sorted. */
  private static Result load(IntSupplier call, int calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<long[]>> runs = new ArrayList<>();
      List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
      long started = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        runs.add(
            pool.submit(
                () -> {
                  long[] nanos = new long[calls];
                  for (int i = 0; i < calls; i++) {
                    long t = System.nanoTime();
                    statuses.add(call.getAsInt());
                    nanos[i] = System.nanoTime() - t;
                  }
                  return nanos;
                }));
      }
      long[] all = new long[0];
      for (Future<long[]> run : runs) {
        long[] nanos = run.get();
        long[] joined = Arrays.copyOf(all, all.length + nanos.length);
        System.arraycopy(nanos, 0, joined, all.length, nanos.length);
        all = joined;
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Arrays.sort(all);
      return new Result(all, seconds, statuses);
    } finally {
      pool.shutdown();
    }
  }
}
