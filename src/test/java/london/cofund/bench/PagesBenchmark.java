package london.cofund.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import london.cofund.HttpApi;
import london.cofund.JobDriver;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.process.ProposalSteps;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every page and export of "Seeing the fund" with 2,000 proposals over 4 rounds, on an H2 file as
 * the demo runs it. Not a test: a figure is met here or not, and the table says which. Run with
 * {@code ./mvnw -Pbench verify} (see README.md); the table goes to {@code target/bench/pages.md}.
 *
 * <p>Each path is called {@value #WARM_UP} times to warm up, then {@value #CALLS} times; the target
 * is a 95th percentile under {@value #TARGET_MILLIS} ms. The rounds are filled through the real
 * processes: the first is taken to its announcement with 12 assessed proposals, the others hold
 * EOIs awaiting their boroughs' sign-off, so the engine's task and history tables are full.
 */
public final class PagesBenchmark {

  /**
   * The fund's size: 2,000 proposals over 4 rounds, as the issue sets it. {@code -Dbench.rounds=1}
   * keeps the 500 bids of the first round only (a quick fill, to profile one page); {@code
   * -Dbench.only=<text>} measures only the paths that contain the text, and {@code
   * -Dbench.calls=<n>} calls each that many times.
   */
  static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

  static final int PROPOSALS = 500 * ROUNDS;
  static final int ASSESSED = 12;
  static final int WARM_UP = 5;
  static final int CALLS = Integer.getInteger("bench.calls", 30);
  static final long TARGET_MILLIS = 200;

  private PagesBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = BenchApplication.DIR;
    ConfigurableApplicationContext context = BenchApplication.start("pages");
    int exitCode = 0;
    try {
      int port = BenchApplication.port(context);
      long started = System.nanoTime();
      List<String> roundIds = fill(context);
      System.out.printf(
          Locale.UK,
          "Filled %d rounds with %d proposals in %.0f s%n",
          ROUNDS,
          PROPOSALS,
          (System.nanoTime() - started) / 1e9);
      exitCode = measure(port, roundIds, dir) ? 0 : 1;
    } finally {
      context.close();
    }
    System.exit(exitCode);
  }

  private static List<String> fill(ConfigurableApplicationContext context) {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    RoundService rounds = context.getBean(RoundService.class);
    ProposalSteps steps = context.getBean(ProposalSteps.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    JobDriver jobs = new JobDriver(context.getBean(ManagementService.class));
    List<String> roundIds = new ArrayList<>();
    int perRound = PROPOSALS / ROUNDS;
    for (int r = 0; r < ROUNDS; r++) {
      // A driver per round, for the few bids taken further: it runs the jobs of what it started.
      FundDriver fund = new FundDriver(context);
      String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("BENCH"), Fixtures.NOW));
      fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
      roundIds.add(roundId);
      List<String> assessed = new ArrayList<>();
      List<String> instances = new ArrayList<>();
      List<String> roundInstances = new ArrayList<>();
      for (int i = 0; i < perRound; i++) {
        var eoi = Fixtures.eligibleEoi("Bench " + r + "-" + i, "lead" + i + "@bench.example.org");
        String applicant = i % 2 == 0 ? "applicant1" : "applicant2";
        if (r == 0 && i < ASSESSED) {
          String ref = fund.toAssessment(roundId, eoi, applicant);
          // Scores a point apart at most: no moderation.
          fund.assess(ref, "assessor1", 4, 4, 4, 4, 3 + i % 2);
          fund.assess(ref, "assessor2", 4, 3, 4, 4, 4);
          assessed.add(ref);
        } else {
          String ref = steps.submitEoi(roundId, eoi, FundDriver.applicant(applicant)).reference();
          instances.add(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(ref)
                  .singleResult()
                  .getId());
          roundInstances.add(instances.get(instances.size() - 1));
          if (instances.size() == 50) {
            jobs.runDueJobsWithoutFailures(instances.toArray(String[]::new));
            instances.clear();
          }
        }
      }
      jobs.runDueJobsWithoutFailures(instances.toArray(String[]::new));
      if (r == 0) {
        fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
        // The bids still waiting for their boroughs lapse at the deadline; then the round decides.
        for (int from = 0; from < roundInstances.size(); from += 50) {
          jobs.runDueJobs(roundInstances.subList(from, Math.min(from + 50, roundInstances.size())));
        }
        fund.run();
        fund.complete(
            fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
            FundingRoundProcess.VAR_FUNDED_REFERENCES,
            String.join(",", assessed.subList(0, 5)),
            FundingRoundProcess.VAR_DEFERRED_REFERENCES,
            String.join(",", assessed.subList(5, 7)),
            FundingRoundProcess.VAR_DECISION_RATIONALE,
            "The bench's panel.");
        fund.complete(
            fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
            FundingRoundProcess.VAR_AWARDS_APPROVED,
            true);
        fund.recordDecisionOfRecord(roundId, "PCD 1");
        ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
      }
    }
    ClockUtil.reset();
    return roundIds;
  }

  private static boolean measure(int port, List<String> roundIds, Path dir) throws IOException {
    HttpApi http = new HttpApi(port);
    WebappLogin mopac = WebappLogin.tasklist(http, "mopac");
    WebappLogin westminster = WebappLogin.tasklist(http, "westminster");
    String announced = roundIds.get(0);
    Map<String, Supplier<Integer>> paths = new LinkedHashMap<>();
    paths.put("GET / (home)", () -> http.get("/", null).status());
    paths.put("GET /dashboard (mopac)", () -> mopac.get("/dashboard").statusCode());
    paths.put(
        "GET /dashboard?borough=E09000033 (mopac)",
        () -> mopac.get("/dashboard?borough=E09000033").statusCode());
    paths.put("GET /api/dashboard (mopac)", () -> http.get("/api/dashboard", "mopac").status());
    paths.put(
        "GET /api/dashboard (westminster)",
        () -> http.get("/api/dashboard", "westminster").status());
    paths.put("GET /funds (mopac)", () -> mopac.get("/funds").statusCode());
    paths.put(
        "GET /api/boroughs/E09000033 (westminster)",
        () -> http.get("/api/boroughs/E09000033", "westminster").status());
    paths.put(
        "GET /boroughs/E09000033 (westminster)",
        () -> westminster.get("/boroughs/E09000033").statusCode());
    paths.put(
        "GET /boroughs/E09000033/committee-updates/{round} (westminster)",
        () -> westminster.get("/boroughs/E09000033/committee-updates/" + announced).statusCode());
    paths.put(
        "GET /boroughs/E09000033/committee-updates/{round}.pdf (westminster)",
        () ->
            westminster
                .get("/boroughs/E09000033/committee-updates/" + announced + ".pdf")
                .statusCode());
    paths.put(
        "GET /api/rounds/{round}/export.csv (mopac)",
        () -> http.get("/api/rounds/" + announced + "/export.csv", "mopac").status());
    paths.put(
        "GET /api/rounds/{round}/360giving.json (mopac)",
        () -> http.get("/api/rounds/" + announced + "/360giving.json", "mopac").status());

    StringBuilder table =
        new StringBuilder(
            "| path | status | p50 ms | p95 ms | max ms | target p95 < "
                + TARGET_MILLIS
                + " ms |\n|---|---|---|---|---|---|\n");
    boolean allMet = true;
    String only = System.getProperty("bench.only", "");
    paths.keySet().removeIf(path -> !path.contains(only));
    for (var entry : paths.entrySet()) {
      int status = 0;
      for (int i = 0; i < WARM_UP; i++) {
        status = entry.getValue().get();
      }
      long[] nanos = new long[CALLS];
      for (int i = 0; i < CALLS; i++) {
        long t = System.nanoTime();
        status = entry.getValue().get();
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      double p50 = nanos[CALLS / 2] / 1e6;
      double p95 = nanos[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6;
      double max = nanos[CALLS - 1] / 1e6;
      boolean met = status == 200 && p95 < TARGET_MILLIS;
      allMet &= met;
      table.append(
          String.format(
              Locale.UK,
              "| %s | %d | %.1f | %.1f | %.1f | %s |%n",
              entry.getKey(),
              status,
              p50,
              p95,
              max,
              met ? "met" : "NOT MET"));
    }
    String report =
        "Pages and exports with "
            + PROPOSALS
            + " proposals over "
            + ROUNDS
            + " rounds on an H2 file, "
            + CALLS
            + " calls each after "
            + WARM_UP
            + " to warm up, "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores\n\n"
            + table;
    System.out.println(report);
    Files.writeString(dir.resolve("pages.md"), report);
    return allMet;
  }
}
