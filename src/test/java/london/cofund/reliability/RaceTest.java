package london.cofund.reliability;

import static london.cofund.proposal.process.ProposalProcess.TASK_CONFIRM_CORE_PARTNER;
import static london.cofund.proposal.process.ProposalProcess.VAR_CORE_PARTNER_CONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.JobDriver;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundRepository;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Two things meant to happen once, asked for at the same moment: one wins, the other is told so or
 * is folded into the same outcome, and nothing is stored twice or left half done. Each test prints
 * its counts.
 */
@CoFundSpringTest
class RaceTest {

  static final int RACES = 8;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RoundRepository roundRecords;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;

  HttpApi http;
  FundDriver fund;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
    fund = new FundDriver(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSameRoundOpenedTwiceAtOnceIsOne201AndOne409() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int attempt = 0; attempt < RACES; attempt++) {
      String roundId = Fixtures.newRoundId("TWICE");
      var request = HttpApi.jsonOf(Fixtures.round(roundId, Fixtures.NOW));
      List<Response> both = atOnce(2, i -> http.post("/api/rounds", "mopac", request));
      both.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));

      assertThat(both).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
      Response refused = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body()).containsAnyOf("already exists", "Someone else changed this");
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(roundId).count())
          .as("one round process")
          .isOne();
      assertThat(rounds.get(roundId).roundId()).isEqualTo(roundId);
    }
    System.out.println(
        "The same roundId opened twice at once, " + RACES + " times: statuses " + statuses);
  }

  @Test
  void eoisSubmittedAtTheSameMomentGetDistinctReferences() throws Exception {
    int at = 8;
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("REFS"), Fixtures.NOW));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    Map<Integer, Integer> statuses = new TreeMap<>();
    Set<String> references = new HashSet<>();
    for (int burst = 0; burst < 3; burst++) {
      int b = burst;
      List<Response> answers =
          atOnce(
              at,
              i ->
                  http.post(
                      "/api/rounds/" + roundId + "/eois",
                      i % 2 == 0 ? "applicant1" : "applicant2",
                      HttpApi.jsonOf(
                          Fixtures.eligibleEoi("Same moment " + b + "." + i, FundDriver.CONTACT))));
      for (Response answer : answers) {
        statuses.merge(answer.status(), 1, Integer::sum);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(references.add(answer.json().get("reference").asText()))
            .as("reference handed out once")
            .isTrue();
      }
    }
    System.out.println(
        "EOIs in 3 bursts of "
            + at
            + " at the same moment: statuses "
            + statuses
            + ", distinct references "
            + references.size());
    assertThat(references).hasSize(3 * at);
    assertThat(rounds.proposalCounts(roundId).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(3 * at);
  }

  /**
   * {@code Task_ConfirmCorePartner} (the last borough's) against {@code
   * BoundaryEvent_SignOffDeadline} on {@code SubProcess_CorePartnerSignOff}, both at the
   * full-proposal deadline. Whichever wins, the proposal ends once, lapsed (the feedback task that
   * a winning sign-off opens is itself due at that deadline): no task left open, no incident, no
   * 500.
   */
  @Test
  void theLastSignOffAndTheDeadlineAtTheSameMomentLeaveOneOutcome() throws Exception {
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("DUE"), Fixtures.NOW));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    var deadline = rounds.get(roundId).dates().fullProposalDeadline().toInstant();
    JobDriver jobs = new JobDriver(management);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int attempt = 0; attempt < RACES; attempt++) {
      ClockUtil.setCurrentTime(Date.from(Fixtures.NOW.plusSeconds(86_400)));
      String ref =
          fund.submit(
              roundId,
              Fixtures.eligibleEoi("Deadline " + attempt, FundDriver.CONTACT),
              "applicant1");
      String instance = fund.instance(ref).getId();
      Task westminster = null;
      for (Task task : fund.tasks(ref, TASK_CONFIRM_CORE_PARTNER)) {
        boolean isWestminster =
            tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> ("borough-" + Fixtures.WESTMINSTER).equals(l.getGroupId()));
        if (isWestminster) {
          westminster = task;
        } else {
          tasks.complete(task.getId(), Map.of(VAR_CORE_PARTNER_CONFIRMED, true));
        }
      }
      jobs.runDueJobsWithoutFailures(instance);
      assertThat(westminster).as("Westminster's sign-off").isNotNull();
      ClockUtil.setCurrentTime(Date.from(deadline));
      Job timer =
          management
              .createJobQuery()
              .processInstanceId(instance)
              .timers()
              .activityId("BoundaryEvent_SignOffDeadline")
              .singleResult();
      assertThat(timer).as("the sign-off deadline's timer").isNotNull();

      Task last = westminster;
      int head = attempt;
      List<String> sides = new ArrayList<>();
      List<Object> results =
          atOnce(
              2,
              i -> {
                if (i == 0) {
                  return http.completeTask(
                      last.getId(), "westminster", VAR_CORE_PARTNER_CONFIRMED, true);
                }
                try {
                  // A head start for the sign-off that grows with each race, so that both orders
                  // (and the moment they overlap) are tried.
                  Thread.sleep(head * 30L);
                  management.executeJob(timer.getId());
                  return "timer fired";
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return "timer interrupted";
                } catch (RuntimeException e) {
                  return "timer lost: " + e.getClass().getSimpleName();
                }
              });
      Response signOff = (Response) results.get(0);
      assertThat(signOff.status()).as(signOff.body()).isIn(204, 409);
      sides.add(signOff.status() == 204 ? "sign-off 204" : "sign-off 409");
      sides.add(((String) results.get(1)).startsWith("timer fired") ? "timer fired" : "timer lost");
      outcomes.merge(String.join(" + ", sides), 1, Integer::sum);
      // What is left runs as the job executor would: the sign-off's asyncAfter, a retried timer,
      // the feedback task's own deadline.
      jobs.runDueJobs(List.of(instance));

      assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
          .as("incidents")
          .isZero();
      assertThat(tasks.createTaskQuery().processInstanceId(instance).count())
          .as("tasks left open")
          .isZero();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
          .as("the proposal's process has ended")
          .isZero();
      assertThat(
              history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(instance)
                  .activityId("EndEvent_Lapsed")
                  .count())
          .as("lapsed once")
          .isOne();
      assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.LAPSED);
    }
    System.out.println(
        "The last sign-off and the full-proposal deadline at once, "
            + RACES
            + " times: "
            + outcomes
            + "; every proposal lapsed once, 0 incidents, 0 tasks left");
  }

  /** Each call, started together. */
  private static <T> List<T> atOnce(int calls, IntFunction<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return call.apply(n);
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return results;
  }
}
