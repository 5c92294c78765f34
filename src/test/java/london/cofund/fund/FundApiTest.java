package london.cofund.fund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/funds} over real HTTP: the LCPF's seed figures, MOPAC maintaining a fund with a
 * recorded reason, refusals that name the field and store nothing, and rounds that cannot take more
 * than the fund has left.
 */
@CoFundSpringTest
class FundApiTest {

  @LocalServerPort int port;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  @Test
  void lcpf2017ShipsWithTheSeedsFiguresAndItsSeventyThirtySplitFromYearTwo() {
    JsonNode fund = http.get("/api/funds/LCPF-2017", "westminster").json();

    assertThat(fund.get("name").asText()).isEqualTo("London Crime Prevention Fund 2017-21");
    JsonNode years = fund.get("years");
    assertThat(years.findValuesAsText("financialYear"))
        .containsExactly("2017/18", "2018/19", "2019/20", "2020/21");
    // 2017/18: all £19,682,137 went to boroughs directly (Table 1's London total).
    assertThat(years.get(0).get("total").asLong()).isEqualTo(19_682_137L);
    assertThat(years.get(0).get("coCommissioningPercent").asInt()).isZero();
    assertThat(years.get(0).get("coCommissioningBudget").asLong()).isZero();
    assertThat(years.get(0).get("directBoroughFunding").asLong()).isEqualTo(19_682_137L);
    // 2018/19: 70% is Table 1's London direct total of £12,725,764.
    assertThat(years.get(1).get("coCommissioningPercent").asInt()).isEqualTo(30);
    assertThat(years.get(1).get("directBoroughFunding").asLong()).isEqualTo(12_725_764L);
    assertThat(years.get(1).get("coCommissioningBudget").asLong()).isEqualTo(5_453_899L);
    assertThat(years.get(1).get("available").asLong()).isEqualTo(5_453_899L);
    assertThat(fund.get("projects").get("minProjects").asInt()).isEqualTo(5);
    assertThat(fund.get("projects").get("maxProjects").asInt()).isEqualTo(8);
    assertThat(http.get("/api/funds", "applicant1").json().findValuesAsText("fundId"))
        .contains("LCPF-2017");
  }

  @Test
  void mopacCreatesAFundAndEveryChangeIsRecordedWithItsReason() {
    String fundId = Fixtures.newRoundId("F-C");
    Response created = http.post("/api/funds", "mopac", fund(fundId));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/funds/" + fundId);
    assertThat(created.json().get("coCommissioningBudget").asLong()).isEqualTo(9_000_000L);

    ObjectNode change = fund(fundId);
    ((ObjectNode) change.get("years").get(1)).put("coCommissioningPercent", 40);
    Response withoutReason = http.put("/api/funds/" + fundId, "mopac", change);
    assertProblem(withoutReason, 400, "reason");
    assertThat(
            http.get("/api/funds/" + fundId, "mopac")
                .json()
                .get("years")
                .get(1)
                .get("coCommissioningPercent")
                .asInt())
        .as("unchanged")
        .isEqualTo(30);

    change.put("reason", "PCD 310 moved more money into co-commissioning");
    Response changed = http.put("/api/funds/" + fundId, "mopac", change);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("years").get(1).get("coCommissioningBudget").asLong())
        .isEqualTo(4_000_000L);

    JsonNode changes = http.get("/api/funds/" + fundId + "/changes", "mopac").json();
    JsonNode last = changes.get(changes.size() - 1);
    assertThat(last.get("field").asText()).isEqualTo("years[2027/28].coCommissioningPercent");
    assertThat(last.get("oldValue").asText()).isEqualTo("30");
    assertThat(last.get("newValue").asText()).isEqualTo("40");
    assertThat(last.get("reason").asText())
        .isEqualTo("PCD 310 moved more money into co-commissioning");
    assertThat(last.get("changedBy").asText()).isEqualTo("mopac");
    assertThat(last.get("changedAt").isNull()).isFalse();
    assertThat(changes.get(0).get("newValue").asText()).isEqualTo("created");
  }

  @ParameterizedTest(name = "{0} may not create or change a fund")
  @ValueSource(strings = {"applicant1", "westminster", "wg", "leaders"})
  void onlyMopacMaintainsFunds(String user) {
    String fundId = Fixtures.newRoundId("F-F");
    assertProblem(http.post("/api/funds", user, fund(fundId)), 403, null);
    assertThat(http.get("/api/funds/" + fundId, "mopac").status()).isEqualTo(404);

    ObjectNode change = fund("LCPF-2017");
    change.put("reason", "no");
    assertProblem(http.put("/api/funds/LCPF-2017", user, change), 403, null);
    assertThat(http.get("/api/funds/LCPF-2017", "mopac").json().get("years").size()).isEqualTo(4);
  }

  static Stream<Arguments> invalidFunds() {
    return Stream.of(
        bad("a negative total", "years[0].total", y -> year(y, 0).put("total", -1)),
        bad("a fractional total", "years[0].total", y -> year(y, 0).put("total", 1000.5)),
        bad("a total over £100m", "years[0].total", y -> year(y, 0).put("total", 100_000_001L)),
        bad(
            "a percentage over 100",
            "years[1].coCommissioningPercent",
            y -> year(y, 1).put("coCommissioningPercent", 101)),
        bad(
            "a year written 2026-27",
            "years[0].financialYear",
            y -> year(y, 0).put("financialYear", "2026-27")),
        bad(
            "a year 2026/28",
            "years[0].financialYear",
            y -> year(y, 0).put("financialYear", "2026/28")),
        bad(
            "a gap between years",
            "years[2].financialYear",
            y -> year(y, 2).put("financialYear", "2029/30")),
        bad(
            "a year twice",
            "years[1].financialYear",
            y -> year(y, 1).put("financialYear", "2026/27")),
        bad("no years", "years", y -> y.putArray("years")),
        bad("no name", "name", y -> y.remove("name")),
        bad("a bad id", "fundId", y -> y.put("fundId", "LCPF 2017!")),
        bad(
            "fewer than the minimum",
            "maxProjects",
            y -> y.put("minProjects", 6).put("maxProjects", 5)));
  }

  @ParameterizedTest(name = "{0} is a 400 naming {1}")
  @MethodSource("invalidFunds")
  void anInvalidFundIsRefusedNamingTheFieldAndNothingIsStored(
      String what, String field, Consumer<ObjectNode> change) {
    String fundId = Fixtures.newRoundId("F-I");
    ObjectNode request = fund(fundId);
    change.accept(request);

    assertProblem(http.post("/api/funds", "mopac", request), 400, field);
    assertThat(http.get("/api/funds/" + fundId, "mopac").status()).isEqualTo(404);
  }

  @Test
  void aRoundWhosePotExceedsWhatTheFundHasLeftIsRefusedWithTheAmounts() {
    // £3m a year from 2026/27; a round opened today starts its services in 2027/28, so it may
    // draw on two years: £6m.
    String fundId = Fixtures.newRoundId("F-P");
    assertThat(http.post("/api/funds", "mopac", fund(fundId)).status()).isEqualTo(201);

    Response tooBig = http.post("/api/rounds", "mopac", round(fundId, 7_000_000L));
    assertProblem(tooBig, 400, "potAmount");
    assertThat(tooBig.json().get("errors").get(0).get("message").asText())
        .isEqualTo(
            "£7,000,000 is more than the £6,000,000 of co-commissioning budget left in "
                + fundId
                + " from 2027/28 (budget £9,000,000, awarded £0, set aside for undecided rounds"
                + " £0)");

    ObjectNode first = round(fundId, 4_000_000L);
    assertThat(http.post("/api/rounds", "mopac", first).status()).isEqualTo(201);
    ObjectNode secondRequest = round(fundId, 2_500_000L);
    Response second = http.post("/api/rounds", "mopac", secondRequest);
    assertProblem(second, 400, "potAmount");
    assertThat(second.json().get("errors").get(0).get("message").asText())
        .startsWith("£2,500,000 is more than the £2,000,000 of co-commissioning budget left");
    assertThat(http.get("/api/rounds/" + secondRequest.get("roundId").asText(), "mopac").status())
        .as("nothing stored")
        .isEqualTo(404);

    JsonNode fund = http.get("/api/funds/" + fundId, "mopac").json();
    assertThat(fund.get("reserved").asLong()).isEqualTo(4_000_000L);
    assertThat(fund.get("available").asLong()).isEqualTo(5_000_000L);
    assertThat(fund.get("rounds").findValuesAsText("roundId"))
        .containsExactly(first.get("roundId").asText());
  }

  @Test
  void aRoundFindsItsFundByItsServiceStartOrIsRefusedNamingFundId() {
    ObjectNode unknown = round("NO-SUCH-FUND", 1_000_000L);
    assertProblem(http.post("/api/rounds", "mopac", unknown), 400, "fundId");

    ObjectNode tooLate =
        HttpApi.jsonOf(
            Fixtures.round(
                Fixtures.newRoundId("F-L"), Instant.now().plus(365L * 30, ChronoUnit.DAYS)));
    Response refused = http.post("/api/rounds", "mopac", tooLate);
    assertProblem(refused, 400, "fundId");
    assertThat(refused.json().get("errors").get(0).get("message").asText())
        .contains("no fund covers");

    ObjectNode found = HttpApi.jsonOf(Fixtures.round(Fixtures.newRoundId("F-D"), Instant.now()));
    Response created = http.post("/api/rounds", "mopac", found);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("fundId").asText()).isEqualTo("DEMO");
    assertThat(created.json().get("minSubRegionalBoroughs").asInt()).isEqualTo(3);
    assertThat(created.json().get("minPartnerAgencies").asInt()).isEqualTo(3);
  }

  // ---- data

  /** £10m a year for three years from 2026/27, 30% co-commissioned. */
  static ObjectNode fund(String fundId) {
    ObjectNode fund = HttpApi.jsonOf(java.util.Map.of("fundId", fundId, "name", "Fund " + fundId));
    ArrayNode years = fund.putArray("years");
    for (String year : List.of("2026/27", "2027/28", "2028/29")) {
      years
          .addObject()
          .put("financialYear", year)
          .put("total", 10_000_000L)
          .put("coCommissioningPercent", 30);
    }
    return fund;
  }

  private static ObjectNode round(String fundId, long pot) {
    ObjectNode round =
        HttpApi.jsonOf(Fixtures.round(Fixtures.newRoundId("F-R"), Instant.now(), pot));
    round.put("fundId", fundId);
    return round;
  }

  private static ObjectNode year(ObjectNode fund, int index) {
    return (ObjectNode) fund.get("years").get(index);
  }

  private static void assertProblem(Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(response.json().get("errors").findValuesAsText("field"))
          .as(response.body())
          .containsExactly(field);
    }
  }

  private static Arguments bad(String what, String field, Consumer<ObjectNode> change) {
    return Arguments.of(what, field, change);
  }
}
