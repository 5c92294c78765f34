package london.cofund.proposal;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.RuntimeService;
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

/**
 * A refused completion over engine-rest is a 400 naming the variable, and the task stays open.
 * engine-rest's complete and submit-form answer 400 only for a form-field validation error, which
 * is how CoFund raises a refusal there (RefusedTaskInput).
 */
@CoFundSpringTest
class ProposalApiTest {

  static final String CONTACT = FundDriver.CONTACT;
  static final String HACKNEY = "E09000012";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  HttpApi http;
  FundDriver fund;
  Round round;

  @BeforeEach
  void openRound() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
    fund = new FundDriver(context);
    round = publishedRound();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- the whole way, over HTTP

  @Test
  void aProposalGoesFromEoiToServiceStartedOverHttp() {
    Response submitted =
        http.post(eois(round), "applicant1", Fixtures.eligibleEoi("Women's centres", CONTACT));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String ref = submitted.json().get("reference").asText();
    assertThat(submitted.header("Location")).endsWith("/api/proposals/" + ref);
    assertThat(submitted.json().get("status").asText()).isEqualTo("AWAITING_BOROUGH_SIGN_OFF");
    assertThat(submitted.json().get("eligible").asBoolean()).isTrue();
    assertThat(submitted.json().get("criteria").findValuesAsText("code"))
        .containsExactlyInAnyOrder(
            "LONDON",
            "BOROUGH_COVERAGE",
            "PARTNERSHIP",
            "LA_CORE_PARTNERS",
            "PRIORITY",
            "LEAD_AGENCY");
    assertThat(submitted.json().get("criteria").findValues("passed")).allMatch(JsonNode::asBoolean);
    follow(ref);

    // Each borough confirms its own sign-off; Islington has no demo officer, so the admin stands
    // in.
    completeOnlyTask(
        ref, TASK_CONFIRM_CORE_PARTNER, "westminster", VAR_CORE_PARTNER_CONFIRMED, true);
    completeOnlyTask(ref, TASK_CONFIRM_CORE_PARTNER, "camden", VAR_CORE_PARTNER_CONFIRMED, true);
    String islington =
        taskIds(
                "/engine-rest/task?processInstanceBusinessKey="
                    + ref
                    + "&candidateGroup=borough-"
                    + Fixtures.ISLINGTON,
                "admin")
            .get(0);
    assertNoContent(http.completeTask(islington, "admin", VAR_CORE_PARTNER_CONFIRMED, true));
    fund.run();
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("AWAITING_EOI_FEEDBACK");

    completeOnlyTask(
        ref,
        TASK_GIVE_EOI_FEEDBACK,
        "mopac",
        VAR_EOI_OUTCOME,
        "ACCEPT",
        VAR_EOI_FEEDBACK,
        "A strong, well-led partnership.");
    JsonNode afterFeedback = view(ref, "applicant1");
    assertThat(afterFeedback.get("status").asText()).isEqualTo("FULL_PROPOSAL_DUE");
    assertThat(afterFeedback.get("eoiOutcome").asText()).isEqualTo("ACCEPT");
    assertThat(afterFeedback.get("eoiFeedback").asText())
        .isEqualTo("A strong, well-led partnership.");

    Response full =
        http.put(
            "/api/proposals/" + ref + "/full-proposal",
            "applicant1",
            Fixtures.fullProposal(Fixtures.eligibleEoi("Women's centres", CONTACT)));
    assertThat(full.status()).as(full.body()).isEqualTo(200);
    assertThat(full.json().get("eligible").asBoolean()).isTrue();
    fund.run();
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("UNDER_ASSESSMENT");

    assessOverHttp(ref, "assessor1", 4, 4, 4, 3, 4);
    assessOverHttp(ref, "assessor2", 4, 3, 4, 4, 4);
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("ASSESSED");
    assertThat(view(ref, "mopac").get("totalScore").decimalValue()).isEqualByComparingTo("19");

    // The decision reaches the proposal as the round announces it. MOPAC cannot send it by hand
    // (that would bypass the panel and the Leaders' Committee); here the administrator stands in
    // for
    // the round, and an award other than the requested amount is refused.
    Map<String, Object> funded =
        Map.of(
            "messageName", MESSAGE_FUNDING_DECISION,
            "businessKey", ref,
            "processVariables",
                HttpApi.engineVariables(
                    VAR_FUNDING_OUTCOME, "FUNDED", VAR_AWARDED_AMOUNT, 1_200_000L));
    assertThat(http.post("/engine-rest/message", "mopac", funded).status()).isEqualTo(403);
    Response tooMuch =
        http.post(
            "/engine-rest/message",
            "admin",
            Map.of(
                "messageName", MESSAGE_FUNDING_DECISION,
                "businessKey", ref,
                "processVariables",
                    HttpApi.engineVariables(
                        VAR_FUNDING_OUTCOME, "FUNDED", VAR_AWARDED_AMOUNT, 9_999_999L)));
    assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
    assertThat(tooMuch.body()).contains(VAR_AWARDED_AMOUNT + ": must be the requested amount");
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("ASSESSED");
    Response decision = http.post("/engine-rest/message", "admin", funded);
    assertNoContent(decision);
    fund.run();
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("FUNDED");

    completeOnlyTask(
        ref,
        TASK_CONFIRM_GRANT_AGREEMENT,
        "mopac",
        VAR_GRANT_AGREEMENT_SIGNED,
        true,
        VAR_AGREEMENT_DATE,
        "2026-10-01");
    fund.moveTo(round.dates().serviceStartDate().toInstant().plusSeconds(60));

    JsonNode started = view(ref, "applicant1");
    assertThat(started.get("status").asText()).isEqualTo("SERVICE_STARTED");
    assertThat(started.get("decision").get("outcome").asText()).isEqualTo("FUNDED");
    assertThat(started.get("decision").get("awardedAmount").asLong()).isEqualTo(1_200_000L);
    assertThat(started.get("totalScore").isNull()).as("the applicant does not see scores").isTrue();
    // The proposal's process has ended; the grant it opened (same business key) runs on.
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(ref)
                .count())
        .isZero();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("grant")
                .processInstanceBusinessKey(ref)
                .count())
        .isOne();
  }

  // ---- POST /api/rounds/{roundId}/eois: malformed requests

  static Stream<Arguments> malformedEois() {
    return Stream.of(
        bad("malformed JSON", "body", null, "{\"title\": \"Broken\","),
        bad("a wrong type", "requestedAmount", null, eoi(e -> e.put("requestedAmount", "lots"))),
        bad("an unknown enum", "scope", "CITYWIDE", eoi(e -> e.put("scope", "CITYWIDE"))),
        bad(
            "a code that is not a borough",
            "deliveryBoroughs[2]",
            "E09000099",
            eoi(e -> boroughs(e).set(2, TextNode.valueOf("E09000099")))),
        bad(
            "the City of London",
            "deliveryBoroughs[2]",
            "City of London",
            eoi(e -> boroughs(e).set(2, TextNode.valueOf("E09000001")))),
        bad(
            "an unknown priority code",
            "priorityThemes[0]",
            "NOT_A_PRIORITY",
            eoi(
                e ->
                    ((ArrayNode) e.get("priorityThemes"))
                        .set(0, TextNode.valueOf("NOT_A_PRIORITY")))),
        bad(
            "an invalid email",
            "leadAgency.contactEmail",
            null,
            eoi(
                e ->
                    ((ObjectNode) e.get("leadAgency")).put("contactEmail", "abi.lead-at-advance"))),
        bad("a zero amount", "requestedAmount", null, eoi(e -> e.put("requestedAmount", 0))),
        bad("a negative amount", "requestedAmount", null, eoi(e -> e.put("requestedAmount", -5))),
        bad(
            "a decimal amount",
            "requestedAmount",
            null,
            eoi(e -> e.put("requestedAmount", 1500.5))),
        bad("a title of 201 characters", "title", null, eoi(e -> e.put("title", "t".repeat(201)))),
        bad(
            "a summary of 4001 characters",
            "summary",
            null,
            eoi(e -> e.put("summary", "s".repeat(4001)))),
        bad("an unknown field", "colour", null, eoi(e -> e.put("colour", "blue"))),
        bad(
            "a council partner without its borough",
            "partners[0].boroughCode",
            "LOCAL_AUTHORITY",
            eoi(e -> ((ObjectNode) e.get("partners").get(0)).remove("boroughCode"))),
        bad(
            "a sub-regional EOI without boroughs",
            "deliveryBoroughs",
            "SUB_REGIONAL",
            eoi(e -> e.remove("deliveryBoroughs"))));
  }

  @ParameterizedTest(name = "{0} is a 400 naming {1}")
  @MethodSource("malformedEois")
  void aMalformedEoiIsRefusedNamingTheFieldAndNothingIsStored(
      String what, String field, String reason, Object body) {
    long before = storedProposals(round);

    Response response = http.post(eois(round), "applicant1", body);

    assertProblem(response, 400);
    assertThat(fields(response)).as(response.body()).containsExactly(field);
    if (reason != null) {
      assertThat(response.json().get("errors").get(0).get("message").asText()).contains(reason);
    }
    assertThat(storedProposals(round)).isEqualTo(before);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .variableValueEquals(VAR_ROUND_ID, round.roundId())
                .count())
        .as("no process started")
        .isZero();
  }

  // ---- POST /api/rounds/{roundId}/eois: the round and the caller

  @Test
  void anEoiToAnUnknownRoundIsNotFound() {
    assertProblem(
        http.post("/api/rounds/NO-SUCH-ROUND/eois", "applicant1", eligibleEoi("Lost")), 404);
  }

  @Test
  void anEoiToARoundStillInConsultationIsAConflict() {
    String roundId = Fixtures.newRoundId("API-C");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");

    assertProblem(
        http.post("/api/rounds/" + roundId + "/eois", "applicant1", eligibleEoi("Too early")), 409);
    assertThat(storedProposals(rounds.get(roundId))).isZero();
  }

  @Test
  void anEoiAfterTheEoiDeadlineIsAConflict() {
    ClockUtil.setCurrentTime(Date.from(round.dates().eoiDeadline().toInstant().plusSeconds(60)));

    Response response = http.post(eois(round), "applicant1", eligibleEoi("Too late"));

    assertProblem(response, 409);
    assertThat(response.json().get("detail").asText()).contains("closed for EOIs");
    assertThat(storedProposals(round)).isZero();
  }

  @Test
  void onlyApplicantsSubmitEois() {
    for (String user : List.of("mopac", "westminster", "assessor1", "leaders")) {
      assertProblem(http.post(eois(round), user, eligibleEoi("Not an applicant")), 403);
    }
    assertThat(storedProposals(round)).isZero();
  }

  @Test
  void anEoiThatFailsACriterionIsCreatedAsNotEligibleNamingTheFailure() {
    Response response =
        http.post(eois(round), "applicant1", Fixtures.twoBoroughEoi("Two-borough pilot", CONTACT));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("eligible").asBoolean()).isFalse();
    assertThat(response.json().get("status").asText()).isEqualTo("NOT_ELIGIBLE");
    List<JsonNode> failed = failedCriteria(response.json());
    assertThat(failed).extracting(c -> c.get("code").asText()).containsExactly("BOROUGH_COVERAGE");
    assertThat(failed.get(0).get("reason").asText())
        .isEqualTo(
            "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at least 3");
    assertThat(storedProposals(round)).isOne();
  }

  // ---- GET /api/proposals/{reference}: who sees what

  @Test
  void anApplicantCannotReadAnotherApplicantsProposal() {
    String ref = submit(eligibleEoi("Applicant one's bid"));

    assertThat(http.get("/api/proposals/" + ref, "applicant1").status()).isEqualTo(200);
    assertProblem(http.get("/api/proposals/" + ref, "applicant2"), 404);
  }

  @Test
  void aBoroughOfficerSeesOnlyProposalsDeliveredInTheirBorough() {
    String withCamden = submit(eligibleEoi("Westminster, Camden and Islington"));
    String withoutCamden =
        submit(
            Fixtures.eoi(
                "Westminster, Hackney and Islington",
                CONTACT,
                List.of(Fixtures.WESTMINSTER, HACKNEY, Fixtures.ISLINGTON),
                900_000L,
                List.of("CSE")));

    assertThat(view(withCamden, "westminster").get("reference").asText()).isEqualTo(withCamden);
    assertThat(view(withoutCamden, "westminster").get("reference").asText())
        .isEqualTo(withoutCamden);
    assertThat(view(withCamden, "camden").get("reference").asText()).isEqualTo(withCamden);
    assertProblem(http.get("/api/proposals/" + withoutCamden, "camden"), 404);
  }

  @Test
  void onlyMopacAndTheWorkingGroupSeeTheTotalScore() {
    String ref =
        fund.toAssessment(
            round.roundId(), Fixtures.eligibleEoi("Scored bid", CONTACT), "applicant1");
    fund.assess(ref, "assessor1", 4, 4, 4, 3, 4);
    fund.assess(ref, "assessor2", 4, 3, 4, 4, 4);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.ASSESSED);

    assertThat(view(ref, "mopac").get("totalScore").decimalValue()).isEqualByComparingTo("19");
    assertThat(view(ref, "wg").get("totalScore").decimalValue()).isEqualByComparingTo("19");
    assertThat(view(ref, "applicant1").get("totalScore").isNull()).isTrue();
    assertThat(view(ref, "leaders").get("totalScore").isNull()).isTrue();
  }

  // ---- borough sign-off over engine-rest

  @Test
  void everyBoroughOfficerSeesAPanLondonProposal() {
    EoiForm panLondon =
        new EoiForm(
            "London-wide helpline",
            "One number for every borough.",
            london.cofund.eligibility.Scope.PAN_LONDON,
            null,
            false,
            null,
            null,
            new london.cofund.proposal.BidForm.LeadAgencyForm(
                "Rescue and Response",
                london.cofund.eligibility.AgencyType.VOLUNTARY_SECTOR,
                "Ro Lead",
                CONTACT,
                null),
            java.util.List.of(
                new london.cofund.proposal.BidForm.PartnerForm(
                    "London CRC", london.cofund.eligibility.AgencyType.PROBATION, false, null),
                new london.cofund.proposal.BidForm.PartnerForm(
                    "NHS England", london.cofund.eligibility.AgencyType.HEALTH, false, null)),
            java.util.List.of("CSE"),
            900_000L,
            24,
            "Rescue and Response leads a pan-London service today.");
    String ref = submit(panLondon);
    assertThat(http.get("/api/proposals/" + ref, "westminster").status()).isEqualTo(200);
    assertThat(http.get("/api/proposals/" + ref, "camden").status()).isEqualTo(200);
    assertThat(http.get("/api/proposals", "camden").json().findValuesAsText("reference"))
        .contains(ref);
    assertThat(http.get("/api/proposals/" + ref, "applicant2").status()).isEqualTo(404);
  }

  /**
   * Tasklist's "My group's tasks" filter shows a borough officer which proposal each task is about.
   */
  @Test
  void aBoroughOfficersTaskListNamesTheProposal() {
    String ref = submit(eligibleEoi("Listed for Camden"));
    String filterId =
        http.get(
                "/engine-rest/filter?name="
                    + java.net.URLEncoder.encode(
                        london.cofund.identity.IdentityBootstrap.FILTER_MY_GROUPS,
                        java.nio.charset.StandardCharsets.UTF_8),
                "camden")
            .json()
            .get(0)
            .get("id")
            .asText();
    Response list =
        http.postHal(
            "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=200",
            "camden",
            "{}");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("value"))
        .as("the task's Proposal column")
        .contains(ref);
  }

  @Test
  void westminstersOfficerCannotSeeOrCompleteCamdensSignOff() {
    String ref = submit(eligibleEoi("Three boroughs"));
    String westminsterTask = boroughTask(ref, Fixtures.WESTMINSTER);
    String camdenTask = boroughTask(ref, Fixtures.CAMDEN);

    assertThat(taskIds("/engine-rest/task?processInstanceBusinessKey=" + ref, "westminster"))
        .containsExactly(westminsterTask);
    assertThat(http.get("/engine-rest/task/" + camdenTask, "westminster").status()).isIn(403, 404);
    assertThat(
            http.completeTask(camdenTask, "westminster", VAR_CORE_PARTNER_CONFIRMED, true).status())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(camdenTask).count())
        .as("Camden's task is untouched")
        .isOne();
    assertThat(taskIds("/engine-rest/task?processInstanceBusinessKey=" + ref, "camden"))
        .containsExactly(camdenTask);
  }

  // A refused completion over engine-rest is a 400 naming the variable (RefusalUnwrappingPlugin).

  @Test
  void aDeclineWithoutACommentIsA400NamingCorePartnerComment() {
    String ref = submit(eligibleEoi("Silent decline"));
    String camdenTask = boroughTask(ref, Fixtures.CAMDEN);

    Response response = http.completeTask(camdenTask, "camden", VAR_CORE_PARTNER_CONFIRMED, false);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .contains(VAR_CORE_PARTNER_COMMENT + ": is required when declining");
    assertThat(tasks.createTaskQuery().taskId(camdenTask).count()).isOne();
  }

  @Test
  void feedbackWithoutTextIsA400NamingEoiFeedback() {
    String ref =
        fund.submit(round.roundId(), Fixtures.eligibleEoi("No feedback", CONTACT), "applicant1");
    fund.confirmEveryBorough(ref);
    String feedbackTask = taskIds(taskQuery(ref, TASK_GIVE_EOI_FEEDBACK), "mopac").get(0);

    Response response = http.completeTask(feedbackTask, "mopac", VAR_EOI_OUTCOME, "ACCEPT");

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .contains(VAR_EOI_FEEDBACK + ": is required");
    assertThat(tasks.createTaskQuery().taskId(feedbackTask).count()).isOne();
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.AWAITING_EOI_FEEDBACK);
  }

  // ---- the applicant's steps, in and out of turn

  @Test
  void revisingAnEligibleEoiIsAConflict() {
    String ref = submit(eligibleEoi("Already eligible"));

    assertProblem(
        http.put("/api/proposals/" + ref + "/eoi", "applicant1", eligibleEoi("Revised anyway")),
        409);
    assertThat(proposals.get(ref).eoiVersion()).isOne();
  }

  @Test
  void aFullProposalBeforeFeedbackIsAConflict() {
    String ref = submit(eligibleEoi("Too keen"));

    assertProblem(
        http.put(
            "/api/proposals/" + ref + "/full-proposal",
            "applicant1",
            Fixtures.fullProposal(eligibleEoi("Too keen"))),
        409);
    assertThat(proposals.get(ref).fullProposal()).isNull();
  }

  @Test
  void anotherApplicantCannotReviseTheEoi() {
    String ref = submit(Fixtures.twoBoroughEoi("Someone else's", CONTACT));

    Response response =
        http.put("/api/proposals/" + ref + "/eoi", "applicant2", eligibleEoi("Hijacked"));

    assertThat(response.status()).isIn(403, 404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(proposals.get(ref).title()).isEqualTo("Someone else's");
  }

  @Test
  void theApplicantWithdrawsOnceAndOnlyOnce() {
    String ref = submit(eligibleEoi("Changed our minds"));

    Response withdrawn = http.post("/api/proposals/" + ref + "/withdraw", "applicant1", "");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(view(ref, "applicant1").get("status").asText()).isEqualTo("WITHDRAWN");

    assertProblem(http.post("/api/proposals/" + ref + "/withdraw", "applicant1", ""), 409);
  }

  @Test
  void aRevisionOfANotEligibleEoiIsScreenedAgain() {
    String ref = submit(Fixtures.twoBoroughEoi("Two-borough pilot", CONTACT));

    Response revised =
        http.put(
            "/api/proposals/" + ref + "/eoi", "applicant1", eligibleEoi("Three-borough pilot"));

    assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    assertThat(revised.json().get("reference").asText()).isEqualTo(ref);
    assertThat(revised.json().get("eligible").asBoolean()).isTrue();
    assertThat(revised.json().get("status").asText()).isEqualTo("AWAITING_BOROUGH_SIGN_OFF");
    assertThat(failedCriteria(revised.json())).isEmpty();
    assertThat(proposals.get(ref).eoiVersion()).isEqualTo(2);
    assertThat(view(ref, "applicant1").get("title").asText()).isEqualTo("Three-borough pilot");
  }

  @Test
  void anInvalidRevisionIsA400AndLeavesTheEoiUnchanged() {
    String ref = submit(Fixtures.twoBoroughEoi("Two-borough pilot", CONTACT));
    ObjectNode invalid = HttpApi.jsonOf(eligibleEoi("Three-borough pilot"));
    ((ObjectNode) invalid.get("leadAgency")).put("contactEmail", "not an email");

    Response response = http.put("/api/proposals/" + ref + "/eoi", "applicant1", invalid);

    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("leadAgency.contactEmail");
    Proposal unchanged = proposals.get(ref);
    assertThat(unchanged.eoiVersion()).isOne();
    assertThat(unchanged.title()).isEqualTo("Two-borough pilot");
    assertThat(unchanged.status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
    assertThat(fund.tasks(ref, TASK_REVISE_EOI)).as("still waiting for a revision").hasSize(1);
  }

  // ---- steps

  private Round publishedRound() {
    String roundId = Fixtures.newRoundId("API-P");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");
    rounds.agreeShortlist(
        roundId, List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(roundId);
    return rounds.get(roundId);
  }

  private static EoiForm eligibleEoi(String title) {
    return Fixtures.eligibleEoi(title, CONTACT);
  }

  /**
   * Submits an EOI over HTTP as applicant1 and runs the jobs that follow, as the executor would.
   */
  private String submit(EoiForm eoi) {
    Response response = http.post(eois(round), "applicant1", eoi);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String ref = response.json().get("reference").asText();
    follow(ref);
    return ref;
  }

  /** From now on, the proposal's jobs run between steps (and only this test's jobs). */
  private void follow(String ref) {
    assertThat(fund.instance(ref)).as("process instance of " + ref).isNotNull();
    fund.run();
  }

  /** The one task of this key that the user sees, completed by that user through engine-rest. */
  private void completeOnlyTask(String ref, String taskKey, String user, Object... variables) {
    List<String> visible = taskIds(taskQuery(ref, taskKey), user);
    assertThat(visible).as(taskKey + " of " + ref + " visible to " + user).hasSize(1);
    assertNoContent(http.completeTask(visible.get(0), user, variables));
    fund.run();
  }

  /** An assessor takes an open assessment (claim, then complete) through engine-rest. */
  private void assessOverHttp(String ref, String assessor, int... scores) {
    List<String> open =
        taskIds(taskQuery(ref, TASK_ASSESS_PROPOSAL) + "&unassigned=true", assessor);
    assertThat(open).as("open assessments of " + ref).isNotEmpty();
    String task = open.get(0);
    assertNoContent(http.claimTask(task, assessor));
    assertNoContent(http.completeTask(task, assessor, FundDriver.scores(assessor, scores)));
    fund.run();
  }

  // ---- looking

  private static String eois(Round round) {
    return "/api/rounds/" + round.roundId() + "/eois";
  }

  private static String taskQuery(String ref, String taskKey) {
    return "/engine-rest/task?processInstanceBusinessKey=" + ref + "&taskDefinitionKey=" + taskKey;
  }

  private List<String> taskIds(String query, String user) {
    Response response = http.get(query, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().findValuesAsText("id");
  }

  private String boroughTask(String ref, String boroughCode) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(TASK_CONFIRM_CORE_PARTNER)
        .taskCandidateGroup("borough-" + boroughCode)
        .singleResult()
        .getId();
  }

  private JsonNode view(String ref, String user) {
    Response response = http.get("/api/proposals/" + ref, user);
    assertThat(response.status())
        .as(user + " reads " + ref + ": " + response.body())
        .isEqualTo(200);
    return response.json();
  }

  /** How many proposals the round has, by its own count (GET /api/rounds/{id}). */
  private long storedProposals(Round round) {
    Response response = http.get("/api/rounds/" + round.roundId(), "mopac");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    long count = 0;
    for (JsonNode n : response.json().get("proposalCounts")) {
      count += n.asLong();
    }
    return count;
  }

  private static List<JsonNode> failedCriteria(JsonNode json) {
    return json.get("criteria").findParents("passed").stream()
        .filter(c -> !c.get("passed").asBoolean())
        .toList();
  }

  private static List<String> fields(Response response) {
    return response.json().get("errors").findValuesAsText("field");
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }

  private static void assertNoContent(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  private static Arguments bad(String what, String field, String reason, Object body) {
    return Arguments.of(what, field, reason, body);
  }

  /** The eligible EOI as JSON, with one change. */
  private static ObjectNode eoi(Consumer<ObjectNode> change) {
    ObjectNode json =
        HttpApi.jsonOf(Fixtures.eligibleEoi("Well formed but for one field", CONTACT));
    change.accept(json);
    return json;
  }

  private static ArrayNode boroughs(ObjectNode eoi) {
    return (ArrayNode) eoi.get("deliveryBoroughs");
  }
}
