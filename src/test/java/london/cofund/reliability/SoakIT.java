package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A whole round with 500 proposals, driven by the engine clock with mail on (every email over SMTP
 * to the sink), from consultation to the announcement: it takes less than 10 minutes, and at the
 * end there is no incident, no job stuck, and no open task without a due date. It prints its
 * elapsed time and counts. In the {@code reliability} profile: it takes minutes.
 */
@CoFundSpringTest
class SoakIT {

  static final int PROPOSALS = 500;
  static final Duration LIMIT = Duration.ofMinutes(10);
  static final int WORKERS = 4;

  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRoundOf500ProposalsRunsToItsAnnouncementInUnder10MinutesLeavingNothingStuck()
      throws Exception {
    long started = System.nanoTime();
    int mailBefore = sink.getReceivedMessages().length;
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId =
        fund.openRound(Fixtures.round(Fixtures.newRoundId("SOAK"), Fixtures.NOW, 8_000_000L));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    for (Task session : fund.tasks(roundId, FundingRoundProcess.TASK_RECORD_MARKET_DEVELOPMENT)) {
      fund.complete(
          session,
          FundingRoundProcess.VAR_SESSION_DATE,
          "2026-06-10T10:00:00+01:00",
          FundingRoundProcess.VAR_ATTENDING_ORGANISATIONS,
          "Advance, London CRC",
          FundingRoundProcess.VAR_SESSION_NOTES,
          "Well attended.");
    }

    // Four people at work at once, each through a driver of their own, which runs the jobs of
    // the proposals it started and no others.
    List<String> refs = java.util.Collections.synchronizedList(new ArrayList<>());
    List<FundDriver> workers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(WORKERS);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      FundDriver worker = new FundDriver(context);
      workers.add(worker);
      done.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < PROPOSALS) {
                  String ref =
                      worker.toAssessment(
                          roundId,
                          Fixtures.eoi(
                              "Soak " + i,
                              FundDriver.CONTACT,
                              List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON),
                              600_000L + 1_000L * (i % 400),
                              List.of(i % 2 == 0 ? "CSE" : "FEMALE_OFFENDING")),
                          i % 2 == 0 ? "applicant1" : "applicant2");
                  // Every one is fundable (20 of 25, above the threshold of 15): the panel funds
                  // a few and defers the rest, a list far longer than a string variable holds.
                  int score = 4;
                  worker.assess(ref, "assessor1", score, score, score, score, score);
                  worker.assess(ref, "assessor2", score, score, score, score, score);
                  refs.add(ref);
                  if (refs.size() % 100 == 0) {
                    System.out.printf(
                        "Soak: %d proposals assessed after %.0f s%n",
                        refs.size(), seconds(started));
                  }
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<?> worker : done) {
      worker.get(LIMIT.toMinutes(), java.util.concurrent.TimeUnit.MINUTES);
    }
    pool.shutdown();
    Map<String, Long> undated = openTasksWithoutDueDate(fund, workers);
    System.out.println("Soak: open tasks without a due date before the decision " + undated);
    System.out.printf("Soak: %d proposals assessed after %.0f s%n", PROPOSALS, seconds(started));

    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    Task decision = fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING);
    // The panel confirms the recommendation. Its deferred list runs to thousands of characters;
    // the doors (EngineDoorGuard) store submitted text as UserText, as this does.
    String deferred =
        (String) tasks.getVariable(decision.getId(), FundingRoundProcess.VAR_DEFERRED_REFERENCES);
    System.out.printf(
        "Soak: the recommendation defers a list of %d characters%n", deferred.length());
    fund.complete(
        decision,
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        tasks.getVariable(decision.getId(), FundingRoundProcess.VAR_FUNDED_REFERENCES),
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        UserText.of(deferred),
        FundingRoundProcess.VAR_DECISION_RATIONALE,
        "As recommended.");
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        FundingRoundProcess.VAR_AWARDS_APPROVED,
        true);
    fund.recordDecisionOfRecord(roundId, "PCD 310");
    workers.forEach(FundDriver::run);
    // A day later: every retry cycle has passed, so a job still there is stuck.
    Instant later = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
    fund.moveTo(later);
    workers.forEach(FundDriver::run);
    double elapsed = seconds(started);

    List<String> instances = new ArrayList<>();
    instances.add(fund.instance(roundId).getId());
    for (FundDriver worker : workers) {
      worker.startedKeys().forEach(key -> instances.add(worker.instance(key).getId()));
    }
    long incidents =
        instances.stream()
            .mapToLong(id -> runtime.createIncidentQuery().processInstanceId(id).count())
            .sum();
    long stuckJobs =
        instances.stream()
            .mapToLong(
                id ->
                    management.createJobQuery().processInstanceId(id).list().stream()
                        .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()))
                        .count())
            .sum();
    long failedJobs =
        instances.stream()
            .mapToLong(
                id -> management.createJobQuery().processInstanceId(id).withException().count())
            .sum();
    Map<String, Long> openTasks = new TreeMap<>();
    for (String id : instances) {
      tasks.createTaskQuery().processInstanceId(id).list().stream()
          .forEach(t -> openTasks.merge(t.getTaskDefinitionKey(), 1L, Long::sum));
    }
    Map<String, Long> withoutDueDate = openTasksWithoutDueDate(fund, workers);
    long decided = refs.stream().filter(r -> proposals.get(r).fundingOutcome() != null).count();
    Map<String, Integer> mailByTemplate = mailByTemplate(mailBefore);
    int mails = mailByTemplate.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "Soak (%d proposals, engine clock, mail on): %.0f s; decisions %d, emails %d, incidents"
            + " %d, stuck jobs %d, failed jobs %d, open tasks %s, open tasks without a due date"
            + " %s; emails by template %s%n",
        PROPOSALS,
        elapsed,
        decided,
        mails,
        incidents,
        stuckJobs,
        failedJobs,
        openTasks,
        withoutDueDate,
        mailByTemplate);

    assertThat(elapsed).as("seconds").isLessThan(LIMIT.toSeconds());
    assertThat(decided).as("proposals with their decision").isEqualTo(PROPOSALS);
    assertThat(mailByTemplate.get("FUNDING_DECISION")).as("decision emails").isEqualTo(PROPOSALS);
    assertThat(incidents).as("incidents").isZero();
    assertThat(stuckJobs).as("jobs due but not run").isZero();
    assertThat(failedJobs).as("jobs with a failure").isZero();
    assertThat(openTasks).as("the funded proposals' grant agreements are open").isNotEmpty();
    assertThat(withoutDueDate).as("open tasks without a due date").isEmpty();
  }

  private Map<String, Long> openTasksWithoutDueDate(FundDriver fund, List<FundDriver> workers) {
    List<FundDriver> drivers = new ArrayList<>(workers);
    drivers.add(fund);
    Map<String, Long> found = new TreeMap<>();
    for (FundDriver driver : drivers) {
      for (String key : driver.startedKeys()) {
        ProcessInstance instance = driver.instance(key);
        tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
            .filter(t -> t.getDueDate() == null)
            .forEach(t -> found.merge(t.getTaskDefinitionKey(), 1L, Long::sum));
      }
    }
    return found;
  }

  private Map<String, Integer> mailByTemplate(int from) throws MessagingException {
    MimeMessage[] received = sink.getReceivedMessages();
    Map<String, Integer> byTemplate = new TreeMap<>();
    for (int i = from; i < received.length; i++) {
      String[] template = received[i].getHeader("X-CoFund-Template");
      byTemplate.merge(template == null ? "?" : template[0], 1, Integer::sum);
    }
    return byTemplate;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
