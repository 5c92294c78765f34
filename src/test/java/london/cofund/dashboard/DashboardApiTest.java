package london.cofund.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.identity.Roles;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code GET /api/dashboard} on a round taken to its announcement ({@link DashboardScenario}). */
@CoFundSpringTest
class DashboardApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;
  @Autowired IdentityService identity;

  HttpApi http;
  DashboardScenario scenario;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
    scenario = DashboardScenario.in(context);
  }

  @Test
  void theFunnelCountsEachStepOfTheRoundInSql() {
    JsonNode counts = roundFunnel(dashboard("mopac", ""), scenario.roundId());

    // Four EOIs: one failed the criteria (and lapsed); three passed; MOPAC rejected one; two full
    // proposals, both assessed; one funded.
    assertThat(counts.get("eois").asLong()).isEqualTo(4);
    assertThat(counts.get("eligible").asLong()).isEqualTo(3);
    assertThat(counts.get("accepted").asLong()).isEqualTo(2);
    assertThat(counts.get("fullProposals").asLong()).isEqualTo(2);
    assertThat(counts.get("assessed").asLong()).isEqualTo(2);
    assertThat(counts.get("funded").asLong()).isEqualTo(1);
  }

  @Test
  void theFunnelFiltersByPriorityAndBorough() {
    // Every bid of the scenario addresses FEMALE_OFFENDING, none CSE; the lapsed one is
    // delivered in two boroughs only, Westminster and Camden, and no bid in Bexley.
    JsonNode female =
        roundFunnel(dashboard("mopac", "?priority=FEMALE_OFFENDING"), scenario.roundId());
    assertThat(female.get("eois").asLong()).isEqualTo(4);
    assertThat(female.get("funded").asLong()).isEqualTo(1);
    JsonNode cse = roundFunnel(dashboard("mopac", "?priority=CSE"), scenario.roundId());
    assertThat(cse.get("eois").asLong()).isZero();
    JsonNode westminster =
        roundFunnel(dashboard("mopac", "?borough=E09000033"), scenario.roundId());
    assertThat(westminster.get("eois").asLong()).isEqualTo(4);
    JsonNode bexley = roundFunnel(dashboard("mopac", "?borough=E09000004"), scenario.roundId());
    assertThat(bexley.get("eois").asLong()).isZero();
  }

  @Test
  void aFilterThatNamesNothingIsA400NamingTheField() {
    Response response = http.get("/api/dashboard?borough=E09000001", "mopac");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).contains("borough").contains("E09000001");

    Response priority = http.get("/api/dashboard?priority=NO_SUCH_THING", "mopac");
    assertThat(priority.status()).isEqualTo(400);
    assertThat(priority.body()).contains("priority");
  }

  @Test
  void theDecisionPointsOfTheAnnouncedRoundAreDoneWhereReached() {
    JsonNode round = round(dashboard("mopac", ""), scenario.roundId());
    Map<String, String> status = new java.util.HashMap<>();
    round
        .get("decisionPoints")
        .forEach(p -> status.put(p.get("point").asText(), p.get("status").asText()));

    assertThat(status)
        .containsEntry("PROSPECTUS", "DONE")
        .containsEntry("EOI_FEEDBACK", "DONE")
        .containsEntry("FUNDING_DECISION", "DONE");
    // Nobody recorded the market development sessions, and their planned date has passed.
    assertThat(status).containsEntry("MARKET_DEVELOPMENT", "LATE");
    // No round carries this one forward yet.
    assertThat(status.get("TRANCHE_2")).isIn("NEXT", "UPCOMING");
    assertThat(round.get("stage").asText()).isEqualTo("ANNOUNCED");
    assertThat(round.get("potAmount").asLong()).isEqualTo(2_000_000L);
  }

  @Test
  void moneyShowsWhatTheAnnouncementAwardedInItsFundsYears() {
    JsonNode dashboard = dashboard("mopac", "");
    String fundId = rounds.get(scenario.roundId()).fundId();
    JsonNode fund = null;
    for (JsonNode f : dashboard.get("money")) {
      if (f.get("fundId").asText().equals(fundId)) {
        fund = f;
      }
    }
    assertThat(fund).as("the round's fund").isNotNull();
    JsonNode position = http.get("/api/funds/" + fundId, "mopac").json();
    long awarded = 0;
    for (JsonNode year : fund.get("years")) {
      awarded += year.get("awarded").asLong();
      assertThat(year.get("left").asLong())
          .isEqualTo(year.get("coCommissioningBudget").asLong() - year.get("awarded").asLong());
    }
    assertThat(awarded).isPositive();
    assertThat(position.toString()).contains(fundId);
  }

  @Test
  void priorityCoverageNamesTheFundedProjectAndWhatCarriesForward() {
    JsonNode coverage = null;
    for (JsonNode c : dashboard("mopac", "").get("priorityCoverage")) {
      if (c.get("roundId").asText().equals(scenario.roundId())) {
        coverage = c;
      }
    }
    assertThat(coverage).isNotNull();
    List<String> funded = new ArrayList<>();
    coverage
        .get("priorities")
        .forEach(
            p -> p.get("fundedProjects").forEach(f -> funded.add(f.get("reference").asText())));
    assertThat(funded).contains(scenario.funded()).doesNotContain(scenario.deferred());
  }

  @Test
  void mopacSeesWhereBidsWaitAndTheScheduleRiskOthersDoNot() {
    JsonNode mopac = dashboard("mopac", "");
    assertThat(mopac.get("sections").toString()).contains("waits", "scheduleRisk");
    JsonNode assess = null;
    for (JsonNode w : mopac.get("waits").get("byTask")) {
      if (w.get("key").asText().equals("Task_AssessProposal")) {
        assess = w;
      }
    }
    assertThat(assess).as("assessments in history").isNotNull();
    assertThat(assess.get("completed").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(assess.get("medianHours").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(assess.get("p90Hours").asDouble())
        .isGreaterThanOrEqualTo(assess.get("medianHours").asDouble());
    assertThat(mopac.get("waits").get("byStage")).isNotEmpty();

    JsonNode applicant = dashboard("applicant1", "");
    assertThat(applicant.has("waits")).isFalse();
    assertThat(applicant.has("scheduleRisk")).isFalse();
    assertThat(applicant.get("sections").toString()).doesNotContain("waits");
    assertThat(applicant.has("funnel")).isTrue();
  }

  @Test
  void lateAndDueWorkIsEachUsersOwnUnlessTheySeeTheWholeFund() {
    for (JsonNode task : dashboard("westminster", "").get("lateAndDue")) {
      assertThat(task.get("waitsOn").asText()).isIn("westminster", Roles.boroughGroup("E09000033"));
      assertThat(task.get("link").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
    }
    for (JsonNode task : dashboard("assessor1", "").get("lateAndDue")) {
      assertThat(task.get("waitsOn").asText()).isIn("assessor1", Roles.ASSESSORS);
    }
  }

  @Test
  void aUserOutsideTheFundsRolesIsRefused() {
    String outsider = "dash-scrutiny";
    User user = identity.newUser(outsider);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(outsider, Roles.MONITORING);
    try {
      Response response = http.get("/api/dashboard", outsider);
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    } finally {
      identity.deleteUser(outsider);
    }
    assertThat(http.get("/api/dashboard", null).status()).isEqualTo(401);
  }

  @Test
  void aTaskOutsideEveryModelIsNoStagesWorkAndBreaksNothing() {
    var tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
    var task = tasks.newTask();
    task.setName("A task created through engine-rest, without a key");
    tasks.saveTask(task);
    try {
      JsonNode waits = dashboard("mopac", "").get("waits");
      waits.get("byTask").forEach(w -> assertThat(w.get("key").isNull()).isFalse());
    } finally {
      tasks.deleteTask(task.getId(), true);
      // Its history too: a standalone task's history is readable without a grant, and other
      // tests check that a scrutiny committee reads nothing through engine-rest.
      var history = context.getBean(org.camunda.bpm.engine.HistoryService.class);
      if (history.createHistoricTaskInstanceQuery().taskId(task.getId()).count() > 0) {
        history.deleteHistoricTaskInstance(task.getId());
      }
    }
  }

  private JsonNode dashboard(String user, String query) {
    Response response = http.get("/api/dashboard" + query, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode round(JsonNode dashboard, String roundId) {
    for (JsonNode r : dashboard.get("rounds")) {
      if (r.get("roundId").asText().equals(roundId)) {
        return r;
      }
    }
    throw new AssertionError("no round " + roundId + " on the dashboard");
  }

  private static JsonNode roundFunnel(JsonNode dashboard, String roundId) {
    for (JsonNode r : dashboard.get("funnel").get("byRound")) {
      if (r.get("roundId").asText().equals(roundId)) {
        return r.get("counts");
      }
    }
    throw new AssertionError("no funnel for " + roundId);
  }
}
