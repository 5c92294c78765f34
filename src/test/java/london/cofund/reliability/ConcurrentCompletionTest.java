package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.round.RoundRepository;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * People acting on the same work at the same moment, through engine-rest: one of two completions of
 * a task wins and the other is told, with a 409, that someone else did it; nobody ever sees a 500.
 * Each test prints its counts.
 */
@CoFundSpringTest
class ConcurrentCompletionTest {

  static final int RACES = 12;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired RoundRepository roundRecords;

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
  void twoPeopleCompletingTheSameTaskAtOnceGetOneSuccessAndOne409() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int attempt = 0; attempt < RACES; attempt++) {
      String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("RACE"), Fixtures.NOW));
      Task task = westminsters(roundId);
      List<Response> both =
          atOnce(
              List.of("westminster", "admin"),
              user ->
                  http.completeTask(
                      task.getId(),
                      user,
                      FundingRoundProcess.VAR_PRIORITY_COMMENTS,
                      user + " answers for Westminster."));
      both.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
      assertThat(both).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
      Response refused = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(refused.body()).containsAnyOf("Someone else changed this", "has already ended");
      assertThat(roundRecords.comments(roundId)).hasSize(1);
    }
    System.out.println("Two completions of one task, " + RACES + " times: statuses " + statuses);
  }

  @Test
  void completingATaskThatHasJustEndedIsA409NotA500() {
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("ENDED"), Fixtures.NOW));
    Task task = westminsters(roundId);
    assertThat(comment(task, "westminster").status()).isEqualTo(204);

    Response again = comment(task, "westminster");
    Response claim = http.claimTask(task.getId(), "westminster");

    for (Response late : List.of(again, claim)) {
      assertThat(late.status()).as(late.body()).isEqualTo(409);
      assertThat(late.body()).contains("Task_CommentOnPriorities has already ended");
    }
    assertThat(http.completeTask("no-such-task", "westminster").status()).isEqualTo(404);
  }

  @Test
  void boroughsAnsweringTheConsultationAtOnceNeverSeeA500() throws Exception {
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("MANY"), Fixtures.NOW));
    List<Task> consultation = fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES);
    assertThat(consultation).hasSize(32);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<Response>> answers = new ArrayList<>();
    for (Task task : consultation) {
      answers.add(clients.submit(() -> comment(task, "admin")));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Future<Response> answer : answers) {
      statuses.merge(answer.get(60, TimeUnit.SECONDS).status(), 1, Integer::sum);
    }
    clients.shutdown();
    System.out.println("32 boroughs answering from 4 clients at once: statuses " + statuses);
    assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    assertThat(statuses.getOrDefault(204, 0) + statuses.getOrDefault(409, 0)).isEqualTo(32);
    assertThat(roundRecords.comments(roundId)).hasSize(statuses.getOrDefault(204, 0));
  }

  private Response comment(Task task, String user) {
    return http.completeTask(
        task.getId(), user, FundingRoundProcess.VAR_PRIORITY_COMMENTS, "Agreed.");
  }

  private Task westminsters(String roundId) {
    return fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES).stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> "borough-E09000033".equals(l.getGroupId())))
        .findFirst()
        .orElseThrow();
  }

  /** Each user's call, started together. */
  private static List<Response> atOnce(
      List<String> users, java.util.function.Function<String, Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (String user : users) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return call.apply(user);
              }));
    }
    start.countDown();
    List<Response> responses = new ArrayList<>();
    for (Future<Response> future : futures) {
      responses.add(future.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return responses;
  }
}
