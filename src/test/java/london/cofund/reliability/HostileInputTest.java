package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundService;
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
 * Hostile input, generated field by field, against the API's write endpoints and the task forms
 * (through engine-rest): malformed and truncated JSON, wrong types, nulls, empty, over-long and
 * deeply nested values, bad amounts, bad dates, bad GSS and priority codes. Every case is a 4xx
 * (problem+json naming the field on {@code /api}) and stores nothing. Text that is odd but allowed
 * (script, HTML, CR/LF, right-to-left, combining and 4-byte characters) is stored as typed and
 * shown escaped. The test prints its counts.
 */
@CoFundSpringTest
class HostileInputTest {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Odd text that a person may legitimately type; it must be kept as typed and shown escaped. */
  static final List<String> ODD_TEXT =
      List.of(
          "<script>alert('x')</script>",
          "<b>bold</b> & **markdown** [link](http://x) `code` # heading",
          "Line one\r\nBcc: someone@example.org",
          "\u202Eright-to-left override\u202C",
          "e\u0301\u0301\u0301 combining marks",
          "\uD83D\uDE00 \uD835\uDCD2 4-byte characters");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProposalService proposals;
  @Autowired RoundService rounds;
  @Autowired TaskService tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  HttpApi http;
  FundDriver fund;
  String roundId;
  final List<String> failures = new ArrayList<>();
  int cases;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
    fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("HOST"), Fixtures.NOW));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyHostileInputIsA4xxNamingTheFieldAndStoresNothing() {
    eoiCases();
    roundCases();
    taskFormCases();
    boroughFundingCases();
    fundCases();
    System.out.println("Hostile input: " + cases + " cases, " + failures.size() + " failures");
    failures.forEach(System.out::println);
    assertThat(cases).isGreaterThanOrEqualTo(100);
    assertThat(failures).isEmpty();
  }

  @Test
  void oddButAllowedTextIsStoredAsTypedAndShownEscaped() {
    for (String odd : ODD_TEXT) {
      ObjectNode eoi = eoi();
      eoi.put("title", "T " + odd);
      eoi.put("summary", odd);
      ((ObjectNode) eoi.get("leadAgency")).put("contactName", odd);
      Response response = http.post(eoisPath(), "applicant1", eoi);
      assertThat(response.status()).as(odd + ": " + response.body()).isEqualTo(201);
      String ref = response.json().get("reference").asText();
      fund.instance(ref);
      fund.run();
      assertThat(proposals.get(ref).eoi().summary()).isEqualTo(odd);
      String brief =
          (String)
              tasks.getVariableLocal(
                  fund.tasks(ref, ProposalProcess.TASK_CONFIRM_CORE_PARTNER).get(0).getId(),
                  ProposalProcess.VAR_TASK_BRIEF);
      assertThat(brief).doesNotContain("<script>", "<b>", "\r\n");
      if (odd.contains("<")) {
        assertThat(brief).contains("&lt;");
      }
    }
  }

  // ---- POST /api/rounds/{roundId}/eois

  private void eoiCases() {
    String[] texts = {"title", "summary", "leadershipStatement"};
    int[] limits = {200, 4000, 8000};
    for (int i = 0; i < texts.length; i++) {
      String field = texts[i];
      int limit = limits[i];
      if (!field.equals("leadershipStatement")) {
        // Required; the statement is optional at the door (LEAD_AGENCY judges it).
        refusedEoi(field, e -> e.putNull(field));
        refusedEoi(field, e -> e.put(field, ""));
      }
      refusedEoi(field, e -> e.put(field, 42));
      refusedEoi(field, e -> e.put(field, true));
      refusedEoi(field, e -> e.set(field, JSON.objectNode().put("a", 1)));
      refusedEoi(field, e -> e.set(field, JSON.arrayNode().add("a")));
      refusedEoi(field, e -> e.put(field, "x".repeat(limit + 1)));
      refusedEoi(field, e -> e.put(field, "\uD83D\uDE00".repeat(limit + 1)));
      refusedEoi(field, e -> e.set(field, deep(40)));
    }
    refusedEoi("leadAgency.name", e -> lead(e).putNull("name"));
    refusedEoi("leadAgency.name", e -> lead(e).put("name", ""));
    // A contact may be missing at the door: LEAD_AGENCY then fails, with its reason.
    for (String field : List.of("name", "contactName", "contactEmail")) {
      refusedEoi("leadAgency." + field, e -> lead(e).put(field, "y".repeat(300)));
      refusedEoi("leadAgency." + field, e -> lead(e).put(field, 7));
    }
    refusedEoi("leadAgency.contactEmail", e -> lead(e).put("contactEmail", "a@b\r\nBcc: c@d"));
    refusedEoi("leadAgency.type", e -> lead(e).put("type", "PIRATES"));
    for (Object amount : new Object[] {-1, 0, 1.5, "1000", 1_000_000_000_001L, true}) {
      refusedEoi("requestedAmount", e -> e.set("requestedAmount", JSON.pojoNode(amount)));
    }
    refusedEoi("requestedAmount", e -> e.putNull("requestedAmount"));
    for (Object months : new Object[] {0, -3, 49, 2.5, "12"}) {
      refusedEoi("durationMonths", e -> e.set("durationMonths", JSON.pojoNode(months)));
    }
    for (String code : List.of("E09000001", "E09000099", "XYZ", "W06000015", "E09000033; DROP")) {
      refusedEoi(
          "deliveryBoroughs[2]",
          e -> ((ArrayNode) e.get("deliveryBoroughs")).set(2, JSON.textNode(code)));
    }
    refusedEoi("deliveryBoroughs", e -> e.put("deliveryBoroughs", "E09000033"));
    for (String code : List.of("NOT_A_PRIORITY", "cse", "", "GANGS;DROP")) {
      refusedEoi(
          "priorityThemes[0]",
          e -> ((ArrayNode) e.get("priorityThemes")).set(0, JSON.textNode(code)));
    }
    refusedEoi("priorityThemes", e -> e.set("priorityThemes", JSON.arrayNode()));
    refusedEoi("scope", e -> e.put("scope", "GALACTIC"));
    refusedEoi("scope", e -> e.put("scope", 3));
    refusedEoi("isAdmin", e -> e.put("isAdmin", true));
    refusedEoi("partners", e -> e.put("partners", "Advance"));
    refusedEoi("partners[0].name", e -> ((ObjectNode) e.get("partners").get(0)).putNull("name"));
    String valid = eoi().toString();
    for (int cut : new int[] {1, 10, valid.length() / 3, valid.length() / 2, valid.length() - 1}) {
      refusedEoiBody(null, valid.substring(0, cut));
    }
    for (String broken :
        List.of(
            "",
            "null",
            "[]",
            "\"text\"",
            "{\"title\": }",
            "{'title': 'x'}",
            "{\"title\": \"x\",}")) {
      refusedEoiBody(null, broken);
    }
  }

  private void refusedEoi(String field, Consumer<ObjectNode> change) {
    ObjectNode body = eoi();
    change.accept(body);
    refusedEoiBody(field, body);
  }

  private void refusedEoiBody(String field, Object body) {
    cases++;
    int before = storedProposals();
    Response response = http.post(eoisPath(), "applicant1", body);
    check("EOI " + field, response, field);
    if (storedProposals() != before) {
      failures.add("EOI " + field + ": a refused request stored a proposal");
    }
  }

  // ---- POST /api/rounds

  private void roundCases() {
    for (Object pot : new Object[] {-1, 0, 1.5, "x", 1_000_000_000_000_000L}) {
      refusedRound("potAmount", r -> r.set("potAmount", JSON.pojoNode(pot)));
    }
    for (String id : List.of("../etc", " ", "", "a".repeat(41), "<b>r</b>", "T1\r\n")) {
      refusedRound("roundId", r -> r.put("roundId", id));
    }
    refusedRound("name", r -> r.put("name", "n".repeat(201)));
    refusedRound("name", r -> r.putNull("name"));
    refusedRound("tranche", r -> r.put("tranche", 0));
    refusedRound("fundableThreshold", r -> r.put("fundableThreshold", 26));
    refusedRound("fundableThreshold", r -> r.put("fundableThreshold", 4));
    refusedRound("maxProjects", r -> r.put("minProjects", 8).put("maxProjects", 5));
    refusedRound("eoiDeadline", r -> r.put("eoiDeadline", "tomorrow"));
    refusedRound("eoiDeadline", r -> r.put("eoiDeadline", "2026-13-45T25:61:00Z"));
    refusedRound("eoiDeadline", r -> r.put("eoiDeadline", r.get("consultationDeadline").asText()));
    refusedRound("serviceStartDate", r -> r.put("serviceStartDate", "2020-01-01T00:00:00Z"));
    refusedRound(
        "priorityLongList[0].code",
        r -> ((ObjectNode) r.get("priorityLongList").get(0)).put("code", "bad code"));
    refusedRound("priorityLongList", r -> r.set("priorityLongList", JSON.arrayNode()));
  }

  private void refusedRound(String field, Consumer<ObjectNode> change) {
    cases++;
    ObjectNode body = HttpApi.jsonOf(Fixtures.round(Fixtures.newRoundId("HR"), Fixtures.NOW));
    change.accept(body);
    int before = rounds.all().size();
    Response response = http.post("/api/rounds", "mopac", body);
    check("round " + field, response, field);
    if (rounds.all().size() != before) {
      failures.add("round " + field + ": a refused request stored a round");
    }
  }

  // ---- POST /api/funds and PUT /api/funds/{fundId}, and the round's fund fields

  private void fundCases() {
    for (Object total : List.of(-1, 0.5, 100_000_001L, "1000", Long.MAX_VALUE)) {
      refusedFund("years[0].total", f -> year(f, 0).set("total", JSON.pojoNode(total)));
    }
    for (String year : List.of("2026-27", "2026/28", "26/27", "", "2026/27\r\n", "٢٠٢٦/٢٧")) {
      refusedFund("years[0].financialYear", f -> year(f, 0).put("financialYear", year));
    }
    refusedFund(
        "years[1].coCommissioningPercent", f -> year(f, 1).put("coCommissioningPercent", -5));
    refusedFund("years[1].financialYear", f -> year(f, 1).put("financialYear", "2026/27"));
    refusedFund("years", f -> f.set("years", JSON.arrayNode()));
    refusedFund("fundId", f -> f.put("fundId", "<script>alert(1)</script>"));
    refusedFund("name", f -> f.put("name", "n".repeat(201)));
    refusedRound("fundId", r -> r.put("fundId", "NO-SUCH-FUND"));
    // A fund that exists but whose years do not hold the services' start.
    refusedRound(
        "fundId",
        r -> r.put("fundId", "LCPF-2017").put("serviceStartDate", "2099-01-01T00:00:00Z"));
    refusedRound("minSubRegionalBoroughs", r -> r.put("minSubRegionalBoroughs", 33));
    refusedRound("minPartnerAgencies", r -> r.put("minPartnerAgencies", 0));
    cases++;
    Response noReason = http.put("/api/funds/LCPF-2017", "mopac", fund("LCPF-2017"));
    check("fund change without a reason", noReason, "reason");
  }

  private void refusedFund(String field, Consumer<ObjectNode> change) {
    cases++;
    String fundId = Fixtures.newRoundId("HF");
    ObjectNode body = fund(fundId);
    change.accept(body);
    String stored = body.path("fundId").asText(fundId);
    Response response = http.post("/api/funds", "mopac", body);
    check("fund " + field, response, field);
    if (http.get("/api/funds/" + fundId, "mopac").status() != 404
        || (!stored.isBlank()
            && !stored.contains("/")
            && http.get("/api/funds/" + stored, "mopac").status() == 200)) {
      failures.add("fund " + field + ": a refused request stored a fund");
    }
  }

  private static ObjectNode fund(String fundId) {
    ObjectNode fund = JSON.objectNode().put("fundId", fundId).put("name", "Fund " + fundId);
    var years = fund.putArray("years");
    for (String year : List.of("2026/27", "2027/28")) {
      years
          .addObject()
          .put("financialYear", year)
          .put("total", 1_000_000)
          .put("coCommissioningPercent", 30);
    }
    return fund;
  }

  private static ObjectNode year(ObjectNode fund, int index) {
    return (ObjectNode) fund.get("years").get(index);
  }

  // ---- task forms, through engine-rest as Tasklist submits them

  private void taskFormCases() {
    String ref =
        fund.submit(roundId, Fixtures.eligibleEoi("Forms", FundDriver.CONTACT), "applicant1");
    fund.confirmEveryBorough(ref);
    Task feedback = fund.task(ref, ProposalProcess.TASK_GIVE_EOI_FEEDBACK);
    for (Object outcome : new Object[] {"MAYBE", "", 3, "accept"}) {
      refusedForm(
          feedback,
          "mopac",
          ProposalProcess.VAR_EOI_OUTCOME,
          outcome,
          ProposalProcess.VAR_EOI_FEEDBACK,
          "Fine.");
    }
    refusedForm(
        feedback,
        "mopac",
        ProposalProcess.VAR_EOI_OUTCOME,
        "ACCEPT",
        ProposalProcess.VAR_EOI_FEEDBACK,
        "f".repeat(4001));
    fund.feedback(ref, "ACCEPT", "Develop it.");
    fund.submitFullProposal(ref);
    Task slot = fund.tasks(ref, ProposalProcess.TASK_ASSESS_PROPOSAL).get(0);
    tasks.claim(slot.getId(), "assessor1");
    for (Object score : new Object[] {0, 6, -1, 2.5, "five"}) {
      Object[] scores = FundDriver.scores("assessor1", 4, 4, 4, 4, 4);
      scores[3] = score;
      refusedForm(slot, "assessor1", scores);
    }
    Object[] longComment = FundDriver.scores("assessor1", 4, 4, 4, 4, 4);
    longComment[longComment.length - 1] = "c".repeat(8001);
    refusedForm(slot, "assessor1", longComment);
  }

  private void refusedForm(Task task, String user, Object... nameValuePairs) {
    cases++;
    Response response = http.completeTask(task.getId(), user, nameValuePairs);
    String what = "form " + task.getTaskDefinitionKey() + " " + nameValuePairs[0];
    if (response.status() != 400) {
      failures.add(what + ": " + response.status() + " " + response.body());
    }
    if (tasks.createTaskQuery().taskId(task.getId()).count() != 1) {
      failures.add(what + ": a refused completion ended the task");
    }
  }

  // ---- POST /api/boroughs/{gssCode}/services-at-risk and POST /api/funds/{fundId}/allocations

  private void boroughFundingCases() {
    refusedService("name", s -> s.put("name", "n".repeat(201)));
    refusedService("name", s -> s.put("name", "\uD83D\uDE00".repeat(201)));
    refusedService("name", s -> s.set("name", deep(40)));
    refusedService("priorityTheme", s -> s.put("priorityTheme", "GANGS;DROP"));
    for (Object cost : new Object[] {-1, 0, 1.5, "1000", 100_000_001, true}) {
      refusedService("annualCost", s -> s.set("annualCost", JSON.pojoNode(cost)));
    }
    refusedService("yearsAtRisk", s -> s.put("yearsAtRisk", "2018/19"));
    refusedService("yearsAtRisk[0]", s -> s.putArray("yearsAtRisk").add("2018/19\r\n"));
    refusedService("linkedProposals[0]", s -> s.putArray("linkedProposals").add("' or 1=1 --"));
    refusedService("linkedProposals[0]", s -> s.putArray("linkedProposals").add("x".repeat(61)));
    refusedService(null, "{\"name\": ");
    String header = "gssCode,financialYear,amount\n";
    refusedUpload("line 2: gssCode", header + "E09000033; DROP,2019/20,1\n");
    refusedUpload("line 2: gssCode", header + "<b>E09000033</b>,2019/20,1\n");
    refusedUpload("line 2: financialYear", header + "E09000012,\u202E2019/20,1\n");
    refusedUpload("line 2: amount", header + "E09000012,2019/20,1e9\n");
    refusedUpload("line 2: amount", header + "E09000012,2019/20,99999999999999999999999\n");
    refusedUpload("line 2", header + "E09000012,2019/20,\"1,000\"\n");
    refusedUpload("line 1: header", "\u0000\u0001\u0002");
  }

  private void refusedService(String field, Consumer<ObjectNode> change) {
    ObjectNode body = JSON.objectNode();
    body.put("name", "Youth outreach");
    body.put("priorityTheme", "GANGS");
    body.put("annualCost", 100_000);
    body.putArray("yearsAtRisk").add("2018/19");
    change.accept(body);
    refusedService(field, body);
  }

  private void refusedService(String field, Object body) {
    cases++;
    long before = count("cf_service_at_risk");
    Response response = http.post("/api/boroughs/E09000007/services-at-risk", "camden", body);
    check("service at risk " + field, response, field);
    if (count("cf_service_at_risk") != before) {
      failures.add("service at risk " + field + ": a refused request stored a service");
    }
  }

  private void refusedUpload(String field, String csv) {
    cases++;
    List<java.util.Map<String, Object>> before =
        jdbc.queryForList("select * from cf_borough_allocation order by gss_code, financial_year");
    Response response =
        http.send(
            http.request("/api/funds/LCPF-2017/allocations", "mopac")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                .header("Content-Type", "text/csv"));
    check("allocations " + field, response, field);
    if (!jdbc.queryForList("select * from cf_borough_allocation order by gss_code, financial_year")
        .equals(before)) {
      failures.add("allocations " + field + ": a refused upload stored a row");
    }
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  // ---- helpers

  private void check(String what, Response response, String field) {
    if (response.status() < 400 || response.status() >= 500) {
      failures.add(what + ": " + response.status() + " " + response.body());
      return;
    }
    if (!response.contentType().startsWith("application/problem+json")) {
      failures.add(what + ": not problem+json but " + response.contentType());
      return;
    }
    if (field != null && !response.body().contains(field.replaceAll("\\[\\d+]$", ""))) {
      failures.add(what + ": the problem does not name " + field + ": " + response.body());
    }
  }

  private String eoisPath() {
    return "/api/rounds/" + roundId + "/eois";
  }

  private static ObjectNode eoi() {
    return HttpApi.jsonOf(Fixtures.eligibleEoi("Hostile", FundDriver.CONTACT));
  }

  private static ObjectNode lead(ObjectNode eoi) {
    return (ObjectNode) eoi.get("leadAgency");
  }

  private static JsonNode deep(int depth) {
    ObjectNode root = JSON.objectNode();
    ObjectNode node = root;
    for (int i = 0; i < depth; i++) {
      node = node.putObject("a");
    }
    return root;
  }

  private int storedProposals() {
    return jdbc.queryForObject(
        "select count(*) from cf_proposal where round_id = ?", Integer.class, roundId);
  }
}
