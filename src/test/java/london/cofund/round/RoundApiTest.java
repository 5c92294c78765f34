package london.cofund.round;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.DemoUsers;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/rounds} of issue 4 over real HTTP: MOPAC opens a round, every signed-in user reads
 * rounds, and a bad request is a 400 naming the field that stores nothing. Dates follow the real
 * "now", so the rounds' timers lie in the future and no other test's job run fires them.
 */
@CoFundSpringTest
class RoundApiTest {

  static final String[] DATE_FIELDS = {
    "consultationDeadline",
    "eoiDeadline",
    "fullProposalDeadline",
    "decisionDate",
    "serviceStartDate"
  };

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  // ---- POST /api/rounds

  @Test
  void mopacOpensARoundWithTheFundsDefaults() {
    String roundId = Fixtures.newRoundId("API-R");
    ObjectNode request = request(roundId);
    // A fund of its own, with no project funded yet: its round defaults to the seed's 5 to 8.
    String fundId = Fixtures.newRoundId("API-FUND");
    ObjectNode fund = HttpApi.jsonOf(java.util.Map.of("fundId", fundId, "name", "Fund " + fundId));
    for (String year : List.of("2026/27", "2027/28", "2028/29", "2029/30")) {
      fund.withArray("years")
          .addObject()
          .put("financialYear", year)
          .put("total", 50_000_000L)
          .put("coCommissioningPercent", 30);
    }
    assertThat(http.post("/api/funds", "mopac", fund).status()).isEqualTo(201);
    request.put("fundId", fundId);

    Response response = http.post("/api/rounds", "mopac", request);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.header("Location")).endsWith("/api/rounds/" + roundId);
    assertContractFields(response.json(), request);
    assertContractFields(http.get("/api/rounds/" + roundId, "mopac").json(), request);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(FundingRoundProcess.KEY)
                .processInstanceBusinessKey(roundId)
                .count())
        .as("its fundingRound process runs")
        .isOne();
  }

  @Test
  void aDuplicateRoundIdIsAConflictAndTheFirstRoundStands() {
    String roundId = open(request(roundId("API-D")));
    ObjectNode again = request(roundId);
    again.put("name", "A second round under the same id");

    assertProblem(http.post("/api/rounds", "mopac", again), 409);
    assertThat(http.get("/api/rounds/" + roundId, "mopac").json().get("name").asText())
        .isEqualTo("Tranche 1 " + roundId);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(roundId).count())
        .isOne();
  }

  @ParameterizedTest(name = "{0} may not open a round")
  @ValueSource(strings = {"applicant1", "wg", "leaders"})
  void onlyMopacOpensRounds(String user) {
    String roundId = roundId("API-F");

    assertProblem(http.post("/api/rounds", user, request(roundId)), 403);
    assertNotStored(roundId);
  }

  static Stream<Arguments> invalidRounds() {
    return Stream.of(
        bad(
            "eoiDeadline before consultationDeadline",
            "eoiDeadline",
            "must be after consultationDeadline",
            r -> before(r, "eoiDeadline", "consultationDeadline")),
        bad(
            "fullProposalDeadline before eoiDeadline",
            "fullProposalDeadline",
            "must be after eoiDeadline",
            r -> before(r, "fullProposalDeadline", "eoiDeadline")),
        bad(
            "decisionDate before fullProposalDeadline",
            "decisionDate",
            "must be after fullProposalDeadline",
            r -> before(r, "decisionDate", "fullProposalDeadline")),
        bad(
            "serviceStartDate before decisionDate",
            "serviceStartDate",
            "must be after decisionDate",
            r -> before(r, "serviceStartDate", "decisionDate")),
        bad(
            "a date without an offset",
            "eoiDeadline",
            "offset",
            r ->
                r.put(
                    "eoiDeadline",
                    r.get("eoiDeadline").asText().replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", ""))),
        bad(
            "maxProjects below minProjects",
            "maxProjects",
            "minProjects",
            r -> r.put("minProjects", 6).put("maxProjects", 4)),
        bad(
            "a fundable threshold of 30",
            "fundableThreshold",
            null,
            r -> r.put("fundableThreshold", 30)),
        bad("a pot of 0", "potAmount", null, r -> r.put("potAmount", 0)),
        bad(
            "a bad round id",
            "roundId",
            "letters, digits or hyphens",
            r -> r.put("roundId", "T1_2018")),
        bad(
            "an empty long list",
            "priorityLongList",
            "at least one",
            r -> r.putArray("priorityLongList")),
        bad(
            "a code twice in the long list",
            "priorityLongList[1].code",
            "listed twice",
            r -> ((ObjectNode) r.get("priorityLongList").get(1)).put("code", "CSE")),
        bad(
            "a bad priority code",
            "priorityLongList[0].code",
            "capitals",
            r ->
                ((ObjectNode) r.get("priorityLongList").get(0))
                    .put("code", "child sexual exploitation")),
        bad(
            "an unknown previous round",
            "previousRoundId",
            "no round",
            r -> r.put("previousRoundId", "NO-SUCH-ROUND")));
  }

  @ParameterizedTest(name = "{0} is a 400 naming {1}")
  @MethodSource("invalidRounds")
  void anInvalidRoundIsRefusedNamingTheFieldAndNothingIsStored(
      String what, String field, String reason, Consumer<ObjectNode> change) {
    String roundId = roundId("API-I");
    ObjectNode request = request(roundId);
    change.accept(request);

    Response response = http.post("/api/rounds", "mopac", request);

    assertProblem(response, 400);
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .as(response.body())
        .containsExactly(field);
    if (reason != null) {
      assertThat(response.json().get("errors").get(0).get("message").asText()).contains(reason);
    }
    assertNotStored(request.get("roundId").asText());
    assertNotStored(roundId);
  }

  // ---- GET /api/rounds, /api/rounds/{roundId}

  @Test
  void everyDemoUserReadsTheRounds() {
    String roundId = open(request(roundId("API-G")));

    for (DemoUsers.DemoUser user : DemoUsers.ALL) {
      if (new CurrentUser(user.id(), Set.copyOf(user.groups())).onlyScrutinises()) {
        // A scrutiny committee reads its borough's page and figures, and nothing else.
        assertThat(http.get("/api/rounds", user.id()).status()).as(user.id()).isEqualTo(403);
        continue;
      }
      Response all = http.get("/api/rounds", user.id());
      assertThat(all.status()).as(user.id() + ": " + all.body()).isEqualTo(200);
      assertThat(all.json().findValuesAsText("roundId")).as(user.id()).contains(roundId);
      Response one = http.get("/api/rounds/" + roundId, user.id());
      assertThat(one.status()).as(user.id() + ": " + one.body()).isEqualTo(200);
      assertThat(one.json().get("roundId").asText()).isEqualTo(roundId);
      assertThat(one.json().get("stage").asText()).isEqualTo("PRIORITIES_CONSULTATION");
    }
  }

  @Test
  void anUnknownRoundIsNotFound() {
    assertProblem(http.get("/api/rounds/NO-SUCH-ROUND", "applicant1"), 404);
  }

  // ---- requests and checks

  private static String roundId(String prefix) {
    return Fixtures.newRoundId(prefix);
  }

  /**
   * A valid request as MOPAC would send it, leaving the defaults out: the seed's priorities, dates
   * a week, a month, two months, three months and six months from now.
   */
  private static ObjectNode request(String roundId) {
    ObjectNode request =
        HttpApi.jsonOf(Fixtures.round(roundId, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    request.remove(
        List.of(
            "minProjects",
            "maxProjects",
            "assessorsPerProposal",
            "fundableThreshold",
            "previousRoundId"));
    return request;
  }

  private String open(ObjectNode request) {
    Response response = http.post("/api/rounds", "mopac", request);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("roundId").asText();
  }

  /** Puts one date a day before another. */
  private static void before(ObjectNode request, String field, String other) {
    request.put(field, OffsetDateTime.parse(request.get(other).asText()).minusDays(1).toString());
  }

  private static void assertContractFields(JsonNode round, ObjectNode request) {
    assertThat(round.get("roundId").asText()).isEqualTo(request.get("roundId").asText());
    assertThat(round.get("name").asText()).isEqualTo(request.get("name").asText());
    assertThat(round.get("tranche").asInt()).isEqualTo(1);
    assertThat(round.get("potAmount").asLong()).isEqualTo(10_000_000L);
    assertThat(round.get("minProjects").asInt()).isEqualTo(5);
    assertThat(round.get("maxProjects").asInt()).isEqualTo(8);
    assertThat(round.get("assessorsPerProposal").asInt()).isEqualTo(2);
    assertThat(round.get("fundableThreshold").decimalValue()).isEqualByComparingTo("15");
    assertThat(round.get("priorityLongList")).isEqualTo(request.get("priorityLongList"));
    assertThat(round.get("stage").asText()).isEqualTo("PRIORITIES_CONSULTATION");
    assertThat(round.get("shortlist").isArray()).isTrue();
    assertThat(round.get("shortlist")).isEmpty();
    for (String date : DATE_FIELDS) {
      assertThat(OffsetDateTime.parse(round.get(date).asText()).toInstant())
          .as(date)
          .isEqualTo(OffsetDateTime.parse(request.get(date).asText()).toInstant());
    }
    assertThat(round.get("proposalCounts").isObject()).isTrue();
    assertThat(round.get("proposalCounts")).isEmpty();
    assertThat(round.has("recommendedPortfolio")).isTrue();
    assertThat(round.get("recommendedPortfolio").isNull()).isTrue();
    assertThat(round.has("decision")).isTrue();
    assertThat(round.get("decision").isNull()).isTrue();
    assertThat(round.get("carriedForwardPriorities").isArray()).isTrue();
    assertThat(round.get("carriedForwardPriorities")).isEmpty();
  }

  private void assertNotStored(String roundId) {
    assertProblem(http.get("/api/rounds/" + roundId, "mopac"), 404);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(roundId).count())
        .as("no fundingRound process for " + roundId)
        .isZero();
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }

  private static Arguments bad(
      String what, String field, String reason, Consumer<ObjectNode> change) {
    return Arguments.of(what, field, reason, change);
  }
}
