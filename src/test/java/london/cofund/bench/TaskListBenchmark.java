package london.cofund.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.IdentityBootstrap;
import org.camunda.bpm.engine.FilterService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A borough officer's task list in Tasklist with many rounds open: each round offers its
 * consultation to the 32 boroughs, so {@value #ROUNDS} rounds hold {@value #ROUNDS} tasks for
 * Westminster among 32 times as many. Each Tasklist call (a filter's list, as JSON and as the HAL
 * that Tasklist sends, and its count) is timed against the baseline in the same run: the direct
 * task query for Westminster's group. Not a test: run it with {@code ./mvnw -Pbench verify}; the
 * table goes to {@code target/bench/task-list.md}.
 */
public final class TaskListBenchmark {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
  static final int WARM_UP = 10;
  static final int CALLS = 40;
  static final String USER = "westminster";

  private TaskListBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = BenchApplication.DIR;
    ConfigurableApplicationContext context = BenchApplication.start("tasks");
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
      measure(port, context.getBean(FilterService.class), dir);
    } finally {
      context.close();
    }
    System.exit(0);
  }

  private static void measure(int port, FilterService filters, Path dir) throws Exception {
    HttpApi http = new HttpApi(port);
    String group = "borough-E09000033";
    Map<String, Supplier<HttpApi.Response>> calls = new LinkedHashMap<>();
    calls.put(
        "baseline: POST /engine-rest/task?maxResults=15 {candidateGroups:[" + group + "]}",
        () ->
            http.post(
                "/engine-rest/task?firstResult=0&maxResults=15",
                USER,
                Map.of("candidateGroups", java.util.List.of(group))));
    java.util.List<Map<String, Object>> byCreated =
        java.util.List.of(Map.of("sortBy", "created", "sortOrder", "desc"));
    calls.put(
        "direct, sorted by created desc",
        () ->
            http.post(
                "/engine-rest/task?firstResult=0&maxResults=15",
                USER,
                Map.of("candidateGroups", java.util.List.of(group), "sorting", byCreated)));
    calls.put(
        "direct, includeAssignedTasks",
        () ->
            http.post(
                "/engine-rest/task?firstResult=0&maxResults=15",
                USER,
                Map.of("candidateGroups", java.util.List.of(group), "includeAssignedTasks", true)));
    calls.put(
        "direct, includeAssignedTasks, sorted by created desc",
        () ->
            http.post(
                "/engine-rest/task?firstResult=0&maxResults=15",
                USER,
                Map.of(
                    "candidateGroups",
                    java.util.List.of(group),
                    "includeAssignedTasks",
                    true,
                    "sorting",
                    byCreated)));
    for (String name :
        java.util.List.of(IdentityBootstrap.FILTER_MY_GROUPS, IdentityBootstrap.FILTER_DUE_SOON)) {
      String id = filters.createFilterQuery().filterName(name).singleResult().getId();
      String list = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15";
      Map<String, Object> sorted =
          Map.of("sorting", java.util.List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
      calls.put("filter \"" + name + "\" list, JSON", () -> http.post(list, USER, sorted));
      calls.put("filter \"" + name + "\" list, HAL", () -> http.postHal(list, USER, sorted));
      calls.put(
          "filter \"" + name + "\" count",
          () -> http.post("/engine-rest/filter/" + id + "/count", USER, Map.of()));
    }
    StringBuilder table =
        new StringBuilder(
            "| call | status | p50 ms | p95 ms | p95 / baseline p95 |\n|---|---|---|---|---|\n");
    double baseline = 0;
    for (var entry : calls.entrySet()) {
      int status = 0;
      for (int i = 0; i < WARM_UP; i++) {
        status = entry.getValue().get().status();
      }
      long[] nanos = new long[CALLS];
      for (int i = 0; i < CALLS; i++) {
        long t = System.nanoTime();
        status = entry.getValue().get().status();
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      double p50 = nanos[CALLS / 2] / 1e6;
      double p95 = nanos[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6;
      if (baseline == 0) {
        baseline = p95;
      }
      table.append(
          String.format(
              Locale.UK,
              "| %s | %d | %.1f | %.1f | %.1f |%n",
              entry.getKey(),
              status,
              p50,
              p95,
              p95 / baseline));
    }
    String report =
        "Tasklist calls for "
            + USER
            + " with "
            + ROUNDS
            + " rounds open ("
            + ROUNDS * 32
            + " consultation tasks), on "
            + BenchApplication.database()
            + ", "
            + CALLS
            + " calls each after "
            + WARM_UP
            + ", "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores\n\n"
            + table;
    System.out.println(report);
    Files.writeString(dir.resolve("task-list.md"), report);
  }
}
