package london.cofund.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.IdentityBootstrap;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A borough officer's task list in Tasklist with the fund busy: each round offers its consultation
 * to the 32 boroughs, so {@value #DEFAULT_ROUNDS} rounds hold 10,016 open tasks, {@value
 * #DEFAULT_ROUNDS} of them Westminster's. Each Tasklist call (a filter's list, as JSON and as the
 * HAL that Tasklist sends, and its count) is timed against two baselines in the same run: the
 * direct task query for Westminster's group, and the same query run in the process without
 * authorization. Then four clients list at once, against the direct query with four clients at
 * once. H2's cache of results is off, so that no repeated call is answered from it. Not a test: run
 * it with {@code ./mvnw -Pbench verify}; the table goes to {@code target/bench/task-list.md}. The
 * target (issue 15): p95 at most 50 ms and at most twice the direct query's.
 */
public final class TaskListBenchmark {

  static final int DEFAULT_ROUNDS = 313;
  static final int ROUNDS = Integer.getInteger("bench.rounds", DEFAULT_ROUNDS);

  /** Calls before the timed ones: a server that has run a while has compiled its paths. */
  static final int WARM_UP = 30;

  static final int CALLS = 80;
  static final int CLIENTS = 4;
  static final double TARGET_P95_MILLIS = 50;
  static final double TARGET_RATIO = 2;
  static final String USER = "westminster";
  static final String GROUP = "borough-E09000033";

  private TaskListBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = BenchApplication.DIR;
    ConfigurableApplicationContext context =
        BenchApplication.start("tasks", ";OPTIMIZE_REUSE_RESULTS=FALSE");
    try {
      int port = BenchApplication.port(context);
      long started = System.nanoTime();
      FundDriver fund = new FundDriver(context);
      for (int r = 0; r < ROUNDS; r++) {
        fund.openRound(Fixtures.round(Fixtures.newRoundId("TLB"), Instant.now()));
      }
      System.out.printf(
          Locale.UK,
          "Opened %d rounds (%d consultation tasks) in %.0f s%n",
          ROUNDS,
          ROUNDS * 32,
          (System.nanoTime() - started) / 1e9);
      if (System.getProperty("bench.postgres") != null) {
        // A fresh database has no statistics until autovacuum comes round, and without them
        // PostgreSQL plans the task query as a nested loop over every open task (245 ms); a
        // running database has them. Gather them now, as autovacuum would.
        try (var connection = context.getBean(javax.sql.DataSource.class).getConnection();
            var statement = connection.createStatement()) {
          statement.execute("analyze");
        }
      }
      measure(port, context.getBean(FilterService.class), context.getBean(TaskService.class), dir);
    } finally {
      context.close();
    }
    System.exit(0);
  }

  private static void measure(int port, FilterService filters, TaskService tasks, Path dir)
      throws Exception {
    HttpApi http = new HttpApi(port);
    String myGroups =
        filters
            .createFilterQuery()
            .filterName(IdentityBootstrap.FILTER_MY_GROUPS)
            .singleResult()
            .getId();
    String dueSoon =
        filters
            .createFilterQuery()
            .filterName(IdentityBootstrap.FILTER_DUE_SOON)
            .singleResult()
            .getId();
    Map<String, Object> sorted =
        Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    String page = "?firstResult=0&maxResults=15";
    String myGroupsList = "/engine-rest/filter/" + myGroups + "/list" + page;

    Map<String, Supplier<Integer>> calls = new LinkedHashMap<>();
    calls.put(
        "baseline: direct task query, POST /engine-rest/task {candidateGroups:[" + GROUP + "]}",
        () ->
            http.post(
                    "/engine-rest/task" + page,
                    USER,
                    Map.of("candidateGroups", List.of(GROUP), "sorting", sorted.get("sorting")))
                .status());
    calls.put(
        "baseline: the same query in the process, authorization off (no signed-in user)",
        () -> {
          // No authenticated user in this thread, so the engine checks no authorization; the
          // filter's own query names the user's groups by an expression, which needs a user, so
          // the group is given here as the filter would resolve it.
          tasks
              .createTaskQuery()
              .taskCandidateGroup(GROUP)
              .orderByTaskCreateTime()
              .desc()
              .listPage(0, 15);
          return 200;
        });
    calls.put(
        "filter \"My group's tasks\" list, JSON",
        () -> http.post(myGroupsList, USER, sorted).status());
    calls.put(
        "filter \"My group's tasks\" list, HAL (as Tasklist asks)",
        () -> http.postHal(myGroupsList, USER, sorted).status());
    calls.put(
        "filter \"My group's tasks\" count",
        () -> http.post("/engine-rest/filter/" + myGroups + "/count", USER, Map.of()).status());
    calls.put(
        "filter \"Due in 3 days\" list, HAL",
        () ->
            http.postHal("/engine-rest/filter/" + dueSoon + "/list" + page, USER, sorted).status());

    StringBuilder table =
        new StringBuilder(
            "| call | clients | status | p50 ms | p95 ms | p95 / direct p95 | target |\n"
                + "|---|---|---|---|---|---|---|\n");
    double direct = 0;
    for (var entry : calls.entrySet()) {
      int status = 0;
      for (int i = 0; i < WARM_UP; i++) {
        status = entry.getValue().get();
      }
      long[] nanos = time(entry.getValue(), CALLS);
      status = entry.getValue().get();
      double p95 = percentile(nanos, 0.95);
      if (direct == 0) {
        direct = p95;
      }
      row(table, entry.getKey(), 1, status, nanos, direct, entry.getKey().startsWith("filter"));
    }
    // Four officers at once, each listing "My group's tasks" as Tasklist does; the baseline is the
    // direct query with four clients at once, since on two cores four clients queue behind each
    // other whatever they ask.
    Supplier<Integer> hal = calls.get("filter \"My group's tasks\" list, HAL (as Tasklist asks)");
    Supplier<Integer> directQuery = calls.values().iterator().next();
    Together direct4 = together(directQuery);
    double directFour = percentile(direct4.sorted(), 0.95);
    row(
        table,
        String.format(
            Locale.UK,
            "baseline: direct task query, %d clients at once (%.1f lists/s)",
            CLIENTS,
            direct4.perSecond()),
        CLIENTS,
        directQuery.get(),
        direct4.sorted(),
        directFour,
        false);
    Together hal4 = together(hal);
    row(
        table,
        String.format(
            Locale.UK,
            "filter \"My group's tasks\" list, HAL, %d clients at once (%.1f lists/s)",
            CLIENTS,
            hal4.perSecond()),
        CLIENTS,
        hal.get(),
        hal4.sorted(),
        directFour,
        true);
    String report =
        "Tasklist calls for "
            + USER
            + " with "
            + ROUNDS
            + " rounds open ("
            + ROUNDS * 32
            + " open consultation tasks over 32 boroughs), on "
            + BenchApplication.database()
            + " (its cache of results off), "
            + CALLS
            + " calls each after "
            + WARM_UP
            + ", "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores. Target: p95 at most "
            + (int) TARGET_P95_MILLIS
            + " ms and at most "
            + (int) TARGET_RATIO
            + "x the direct query's p95.\n\n"
            + table;
    System.out.println(report);
    Files.writeString(dir.resolve("task-list.md"), report);
  }

  /** The timings of calls made by several clients at once, sorted, and how many went per second. */
  private record Together(long[] sorted, double perSecond) {}

  /** {@value #CLIENTS} clients making the call {@value #CALLS} times each, after a warm-up. */
  private static Together together(Supplier<Integer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int c = 0; c < CLIENTS; c++) {
        pool.submit(() -> time(call, WARM_UP / CLIENTS)).get();
      }
      List<Future<long[]>> runs = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        runs.add(pool.submit(() -> time(call, CALLS)));
      }
      List<Long> all = new ArrayList<>();
      for (Future<long[]> run : runs) {
        for (long n : run.get()) {
          all.add(n);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Together(
          all.stream().mapToLong(Long::longValue).sorted().toArray(), all.size() / seconds);
    } finally {
      pool.shutdown();
    }
  }

  private static long[] time(Supplier<Integer> call, int times) {
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      call.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double percentile(long[] sorted, double q) {
    return sorted[(int) Math.ceil(sorted.length * q) - 1] / 1e6;
  }

  private static void row(
      StringBuilder table,
      String call,
      int clients,
      int status,
      long[] sorted,
      double direct,
      boolean targeted) {
    double p95 = percentile(sorted, 0.95);
    String target =
        !targeted
            ? ""
            : status == 200 && p95 <= TARGET_P95_MILLIS && p95 <= TARGET_RATIO * direct
                ? "met"
                : "NOT MET";
    table.append(
        String.format(
            Locale.UK,
            "| %s | %d | %d | %.1f | %.1f | %.1f | %s |%n",
            call,
            clients,
            status,
            percentile(sorted, 0.5),
            p95,
            p95 / direct,
            target));
  }
}
