package london.cofund.bench;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a proposal's whole lifecycle costs against the engine itself (issue 15's lifecycle row): N
 * proposals through the {@code proposal} process in-process, on an H2 file (or PostgreSQL with
 * {@code -Dbench.postgres=<url>}), with the job executor on as in production: EOI, the three
 * boroughs' sign-offs, feedback, full proposal, two assessments, the funding decision and the grant
 * agreement. The baseline, in the same run and on the same engine: a bare process built in code
 * with as many wait states and service tasks that do nothing, the asynchronous ones where CoFund's
 * are (its mails). Target: at least {@value #TARGET_RATIO} times the baseline's proposals per
 * second.
 *
 * <p>Both are driven the same way, a step at a time for all N (every EOI, then every sign-off, and
 * so on), waiting once per step for the job executor to run what the step left due, as it would
 * with many users at work. Not a test: run it with {@code ./mvnw -Pbench verify}; the table goes to
 * {@code target/bench/lifecycle.md}.
 */
public final class LifecycleBenchmark {

  /** Proposals per measured batch ({@code -Dbench.proposals}). */
  static final int PROPOSALS = Integer.getInteger("bench.proposals", 20);

  /** Measured batches of each, alternating ({@code -Dbench.repeats}); the median is reported. */
  static final int REPEATS = Integer.getInteger("bench.repeats", 2);

  static final int WARM_UP = 5;
  static final double TARGET_RATIO = 0.75;
  static final String BARE_KEY = "benchBareLifecycle";
  static final String BARE_DECISION = "BenchFundingDecision";

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        BenchApplication.start("lifecycle", "", "--camunda.bpm.job-execution.enabled=true");
    try {
      Lifecycles lifecycles = new Lifecycles(context);
      lifecycles.cofund(WARM_UP);
      lifecycles.bare(WARM_UP);
      lifecycles.stepSeconds.clear();
      double[] cofund = new double[REPEATS];
      double[] bare = new double[REPEATS];
      long cofundJobs = 0;
      long bareJobs = 0;
      long cofundInstances = 0;
      for (int i = 0; i < REPEATS; i++) {
        long jobs = lifecycles.jobsRun();
        long instances = lifecycles.instancesStarted();
        cofund[i] = PROPOSALS / lifecycles.cofund(PROPOSALS);
        cofundJobs += lifecycles.jobsRun() - jobs;
        cofundInstances += lifecycles.instancesStarted() - instances;
        jobs = lifecycles.jobsRun();
        bare[i] = PROPOSALS / lifecycles.bare(PROPOSALS);
        bareJobs += lifecycles.jobsRun() - jobs;
        System.out.printf(
            Locale.UK, "batch %d: CoFund %.2f/s, bare %.2f/s%n", i + 1, cofund[i], bare[i]);
      }
      double c = median(cofund);
      double b = median(bare);
      long failed = lifecycles.fund.failedJobs();
      boolean met = failed == 0 && c >= TARGET_RATIO * b;
      String report =
          String.format(
              Locale.UK,
              "Lifecycle of %d proposals per batch, %d batches each after a warm-up of %d, on %s, "
                  + "job executor on, %s, %d cores. Target: CoFund at least %.2fx the bare "
                  + "process's proposals per second.%n%n"
                  + "| process | proposals/s (median) | per batch | ms per proposal | ratio | target |%n"
                  + "|---|---|---|---|---|---|%n"
                  + "| baseline: bare process, same wait states, no-op service tasks | %.2f | %s | %.0f | 1.00 | |%n"
                  + "| CoFund `proposal`, EOI to grant agreement | %.2f | %s | %.0f | %.2f | %s |%n"
                  + "%nPer proposal: CoFund ran %.1f jobs and started %.1f process instances "
                  + "(its own and those it starts: task notices, grant), the bare process %.1f jobs "
                  + "and 1. Failed jobs: %d.%n%n"
                  + "| CoFund step (all proposals of a batch, then one wait for the job executor) "
                  + "| ms per proposal |%n|---|---|%n%s",
              PROPOSALS,
              REPEATS,
              WARM_UP,
              BenchApplication.database(),
              Instant.now(),
              Runtime.getRuntime().availableProcessors(),
              TARGET_RATIO,
              b,
              rates(bare),
              1000 / b,
              c,
              rates(cofund),
              1000 / c,
              c / b,
              met ? "met" : "NOT MET",
              cofundJobs / (double) (REPEATS * PROPOSALS),
              cofundInstances / (double) (REPEATS * PROPOSALS),
              bareJobs / (double) (REPEATS * PROPOSALS),
              failed,
              steps(lifecycles.stepSeconds, REPEATS * PROPOSALS));
      System.out.println(report);
      Files.writeString(BenchApplication.DIR.resolve("lifecycle.md"), report);
    } finally {
      context.close();
    }
    System.exit(0);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static String steps(java.util.Map<String, Double> seconds, int proposals) {
    StringBuilder rows = new StringBuilder();
    seconds.forEach(
        (step, s) ->
            rows.append(String.format(Locale.UK, "| %s | %.0f |%n", step, 1000 * s / proposals)));
    return rows.toString();
  }

  private static String rates(double[] values) {
    return String.join(
        ", ", Arrays.stream(values).mapToObj(v -> String.format(Locale.UK, "%.2f", v)).toList());
  }

  /** Both lifecycles on one running CoFund, each timed a batch at a time. */
  static final class Lifecycles {

    final FundDriver fund;
    final ProcessEngine engine;
    final String roundId;
    private int submitted;

    /** Seconds spent in each step of CoFund's lifecycle, over every measured batch. */
    final java.util.Map<String, Double> stepSeconds = new java.util.LinkedHashMap<>();

    private void step(String name, Runnable steps) {
      long started = System.nanoTime();
      fund.batch(steps);
      stepSeconds.merge(name, (System.nanoTime() - started) / 1e9, Double::sum);
    }

    /** Jobs the engine has run so far (its history's log of successful jobs). */
    long jobsRun() {
      return engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
    }

    /** Process instances started so far, of any process. */
    long instancesStarted() {
      return engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    }

    Lifecycles(ConfigurableApplicationContext context) {
      this.fund = FundDriver.withJobExecutor(context);
      this.engine = context.getBean(ProcessEngine.class);
      this.roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("LIFE"), Instant.now()));
      fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
      engine
          .getRepositoryService()
          .createDeployment()
          .name("bench: bare lifecycle")
          .addModelInstance(BARE_KEY + ".bpmn", bareModel())
          .deploy();
    }

    /** N proposals through CoFund's process; returns the seconds they took. */
    double cofund(int n) {
      long started = System.nanoTime();
      takeThrough(submitEois(n));
      return (System.nanoTime() - started) / 1e9;
    }

    /** N instances of the bare process; returns the seconds they took. */
    double bare(int n) {
      long started = System.nanoTime();
      bareThrough(n);
      return (System.nanoTime() - started) / 1e9;
    }

    /** Submits N EOIs (none yet), returns their references; used by the growth benchmark too. */
    List<String> submitEois(int n) {
      List<String> refs = new ArrayList<>();
      step(
          "EOI submitted, receipt and sign-off requests mailed",
          () -> {
            for (int i = 0; i < n; i++) {
              int k = submitted++;
              var eoi = Fixtures.eligibleEoi("Lifecycle " + k, "lead" + k + "@bench.example.org");
              refs.add(fund.submit(roundId, eoi, k % 2 == 0 ? "applicant1" : "applicant2"));
            }
          });
      return refs;
    }

    /** Takes submitted EOIs through the rest of the lifecycle, a step at a time for all. */
    void takeThrough(List<String> refs) {
      step("three boroughs sign off", () -> refs.forEach(fund::confirmEveryBorough));
      step(
          "MOPAC's feedback, mailed",
          () -> refs.forEach(ref -> fund.feedback(ref, "ACCEPT", "A strong partnership.")));
      step("full proposal submitted", () -> refs.forEach(fund::submitFullProposal));
      step(
          "two assessments",
          () ->
              refs.forEach(
                  ref -> {
                    fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
                    fund.assess(ref, "assessor2", 4, 4, 4, 4, 3);
                  }));
      // The panel's decision reaches each proposal, as the round's announcement sends it.
      step(
          "funding decision, award letter mailed",
          () ->
              refs.forEach(
                  ref ->
                      engine
                          .getRuntimeService()
                          .createMessageCorrelation(MESSAGE_FUNDING_DECISION)
                          .processInstanceBusinessKey(ref)
                          .setVariable(VAR_FUNDING_OUTCOME, "FUNDED")
                          .setVariable(VAR_AWARD_DECISION_REFERENCE, FundDriver.DECISION_OF_RECORD)
                          .correlateWithResult()));
      step(
          "grant agreement confirmed, grant opened",
          () ->
              refs.forEach(
                  ref ->
                      fund.complete(
                          fund.task(ref, TASK_CONFIRM_GRANT_AGREEMENT),
                          VAR_GRANT_AGREEMENT_SIGNED,
                          true,
                          VAR_AGREEMENT_DATE,
                          "2027-03-01",
                          VAR_AGREEMENT_CONDITIONS,
                          "Quarterly returns within 20 days.",
                          VAR_FIRST_PAYMENT_IN_ADVANCE,
                          false)));
      for (String ref : refs) {
        long waiting =
            engine
                .getRuntimeService()
                .createExecutionQuery()
                .processInstanceBusinessKey(ref)
                .activityId(EVENT_SERVICE_START)
                .count();
        if (waiting != 1) {
          throw new IllegalStateException(ref + " did not reach the service start: a failed job?");
        }
      }
    }

    private void bareThrough(int n) {
      var runtime = engine.getRuntimeService();
      List<String> keys = new ArrayList<>();
      fund.batch(
          () -> {
            for (int i = 0; i < n; i++) {
              String key = "bare-" + System.nanoTime();
              runtime.startProcessInstanceByKey(BARE_KEY, key);
              keys.add(key);
            }
          });
      fund.batch(() -> keys.forEach(key -> completeAll(key, "confirm")));
      fund.batch(() -> keys.forEach(key -> completeAll(key, "feedback")));
      fund.batch(() -> keys.forEach(key -> completeAll(key, "fullProposal")));
      fund.batch(() -> keys.forEach(key -> completeAll(key, "assess")));
      fund.batch(
          () ->
              keys.forEach(
                  key ->
                      runtime
                          .createMessageCorrelation(BARE_DECISION)
                          .processInstanceBusinessKey(key)
                          .setVariable("outcome", "FUNDED")
                          .correlateWithResult()));
      fund.batch(() -> keys.forEach(key -> completeAll(key, "agreement")));
      for (String key : keys) {
        if (runtime
                .createExecutionQuery()
                .processInstanceBusinessKey(key)
                .activityId("serviceStart")
                .count()
            != 1) {
          throw new IllegalStateException(key + " did not reach the service start");
        }
      }
    }

    private void completeAll(String businessKey, String taskKey) {
      var tasks = engine.getTaskService();
      List<Task> open =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(businessKey)
              .taskDefinitionKey(taskKey)
              .list();
      if (open.isEmpty()) {
        throw new IllegalStateException("No " + taskKey + " of " + businessKey);
      }
      for (Task task : open) {
        tasks.complete(task.getId(), java.util.Map.of("done", true));
      }
    }
  }

  /**
   * The bare lifecycle: the wait states of a proposal that takes CoFund's happy path (three
   * boroughs' sign-offs, feedback, the full proposal, two assessments, the decision, the agreement,
   * the service start), its five service tasks as expressions that do nothing, and its nine mails
   * as asynchronous service tasks that do nothing, the sign-offs and assessments asynchronous as
   * CoFund's are.
   */
  static BpmnModelInstance bareModel() {
    String nothing = "${true}";
    return Bpmn.createExecutableProcess(BARE_KEY)
        .camundaHistoryTimeToLive(180)
        .startEvent("start")
        .serviceTask("checkEligibility")
        .camundaExpression(nothing)
        .serviceTask("mailReceipt")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .subProcess("signOffs")
        .embeddedSubProcess()
        .startEvent("signOffRequested")
        .serviceTask("mailSignOff")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .userTask("confirm")
        .camundaAsyncBefore()
        .camundaAssignee("bench")
        .endEvent("signedOff")
        .subProcessDone()
        .multiInstance()
        .parallel()
        .cardinality("3")
        .multiInstanceDone()
        .userTask("feedback")
        .camundaAssignee("bench")
        .serviceTask("mailFeedback")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .serviceTask("mailFullProposalDue")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .userTask("fullProposal")
        .camundaAssignee("bench")
        .serviceTask("checkFullProposal")
        .camundaExpression(nothing)
        .subProcess("assessments")
        .embeddedSubProcess()
        .startEvent("assessorNeeded")
        .serviceTask("mailAssessment")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .userTask("assess")
        .camundaAsyncBefore()
        .camundaAssignee("bench")
        .endEvent("assessed")
        .subProcessDone()
        .multiInstance()
        .parallel()
        .cardinality("2")
        .multiInstanceDone()
        .serviceTask("totalScores")
        .camundaExpression(nothing)
        .intermediateCatchEvent("decision")
        .message(BARE_DECISION)
        .serviceTask("recordDecision")
        .camundaExpression(nothing)
        .serviceTask("mailAward")
        .camundaAsyncBefore()
        .camundaExpression(nothing)
        .userTask("agreement")
        .camundaAssignee("bench")
        .serviceTask("openGrant")
        .camundaExpression(nothing)
        .intermediateCatchEvent("serviceStart")
        .timerWithDuration("P180D")
        .endEvent("end")
        .done();
  }
}
