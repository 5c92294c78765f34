package london.cofund.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fund.FundRequest;
import london.cofund.fund.FundRequest.YearItem;
import london.cofund.fund.FundService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code /api/grants} over HTTP: who sees a grant, the lead's returns and variations, MOPAC's
 * suspension, and every refusal as {@code application/problem+json} that names the field and stores
 * nothing.
 */
@CoFundSpringTest
class GrantApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired FundService funds;

  HttpApi http;
  GrantDriver driver;
  String ref;
  Quarter first;

  @BeforeEach
  void aSignedGrantWhoseFirstQuarterIsOver() {
    http = new HttpApi(port);
    driver = new GrantDriver(context);
    // A fund of its own, tight in 2028/29: £500,000 of co-commissioning budget.
    String fundId = Fixtures.newRoundId("F-G");
    funds.create(
        new FundRequest(
            fundId,
            "A fund tight in its second year",
            List.of(
                new YearItem(GrantDriver.YEAR_1, 2_000_000L, 50),
                new YearItem(GrantDriver.YEAR_2, 1_000_000L, 50)),
            null,
            null,
            null),
        "mopac");
    String roundId = driver.openRound("GA", 1_200_000L, fundId);
    ref = driver.assessed(roundId, "Grant over HTTP", 600_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, false);
    first = Quarter.of(GrantDriver.SERVICE_START.toLocalDate());
    driver.moveTo(at(first.end().plusDays(1)), ref);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theGrantShowsItsScheduleToThoseWhoMaySeeIt() {
    Response lead = http.get("/api/grants/" + ref, "applicant1");
    assertThat(lead.status()).as(lead.body()).isEqualTo(200);
    JsonNode grant = lead.json();
    assertThat(grant.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(grant.get("awardPence").asLong()).isEqualTo(100_000_000L);
    assertThat(grant.get("payments")).hasSize(8);
    assertThat(grant.get("payments").get(0).get("plannedPence").asLong()).isEqualTo(15_000_000L);
    assertThat(grant.get("paidPence").asLong()).isZero();
    assertThat(grant.get("duePence").asLong()).isEqualTo(100_000_000L);
    for (String allowed : List.of("mopac", "wg", "westminster", "camden")) {
      assertThat(http.get("/api/grants/" + ref, allowed).status()).as(allowed).isEqualTo(200);
    }
    Response other = http.get("/api/grants/" + ref, "applicant2");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/grants/" + ref, "westminster-scrutiny").status()).isEqualTo(403);
    assertThat(http.get("/api/grants/NO-SUCH-001", "mopac").status()).isEqualTo(404);
  }

  @Test
  void theListShowsSpendAgainstBudgetPerYearToThoseWhoMaySeeIt() {
    Response mine = http.get("/api/grants?borough=" + Fixtures.WESTMINSTER, "applicant1");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    JsonNode line = null;
    for (JsonNode grant : mine.json()) {
      if (grant.get("reference").asText().equals(ref)) {
        line = grant;
      }
    }
    assertThat(line).as("the lead's grant is listed").isNotNull();
    assertThat(line.get("years")).hasSize(2);
    assertThat(line.get("years").get(0).get("budgetPence").asLong()).isEqualTo(60_000_000L);
    assertThat(line.get("years").get(1).get("budgetPence").asLong()).isEqualTo(40_000_000L);
    assertThat(line.get("years").get(0).get("paidPence").asLong()).isZero();
    assertThat(http.get("/api/grants", "applicant2").body()).doesNotContain(ref);
    assertThat(http.get("/api/grants?borough=E09000012", "mopac").body()).doesNotContain(ref);
    assertThat(http.get("/api/grants?borough=" + Fixtures.CAMDEN, "mopac").body()).contains(ref);
  }

  @Test
  void theLeadSubmitsAReturnOnceForAQuarterThatIsOver() {
    Response created =
        http.post(
            "/api/grants/" + ref + "/returns",
            "applicant1",
            GrantDriver.returnFor(first, 9_000_000L));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("returns").get(0).get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(created.json().get("returns").get(0).get("spendPence").asLong())
        .isEqualTo(9_000_000L);

    Response again =
        http.post(
            "/api/grants/" + ref + "/returns", "applicant1", GrantDriver.returnFor(first, 1L));
    assertProblem(again, 409, "already in");

    Response future =
        http.post(
            "/api/grants/" + ref + "/returns",
            "applicant1",
            GrantDriver.returnFor(first.next(), 1L));
    assertProblem(future, 409, "before the quarter ends");
    assertThat(returns()).hasSize(1);
  }

  @Test
  void badSpendIsA400NamingTheFieldAndStoresNothing() {
    assertProblem(
        http.post(
            "/api/grants/" + ref + "/returns", "applicant1", GrantDriver.returnFor(first, -1L)),
        400,
        "spend[0].amountPence");
    var offLine = HttpApi.jsonOf(GrantDriver.returnFor(first, 5L));
    ((com.fasterxml.jackson.databind.node.ObjectNode) offLine.get("spend").get(0))
        .put("line", "2031/32");
    assertProblem(
        http.post("/api/grants/" + ref + "/returns", "applicant1", offLine), 400, "spend[0].line");
    assertThat(returns()).isEmpty();
  }

  @Test
  void onlyTheLeadSubmitsReturns() {
    assertThat(
            http.post("/api/grants/" + ref + "/returns", "mopac", GrantDriver.returnFor(first, 1L))
                .status())
        .isEqualTo(403);
    assertThat(
            http.post(
                    "/api/grants/" + ref + "/returns",
                    "applicant2",
                    GrantDriver.returnFor(first, 1L))
                .status())
        .isEqualTo(404);
    assertThat(returns()).isEmpty();
  }

  @Test
  void anUnbalancedVariationIsA400WithTheSums() {
    Response unbalanced =
        http.post(
            "/api/grants/" + ref + "/variations", "applicant1", budget(50_000_000L, 40_000_000L));
    assertProblem(unbalanced, 400, "£900,000.00", "£1,000,000.00");
    assertThat(variations()).isEmpty();
  }

  @Test
  void aMoveBeyondAYearsCoCommissioningBudgetIsRefusedWithTheFigures() {
    // 2028/29 has £500,000 of co-commissioning budget: £600,000 more is too much.
    Response tooMuch =
        http.post("/api/grants/" + ref + "/variations", "applicant1", budget(0L, 100_000_000L));
    assertProblem(tooMuch, 400, "budget[1].amountPence", "co-commissioning budget", "£500,000.00");
    assertThat(variations()).isEmpty();
  }

  @Test
  void aBalancedVariationIsRecordedWithBeforeAndAfterAndOneAtATime() {
    Response asked =
        http.post(
            "/api/grants/" + ref + "/variations", "applicant1", budget(55_000_000L, 45_000_000L));
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.json().get("status").asText()).isEqualTo("REQUESTED");
    assertThat(asked.json().get("before").asText()).contains("60000000");
    assertThat(asked.json().get("after").asText()).contains("55000000");
    assertThat(driver.tasks(ref, "Task_DecideVariation")).hasSize(1);
    assertProblem(
        http.post(
            "/api/grants/" + ref + "/variations",
            "applicant1",
            Map.of("kind", "END_DATE", "endDate", "2029-09-30", "reason", "More time.")),
        409,
        "awaiting");
    assertThat(variations()).hasSize(1);
  }

  @Test
  void mopacSuspendsPaymentsWithAReason() {
    assertThat(
            http.post("/api/grants/" + ref + "/suspension", "applicant1", Map.of("reason", "x"))
                .status())
        .isEqualTo(403);
    assertProblem(
        http.post("/api/grants/" + ref + "/suspension", "mopac", Map.of("reason", "")),
        400,
        "reason");
    Response suspended =
        http.post(
            "/api/grants/" + ref + "/suspension",
            "mopac",
            Map.of("reason", "Audit of the lead's accounts."));
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    assertThat(suspended.json().get("paymentsSuspended").asBoolean()).isTrue();
    assertThat(driver.tasks(ref, "Task_ResumePayments")).hasSize(1);
  }

  // ----

  private Map<String, Object> budget(long year1, long year2) {
    return Map.of(
        "kind",
        "BUDGET",
        "budget",
        List.of(
            Map.of("line", GrantDriver.YEAR_1, "amountPence", year1),
            Map.of("line", GrantDriver.YEAR_2, "amountPence", year2)),
        "reason",
        "Recruitment slipped.");
  }

  private JsonNode returns() {
    return http.get("/api/grants/" + ref, "mopac").json().get("returns");
  }

  private JsonNode variations() {
    return http.get("/api/grants/" + ref, "mopac").json().get("variations");
  }

  private static void assertProblem(Response response, int status, String... says) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).contains(says);
  }

  private static java.time.Instant at(LocalDate day) {
    return day.atTime(LocalTime.of(10, 0)).atZone(GrantDriver.LONDON).toInstant();
  }
}
