package london.cofund.boroughfunding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.FundingOutcome;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A borough's funding gap through the API: Table 1's figures as shipped, MOPAC's CSV upload of
 * allocations (checked whole), a borough's services at risk, who may read and write what, and the
 * gap by year once a co-commissioned project is funded.
 *
 * <p>The Spring tests share one database. So the uploads here leave Westminster and the Table 1
 * years alone, the only services at risk stored in Westminster are the gap test's, and that test
 * measures what other tests' funded projects already deliver in Westminster before it adds its own.
 */
@CoFundSpringTest
class BoroughFundingApiTest {

  static final String WESTMINSTER = "E09000033";
  static final String CAMDEN = "E09000007";
  static final String HACKNEY = "E09000012";
  static final String LONDON = "E12000007";
  static final String ALLOCATIONS = "/api/funds/LCPF-2017/allocations";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired TaskService tasks;

  HttpApi http;

  @BeforeEach
  void client() {
    http = new HttpApi(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- Table 1

  @Test
  void westminsterFallsFiftySixPercentAndLondonMatchesTable1() {
    JsonNode westminster = ok(http.get("/api/boroughs/" + WESTMINSTER, "mopac"));
    assertThat(westminster.get("name").asText()).isEqualTo("Westminster");
    assertThat(allocations(westminster))
        .containsExactly(
            row("2013/14", 1_119_006, null, null, null, 17_865_840L),
            row("2017/18", 1_071_006, "2013/14", -48_000L, -4, 19_682_137L),
            row("2018/19", 473_766, "2017/18", -597_240L, -56, 12_725_764L));

    JsonNode london = ok(http.get("/api/boroughs/" + LONDON, "mopac"));
    assertThat(london.get("name").asText()).isEqualTo("London");
    assertThat(allocations(london))
        .containsExactly(
            row("2013/14", 17_865_840, null, null, null, 17_865_840L),
            row("2017/18", 19_682_137, "2013/14", 1_816_297L, 10, 19_682_137L),
            row("2018/19", 12_725_764, "2017/18", -6_956_373L, -35, 12_725_764L));
    assertThat(london.get("allocations").get(2).get("source").asText()).isEqualTo("Seed Table 1");

    assertThat(ok(http.get("/api/boroughs/" + WESTMINSTER, "westminster")).get("allocations"))
        .as("Westminster's officers read the same figures")
        .isEqualTo(westminster.get("allocations"));
  }

  // ---- the CSV upload

  @Test
  void mopacUploadsAllocationsAndAnUploadReplacesThoseBoroughsAndYears() {
    Response first =
        csv(
            "mopac",
            "gssCode,financialYear,amount\n"
                + CAMDEN
                + ",2019/20,610000\n"
                + CAMDEN
                + ",2020/21,600000\n"
                + HACKNEY
                + ",2019/20,720000\n"
                + HACKNEY
                + ",2020/21,700000\n");
    JsonNode summary = ok(first);
    assertThat(summary.get("fundId").asText()).isEqualTo("LCPF-2017");
    assertThat(summary.get("rows").asInt()).isEqualTo(4);
    assertThat(summary.get("boroughs").asInt()).isEqualTo(2);
    assertThat(summary.get("years").toString()).isEqualTo("[\"2019/20\",\"2020/21\"]");
    assertThat(summary.get("uploadedBy").asText()).isEqualTo("mopac");

    ok(csv("mopac", "gssCode,financialYear,amount\r\n" + CAMDEN + ",2019/20,650000\r\n"));

    JsonNode camden = ok(http.get("/api/boroughs/" + CAMDEN, "camden"));
    assertThat(allocations(camden))
        .startsWith(row("2019/20", 650_000, null, null, null, null))
        .contains(row("2020/21", 600_000, "2019/20", -50_000L, -8, null));
    JsonNode replaced = camden.get("allocations").get(0);
    assertThat(replaced.get("source").asText()).isEqualTo("Upload to LCPF-2017");
    assertThat(replaced.get("uploadedBy").asText()).isEqualTo("mopac");
    assertThat(replaced.get("uploadedAt").isNull()).isFalse();
    assertThat(storedAmount(HACKNEY, "2019/20")).isEqualTo(720_000L);
  }

  static Stream<Arguments> badUploads() {
    String header = "gssCode,financialYear,amount\n";
    String good = HACKNEY + ",2019/20,1\n";
    return Stream.of(
        Arguments.of(
            "unknown GSS code", header + good + "E09000099,2019/20,5\n", "line 3: gssCode"),
        Arguments.of("City of London", header + good + "E09000001,2019/20,5\n", "line 3: gssCode"),
        Arguments.of("London's total", header + good + LONDON + ",2019/20,5\n", "line 3: gssCode"),
        Arguments.of(
            "year written otherwise",
            header + good + CAMDEN + ",2019-20,5\n",
            "line 3: financialYear"),
        Arguments.of(
            "year outside the fund",
            header + good + CAMDEN + ",2021/22,5\n",
            "line 3: financialYear"),
        Arguments.of("negative amount", header + good + CAMDEN + ",2019/20,-5\n", "line 3: amount"),
        Arguments.of(
            "fractional amount", header + good + CAMDEN + ",2019/20,5.50\n", "line 3: amount"),
        Arguments.of(
            "amount over £100m", header + good + CAMDEN + ",2019/20,100000001\n", "line 3: amount"),
        Arguments.of("duplicate row", header + good + good, "line 3: gssCode"),
        Arguments.of("wrong header", "gss,year,amount\n" + good, "line 1: header"),
        Arguments.of("empty file", "", "body"),
        Arguments.of("header only", header, "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void aBadUploadIsA400NamingTheLineAndFieldAndStoresNothing(
      String kind, String body, String field) {
    List<Map<String, Object>> before = everyAllocation();

    Response response = csv("mopac", body);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(everyAllocation()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void onlyMopacUploadsOnlyToAFundThatExistsAndOnlyAsCsv() {
    String body = "gssCode,financialYear,amount\n" + HACKNEY + ",2019/20,2\n";
    List<Map<String, Object>> before = everyAllocation();

    assertThat(csv("applicant1", body).status()).isEqualTo(403);
    assertThat(csv("westminster", body).status()).isEqualTo(403);
    assertThat(csv("wg", body).status()).isEqualTo(403);
    assertThat(csv(null, body).status()).isEqualTo(401);
    Response noFund =
        http.send(
            http.request("/api/funds/NO-SUCH-FUND/allocations", "mopac")
                .POST(BodyPublishers.ofString(body))
                .header("Content-Type", "text/csv"));
    assertThat(noFund.status()).isEqualTo(404);
    assertThat(noFund.contentType()).startsWith("application/problem+json");

    // The JSON door stays strict: CSV is taken by this endpoint alone, and nothing but CSV.
    Response plain =
        http.send(
            http.request(ALLOCATIONS, "mopac")
                .POST(BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain"));
    assertThat(plain.status()).isEqualTo(415);
    Response csvToRounds =
        http.send(
            http.request("/api/rounds", "mopac")
                .POST(BodyPublishers.ofString(body))
                .header("Content-Type", "text/csv"));
    assertThat(csvToRounds.status()).isEqualTo(415);
    assertThat(csvToRounds.contentType()).startsWith("application/problem+json");
    Response csvToServices =
        http.send(
            http.request("/api/boroughs/" + CAMDEN + "/services-at-risk", "camden")
                .POST(BodyPublishers.ofString(body))
                .header("Content-Type", "text/csv"));
    assertThat(csvToServices.status()).isEqualTo(415);
    assertThat(http.post(ALLOCATIONS, "mopac", Map.of("gssCode", HACKNEY)).status()).isEqualTo(415);
    Response charset =
        http.send(
            http.request(ALLOCATIONS, "mopac")
                .POST(BodyPublishers.ofString("gssCode,financialYear,amount\n"))
                .header("Content-Type", "text/csv; charset=utf-8"));
    assertThat(charset.status()).as("text/csv with a charset reaches the check").isEqualTo(400);
    assertThat(everyAllocation()).isEqualTo(before);
  }

  // ---- services at risk

  @Test
  void aBoroughOfficerRecordsAServiceAtRiskAndChangesIt() {
    Response created =
        http.post(
            "/api/boroughs/" + CAMDEN + "/services-at-risk",
            "camden",
            service("Youth violence outreach", "GANGS", 120_000, List.of("2019/20", "2018/19")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode service = created.json();
    long id = service.get("serviceId").asLong();
    assertThat(created.header("Location"))
        .endsWith("/api/boroughs/" + CAMDEN + "/services-at-risk/" + id);
    assertThat(service.get("gssCode").asText()).isEqualTo(CAMDEN);
    assertThat(service.get("name").asText()).isEqualTo("Youth violence outreach");
    assertThat(service.get("priorityTheme").asText()).isEqualTo("GANGS");
    assertThat(service.get("annualCost").asLong()).isEqualTo(120_000);
    assertThat(service.get("yearsAtRisk").toString()).isEqualTo("[\"2018/19\",\"2019/20\"]");
    assertThat(service.get("linkedProposals").toString()).isEqualTo("[]");
    assertThat(service.get("recordedBy").asText()).isEqualTo("camden");

    Response changed =
        http.put(
            "/api/boroughs/" + CAMDEN + "/services-at-risk/" + id,
            "camden",
            service("Youth violence outreach", "GANGS", 125_000, List.of("2019/20")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("annualCost").asLong()).isEqualTo(125_000);

    JsonNode camden = ok(http.get("/api/boroughs/" + CAMDEN, "mopac"));
    JsonNode listed = findService(camden, id);
    assertThat(listed.get("annualCost").asLong()).isEqualTo(125_000);
    assertThat(listed.get("yearsAtRisk").toString()).isEqualTo("[\"2019/20\"]");

    assertThat(
            http.put(
                    "/api/boroughs/" + WESTMINSTER + "/services-at-risk/" + id,
                    "westminster",
                    service("Moved", "GANGS", 1, List.of("2019/20")))
                .status())
        .as("a service is changed through its own borough only")
        .isEqualTo(404);
  }

  static Stream<Arguments> badServices() {
    return Stream.of(
        bad("name", s -> s.putNull("name")),
        bad("name", s -> s.put("name", " ")),
        bad("name", s -> s.put("name", "n".repeat(201))),
        bad("priorityTheme", s -> s.put("priorityTheme", "gangs")),
        bad("priorityTheme", s -> s.putNull("priorityTheme")),
        bad("annualCost", s -> s.put("annualCost", 0)),
        bad("annualCost", s -> s.put("annualCost", -1)),
        bad("annualCost", s -> s.put("annualCost", 1.5)),
        bad("annualCost", s -> s.put("annualCost", 100_000_001)),
        bad("annualCost", s -> s.put("annualCost", "1000")),
        bad("annualCost", s -> s.putNull("annualCost")),
        bad("yearsAtRisk", s -> s.putArray("yearsAtRisk")),
        bad("yearsAtRisk[0]", s -> s.putArray("yearsAtRisk").add("2018-19")),
        bad("yearsAtRisk[0]", s -> s.putArray("yearsAtRisk").add("2018/20")),
        bad("yearsAtRisk[1]", s -> s.putArray("yearsAtRisk").add("2018/19").add("2018/19")),
        bad("linkedProposals[0]", s -> s.putArray("linkedProposals").add("NO-SUCH-BID-001")),
        bad(
            "linkedProposals[1]",
            s -> s.putArray("linkedProposals").add("NO-SUCH-BID-001").add("NO-SUCH-BID-001")),
        bad("isUrgent", s -> s.put("isUrgent", true)));
  }

  static Arguments bad(String field, Consumer<ObjectNode> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badServices")
  void aBadServiceAtRiskIsA400NamingTheFieldAndStoresNothing(
      String field, Consumer<ObjectNode> change) {
    ObjectNode body =
        HttpApi.jsonOf(service("Refused service", "GANGS", 10_000, List.of("2018/19")));
    change.accept(body);
    long before = storedServices();

    Response response = http.post("/api/boroughs/" + CAMDEN + "/services-at-risk", "camden", body);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(storedServices()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void onlyABoroughsOfficersWriteItsServicesAndOnlyTheyAndTheFundsRolesReadIt() {
    Map<String, Object> body = service("Not theirs", "GANGS", 10_000, List.of("2018/19"));
    long before = storedServices();
    String camdenServices = "/api/boroughs/" + CAMDEN + "/services-at-risk";

    assertThat(http.post(camdenServices, "westminster", body).status()).isEqualTo(403);
    assertThat(http.post(camdenServices, "applicant1", body).status()).isEqualTo(403);
    assertThat(http.post(camdenServices, "mopac", body).status())
        .as("MOPAC reads a borough's services; its officers record them")
        .isEqualTo(403);
    assertThat(http.post(camdenServices, "admin", body).status()).isEqualTo(403);
    assertThat(http.post("/api/boroughs/" + LONDON + "/services-at-risk", "camden", body).status())
        .isEqualTo(404);
    assertThat(http.post("/api/boroughs/E09000001/services-at-risk", "camden", body).status())
        .isEqualTo(404);
    assertThat(storedServices()).isEqualTo(before);

    String camden = "/api/boroughs/" + CAMDEN;
    assertThat(http.get(camden, "westminster").status()).isEqualTo(403);
    assertThat(http.get(camden, "applicant1").status()).isEqualTo(403);
    assertThat(http.get(camden, "assessor1").status()).isEqualTo(403);
    assertThat(http.get(camden, null).status()).isEqualTo(401);
    for (String reader : List.of("camden", "mopac", "admin", "wg", "leaders")) {
      assertThat(http.get(camden, reader).status()).as(reader).isEqualTo(200);
    }
    assertThat(http.get("/api/boroughs/" + LONDON, "westminster").status())
        .as("every borough compares itself with London's totals")
        .isEqualTo(200);
    assertThat(http.get("/api/boroughs/" + LONDON, "applicant1").status()).isEqualTo(403);
    Response unknown = http.get("/api/boroughs/E09000099", "mopac");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/boroughs/E09000001", "mopac").status()).isEqualTo(404);
  }

  // ---- the gap

  @Test
  void westminsterFundingGapWithTwoServicesAtRiskAndOneFundedProject() {
    // The seed's own fund and years: a round of LCPF-2017 opened in November 2017, its services
    // starting in April 2018 (2018/19), where Table 1 gives Westminster's allocation.
    Instant opened = OffsetDateTime.parse("2017-11-01T09:00:00Z").toInstant();
    ClockUtil.setCurrentTime(Date.from(opened));
    FundDriver fund = new FundDriver(context);
    String roundId =
        fund.openRound(Fixtures.round(Fixtures.newRoundId("GAP"), opened, "LCPF-2017"));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    // Westminster, Camden and Islington; £1,200,000 as £400,000 in each of 2018/19 to 2020/21.
    String ref =
        fund.toAssessment(
            roundId,
            Fixtures.eligibleEoi("Women's centres in Westminster", FundDriver.CONTACT),
            "applicant1");

    String services = "/api/boroughs/" + WESTMINSTER + "/services-at-risk";
    Map<String, Object> gangs =
        service(
            "Gangs and youth violence outreach", "GANGS", 300_000, List.of("2018/19", "2019/20"));
    gangs.put("linkedProposals", List.of(ref));
    assertThat(http.post(services, "westminster", gangs).status()).isEqualTo(201);
    Response vawg =
        http.post(
            services,
            "westminster",
            service(
                "Violence against women and girls advocacy", "VAWG", 150_000, List.of("2018/19")));
    assertThat(vawg.status()).isEqualTo(201);
    Map<String, Object> linked =
        service("Violence against women and girls advocacy", "VAWG", 150_000, List.of("2018/19"));
    linked.put("linkedProposals", List.of(ref));
    assertThat(
            http.put(services + "/" + vawg.json().get("serviceId").asLong(), "westminster", linked)
                .status())
        .isEqualTo(200);

    // What other tests' funded projects already deliver in Westminster (nothing when run alone).
    Map<String, Long> others =
        deliveryByYear(ok(http.get("/api/boroughs/" + WESTMINSTER, "mopac")));

    fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
    fund.assess(ref, "assessor2", 4, 4, 4, 4, 4);
    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    var decision = fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING);
    assertThat(tasks.getVariable(decision.getId(), FundingRoundProcess.VAR_FUNDED_REFERENCES))
        .asString()
        .contains(ref);
    fund.complete(
        decision,
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        ref,
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        "");
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        FundingRoundProcess.VAR_AWARDS_APPROVED,
        true);
    fund.recordDecisionOfRecord(roundId, "PCD 310");
    assertThat(proposals.get(ref).fundingOutcome()).isEqualTo(FundingOutcome.FUNDED);

    JsonNode view = ok(http.get("/api/boroughs/" + WESTMINSTER, "westminster"));

    // Each year the project delivers £400,000 / 3 boroughs = £133,333 in Westminster.
    JsonNode coCommissioned = view.get("coCommissioned");
    assertThat(coCommissioned.get("apportioningRule").asText())
        .contains("divided by its number of delivery boroughs, or by 32 for a pan-London project");
    for (String year : List.of("2018/19", "2019/20", "2020/21")) {
      JsonNode share = projectShare(coCommissioned, year, ref);
      assertThat(share.get("annualCost").asLong()).isEqualTo(400_000);
      assertThat(share.get("sharedBy").asInt()).isEqualTo(3);
      assertThat(share.get("share").asLong()).isEqualTo(133_333);
    }
    assertThat(view.get("fallMeasuredFrom").asText()).isEqualTo("2017/18");
    long other1819 = others.getOrDefault("2018/19", 0L);
    long other1920 = others.getOrDefault("2019/20", 0L);
    long other2021 = others.getOrDefault("2020/21", 0L);
    // LCPF-2017's years; other tests' projects, funded from the test fund, deliver in later ones.
    assertThat(
            gaps(view).stream()
                .filter(g -> g.get("financialYear").toString().compareTo("2021/22") < 0)
                .toList())
        .containsExactly(
            gap("2017/18", 1_071_006L, 0L, 0, 0),
            gap("2018/19", 473_766L, 597_240L, 450_000, 133_333 + other1819),
            gap("2019/20", null, null, 300_000, 133_333 + other1920),
            gap("2020/21", null, null, 0, 133_333 + other2021));
    if (!others.containsKey("2018/19") && !others.containsKey("2019/20")) {
      // Run alone: £450,000 - £133,333 and £300,000 - £133,333 of the services stay uncovered.
      assertThat(gaps(view).get(1).get("gapLeft")).isEqualTo(316_667L);
      assertThat(gaps(view).get(2).get("gapLeft")).isEqualTo(166_667L);
    }

    assertThat(view.get("servicesAtRisk")).hasSize(2);
    for (JsonNode service : view.get("servicesAtRisk")) {
      assertThat(service.get("linkedProposals")).hasSize(1);
      JsonNode link = service.get("linkedProposals").get(0);
      assertThat(link.get("reference").asText()).isEqualTo(ref);
      assertThat(link.get("status").asText()).isEqualTo("FUNDED");
      assertThat(link.get("funded").asBoolean()).isTrue();
    }

    JsonNode london = ok(http.get("/api/boroughs/" + LONDON, "mopac"));
    assertThat(projectShare(london.get("coCommissioned"), "2018/19", ref).get("share").asLong())
        .as("London receives the whole annual cost")
        .isEqualTo(400_000);
    // The grant agreement is signed and the services start, so that no task of 2018 stays open
    // (overdue) for the other tests' reminder sweeps; then back to the clock they start from.
    fund.complete(
        fund.task(ref, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT),
        ProposalProcess.VAR_GRANT_AGREEMENT_SIGNED,
        true,
        ProposalProcess.VAR_AGREEMENT_DATE,
        "2018-03-01");
    fund.moveTo(rounds.get(roundId).dates().serviceStartDate().toInstant().plusSeconds(60));
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.SERVICE_STARTED);
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
  }

  // ---- helpers

  private Response csv(String user, String body) {
    return http.send(
        http.request(ALLOCATIONS, user)
            .POST(BodyPublishers.ofString(body))
            .header("Content-Type", "text/csv"));
  }

  private static JsonNode ok(Response response) {
    assertThat(response.status()).as(response.body()).isBetween(200, 201);
    return response.json();
  }

  private static Map<String, Object> service(
      String name, String theme, long annualCost, List<String> years) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("priorityTheme", theme);
    body.put("annualCost", annualCost);
    body.put("yearsAtRisk", years);
    return body;
  }

  private static List<Map<String, Object>> allocations(JsonNode view) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode a : view.get("allocations")) {
      rows.add(
          row(
              a.get("financialYear").asText(),
              a.get("amount").asLong(),
              a.get("comparedWith").isNull() ? null : a.get("comparedWith").asText(),
              a.get("change").isNull() ? null : a.get("change").asLong(),
              a.get("changePercent").isNull() ? null : a.get("changePercent").asInt(),
              a.get("londonTotal").isNull() ? null : a.get("londonTotal").asLong()));
    }
    return rows;
  }

  private static Map<String, Object> row(
      String year,
      long amount,
      String comparedWith,
      Long change,
      Integer changePercent,
      Long londonTotal) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("financialYear", year);
    row.put("amount", amount);
    row.put("comparedWith", comparedWith);
    row.put("change", change);
    row.put("changePercent", changePercent);
    row.put("londonTotal", londonTotal);
    return row;
  }

  private static List<Map<String, Object>> gaps(JsonNode view) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode g : view.get("gapByYear")) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("financialYear", g.get("financialYear").asText());
      row.put("allocation", g.get("allocation").isNull() ? null : g.get("allocation").asLong());
      row.put("fall", g.get("fall").isNull() ? null : g.get("fall").asLong());
      row.put("servicesAtRisk", g.get("servicesAtRisk").asLong());
      row.put("coCommissionedDelivery", g.get("coCommissionedDelivery").asLong());
      row.put("gapLeft", g.get("gapLeft").asLong());
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Object> gap(
      String year, Long allocation, Long fall, long atRisk, long delivery) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("financialYear", year);
    row.put("allocation", allocation);
    row.put("fall", fall);
    row.put("servicesAtRisk", atRisk);
    row.put("coCommissionedDelivery", delivery);
    row.put("gapLeft", Math.max(0, atRisk - delivery));
    return row;
  }

  private static Map<String, Long> deliveryByYear(JsonNode view) {
    Map<String, Long> totals = new HashMap<>();
    for (JsonNode year : view.get("coCommissioned").get("byYear")) {
      totals.put(year.get("financialYear").asText(), year.get("total").asLong());
    }
    return totals;
  }

  private static JsonNode projectShare(JsonNode coCommissioned, String year, String ref) {
    for (JsonNode y : coCommissioned.get("byYear")) {
      if (y.get("financialYear").asText().equals(year)) {
        for (JsonNode p : y.get("projects")) {
          if (p.get("reference").asText().equals(ref)) {
            return p;
          }
        }
      }
    }
    throw new AssertionError(ref + " delivers nothing in " + year + ": " + coCommissioned);
  }

  private static JsonNode findService(JsonNode view, long id) {
    for (JsonNode s : view.get("servicesAtRisk")) {
      if (s.get("serviceId").asLong() == id) {
        return s;
      }
    }
    throw new AssertionError("No service " + id + " in " + view);
  }

  private List<Map<String, Object>> everyAllocation() {
    return jdbc.sql(
            "select gss_code, financial_year, amount, uploaded_at from cf_borough_allocation"
                + " order by gss_code, financial_year")
        .query()
        .listOfRows();
  }

  private Long storedAmount(String gssCode, String year) {
    return jdbc.sql(
            "select amount from cf_borough_allocation where gss_code = :c and financial_year = :y")
        .param("c", gssCode)
        .param("y", year)
        .query(Long.class)
        .single();
  }

  private long storedServices() {
    return jdbc.sql("select count(*) from cf_service_at_risk").query(Long.class).single();
  }
}
