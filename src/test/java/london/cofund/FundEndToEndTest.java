package london.cofund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import london.cofund.HttpApi.Response;
import london.cofund.Mailbox.Mail;
import london.cofund.borough.LondonBorough;
import london.cofund.fixtures.Fixtures;
import london.cofund.identity.DemoUsers;
import london.cofund.proposal.EoiForm;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4's acceptance: one tranche of the fund, end to end over HTTP, every human step taken by
 * the role that owns it (the API for MOPAC and applicants, engine-rest for the tasks), and the
 * second tranche it leads to. Only the passing of time is the test's own doing: the engine clock
 * moves past each deadline and the due jobs of this round's and its proposals' instances run, as
 * the job executor would run them.
 *
 * <p>The data make the recommendation clear. The pot (£3.5m) and the limit of 3 projects cannot
 * fund the four fundable proposals; covering three short-listed priorities means funding the CSE
 * and the sexual violence proposals and one of the two female offending ones, and only the cheaper,
 * lower scored one fits: an optimiser, not a greedy pick by score, defers the best-scored proposal.
 *
 * <p>The scenario is a series of named steps on one round, in order, so that a failure names the
 * step that broke; the steps after a failed one are skipped ({@link Steps}).
 */
@CoFundSpringTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(Steps.class)
class FundEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String WESTMINSTER = LondonBorough.WESTMINSTER.code();
  private static final String CAMDEN = LondonBorough.CAMDEN.code();
  private static final String ISLINGTON = LondonBorough.ISLINGTON.code();
  private static final String HACKNEY = LondonBorough.HACKNEY.code();
  private static final String HARINGEY = LondonBorough.HARINGEY.code();
  private static final String KENSINGTON = LondonBorough.KENSINGTON_AND_CHELSEA.code();
  private static final String LAMBETH = LondonBorough.LAMBETH.code();
  private static final String NEWHAM = LondonBorough.NEWHAM.code();
  private static final String SOUTHWARK = LondonBorough.SOUTHWARK.code();
  private static final String TOWER_HAMLETS = LondonBorough.TOWER_HAMLETS.code();

  private static final List<String> SHORTLIST =
      List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING");
  private static final long POT = 3_500_000L;
  private final String fundId = Fixtures.newRoundId("E2E-FUND");

  @LocalServerPort int port;
  @Autowired GreenMail sink;
  @Autowired london.cofund.notification.ContactAddresses contacts;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TaskService taskService;

  private HttpApi http;
  private Mailbox mail;
  private JobDriver jobs;

  /** The process instances of this test (the round's and its proposals'): only their jobs run. */
  private final Set<String> instances = new LinkedHashSet<>();

  /** Each proposal's EOI as submitted, by reference. */
  private final Map<String, EoiForm> eois = new LinkedHashMap<>();

  /** Who submitted each proposal, by reference. */
  private final Map<String, String> applicants = new LinkedHashMap<>();

  private String roundId;
  private String roundName;

  // The proposals, by reference, as the steps make them.
  private String womensCentres;
  private String exploitation;
  private String advocates;
  private String throughTheGate;
  private String youthDiversion;
  private String exitRoutes;
  private String pilot;

  /** The proposals that pass screening. */
  private List<String> eligible;

  /**
   * The clock starts once, for the whole scenario, and each step moves it on. It is reset after the
   * last step, not between steps: Surefire runs one test class at a time, so no other class sees
   * the moved clock.
   */
  @BeforeAll
  void startTheClock() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
    mail = new Mailbox(sink);
    jobs = new JobDriver(management);
    roundId = Fixtures.newRoundId("E2E");
    roundName = "Tranche 1 " + roundId;
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void mopacOpensTheRoundAndItsPrioritiesGoToConsultation() {
    openRound();
  }

  @Test
  @Order(2)
  void twoBoroughsCommentAndTheDeadlineClosesTheConsultation() {
    consultBoroughsUntilTheDeadline();
  }

  @Test
  @Order(3)
  void mopacAgreesTheShortlistAndLeadersSignOffTheProspectus() {
    agreeShortlistAndSignOffProspectus();
  }

  @Test
  @Order(4)
  void applicantsSubmitEoisAndATwoBoroughPilotIsNotEligible() {
    womensCentres =
        submitEoi(
            "applicant1",
            eoi(
                "Women's centres",
                "Advance",
                "abi@advance.example.org",
                List.of(WESTMINSTER, CAMDEN, ISLINGTON),
                1_200_000L,
                "FEMALE_OFFENDING"),
            true);
    exploitation =
        submitEoi(
            "applicant2",
            eoi(
                "Safe from exploitation",
                "Safer London",
                "aaron@saferlondon.example.org",
                List.of(WESTMINSTER, CAMDEN, HACKNEY),
                900_000L,
                "CSE"),
            true);
    advocates =
        submitEoi(
            "applicant1",
            eoi(
                "Sexual violence advocates",
                "Solace",
                "abi@solace.example.org",
                List.of(CAMDEN, ISLINGTON, HARINGEY),
                1_500_000L,
                "SEXUAL_VIOLENCE"),
            true);
    throughTheGate =
        submitEoi(
            "applicant2",
            eoi(
                "Through the gate for women",
                "Women in Prison",
                "aaron@wip.example.org",
                List.of(WESTMINSTER, LAMBETH, SOUTHWARK),
                800_000L,
                "FEMALE_OFFENDING"),
            true);
    youthDiversion =
        submitEoi(
            "applicant1",
            eoi(
                "Youth diversion",
                "St Giles Trust",
                "abi@stgiles.example.org",
                List.of(HACKNEY, TOWER_HAMLETS, NEWHAM),
                700_000L,
                "YOUTH_OFFENDING"),
            true);
    exitRoutes =
        submitEoi(
            "applicant2",
            eoi(
                "Exit routes",
                "Redthread",
                "aaron@redthread.example.org",
                List.of(WESTMINSTER, CAMDEN, KENSINGTON),
                1_000_000L,
                "CSE",
                "YOUTH_OFFENDING"),
            true);
    pilot =
        submitEoi(
            "applicant1",
            eoi(
                "Two-borough pilot",
                "Advance",
                "pilot@advance.example.org",
                List.of(WESTMINSTER, CAMDEN),
                600_000L,
                "FEMALE_OFFENDING"),
            false);
    eligible =
        List.of(womensCentres, exploitation, advocates, throughTheGate, youthDiversion, exitRoutes);
    assertThat(proposal(pilot).get("criteria"))
        .filteredOn(c -> !c.get("passed").asBoolean())
        .extracting(c -> c.get("code").asText())
        .containsExactly("BOROUGH_COVERAGE");
  }

  @Test
  @Order(5)
  void deliveryBoroughsConfirmTheirCorePartnership() {
    eligible.forEach(this::boroughsConfirm);
    eligible.forEach(ref -> assertThat(status(ref)).as(ref).isEqualTo("AWAITING_EOI_FEEDBACK"));
  }

  @Test
  @Order(6)
  void mopacGivesFeedbackAndTheRejectedEoisProcessEnds() {
    giveFeedback(womensCentres, "ACCEPT", "A strong, well-led partnership.");
    giveFeedback(exploitation, "ACCEPT", "Clear need across three boroughs.");
    giveFeedback(advocates, "ACCEPT", "Fills a gap in advocacy.");
    giveFeedback(throughTheGate, "ACCEPT_WITH_MODIFICATION", "Add a housing partner.");
    giveFeedback(youthDiversion, "ACCEPT", "Develop the evidence base.");
    giveFeedback(
        exitRoutes, "REJECT", "Overlaps with Safe from exploitation; join that partnership.");
    assertThat(status(exitRoutes)).isEqualTo("EOI_REJECTED");
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(exitRoutes)
                .finished()
                .count())
        .as("a rejected EOI's process ends")
        .isOne();
  }

  @Test
  @Order(7)
  void theEoiDeadlineLapsesTheUnrevisedEoiAndRefusesLateOnes() {
    closeTheEoiWindow(pilot);
  }

  @Test
  @Order(8)
  void acceptedApplicantsSubmitFullProposalsAndTheDeadlinePasses() {
    List<String> full =
        List.of(womensCentres, exploitation, advocates, throughTheGate, youthDiversion);
    full.forEach(this::submitFullProposal);
    full.forEach(ref -> assertThat(status(ref)).as(ref).isEqualTo("UNDER_ASSESSMENT"));

    moveTo(at("fullProposalDeadline").plusSeconds(60));
    assertThat(stage()).as("waiting for the last assessment").isEqualTo("ASSESSMENT");
  }

  @Test
  @Order(9)
  void assessorsScoreAndScoresTwoApartWaitForModeration() {
    assess(advocates, "assessor1", 5, 5, 5, 5, 5);
    assess(advocates, "assessor3", 3, 4, 4, 4, 4);
    assess(womensCentres, "assessor1", 5, 5, 4, 5, 4);
    assess(womensCentres, "assessor2", 5, 4, 5, 4, 5);
    assess(exploitation, "assessor2", 4, 4, 4, 4, 4);
    assess(exploitation, "assessor3", 4, 4, 4, 4, 3);
    assess(throughTheGate, "assessor2", 3, 4, 3, 4, 3);
    assess(throughTheGate, "assessor3", 4, 3, 3, 3, 4);
    assess(youthDiversion, "assessor1", 2, 3, 2, 3, 2);
    assess(youthDiversion, "assessor3", 3, 2, 3, 2, 3);
    assertThat(status(advocates))
        .as("assessors 2 apart: moderation first")
        .isEqualTo("UNDER_ASSESSMENT");
    assertThat(stage()).as("one proposal is still being moderated").isEqualTo("ASSESSMENT");
  }

  @Test
  @Order(10)
  void mopacModeratesAndTheLastAssessmentTakesTheRoundToTheDecision() {
    JsonNode moderation = onlyTask("mopac", advocates, "Task_AgreeModeratedScore");
    assertThat(localVariable("mopac", moderation, "taskBrief")).contains("Computed total: **22**");
    complete(
        "mopac",
        moderation,
        "moderatedTotal",
        20.5,
        "moderationNote",
        "Strategic fit overstated by one assessor.");
    run();

    assertThat(stage()).as("the last assessment woke the round").isEqualTo("FUNDING_DECISION");
    assertScores(
        Map.of(
            womensCentres,
            "23.0",
            exploitation,
            "19.5",
            advocates,
            "20.5",
            throughTheGate,
            "17.0",
            youthDiversion,
            "12.5"));
    assertThat(proposal(womensCentres, "applicant1").get("totalScore").isNull())
        .as("scores are for the panel")
        .isTrue();
  }

  @Test
  @Order(11)
  void theRecommendationFundsTheCheaperFemaleOffendingProposalToStayWithinThePot() {
    // Three priorities need the CSE and sexual violence proposals and a female offending one; with
    // the best-scored Women's centres they would cost £3.6m, over the £3.5m pot: the cheaper one is
    // funded.
    JsonNode recommended = round("mopac").get("recommendedPortfolio");
    assertThat(texts(recommended.get("funded")))
        .containsExactly(exploitation, advocates, throughTheGate);
    assertThat(texts(recommended.get("deferred"))).containsExactly(womensCentres);
    assertThat(texts(recommended.get("notFunded"))).containsExactly(youthDiversion);
    assertThat(texts(recommended.get("flags"))).isEmpty();
    assertThat(recommended.get("totalCost").asLong()).isEqualTo(3_200_000L);
    assertThat(recommended.get("prioritiesCovered").asInt()).isEqualTo(3);
    assertThat(round("applicant1").get("recommendedPortfolio").isNull())
        .as("applicants do not see it")
        .isTrue();
  }

  @Test
  @Order(12)
  void thePanelMustSayWhyItDepartsFromTheRecommendationAndThenDecides() {
    decideFunding(
        List.of(womensCentres, exploitation, throughTheGate),
        advocates,
        List.of(exploitation, advocates, throughTheGate),
        womensCentres);
  }

  @Test
  @Order(13)
  void leadersSignOffTheAwardsAndEveryProposalHasItsOutcome() {
    signOffAwards();

    assertThat(status(exploitation)).isEqualTo("FUNDED");
    assertThat(status(advocates)).isEqualTo("FUNDED");
    assertThat(status(throughTheGate)).isEqualTo("FUNDED");
    assertThat(status(womensCentres)).isEqualTo("DEFERRED");
    assertThat(status(youthDiversion)).isEqualTo("NOT_FUNDED");
    assertThat(status(exitRoutes)).isEqualTo("EOI_REJECTED");
    assertThat(status(pilot)).isEqualTo("LAPSED");
    assertThat(proposal(advocates).get("decision").get("awardedAmount").asLong())
        .isEqualTo(1_500_000L);
    assertThat(proposal(advocates, "applicant1").get("decisionReference").asText())
        .isEqualTo("PCD 310");
    assertThat(proposal(womensCentres).get("decisionReference").isNull()).isTrue();
    assertThat(proposal(womensCentres, "applicant1").get("decision").get("outcome").asText())
        .isEqualTo("DEFERRED");
    assertThat(proposal(youthDiversion).get("decision").get("awardedAmount").isNull()).isTrue();
  }

  @Test
  @Order(14)
  void theAnnouncedRoundShowsTheDecisionAndCarriesForwardTheUncoveredPriority() {
    JsonNode announced = round("applicant2");
    assertThat(announced.get("stage").asText()).isEqualTo("ANNOUNCED");
    assertThat(texts(announced.get("decision").get("funded")))
        .containsExactlyInAnyOrder(exploitation, advocates, throughTheGate);
    assertThat(texts(announced.get("decision").get("deferred"))).containsExactly(womensCentres);
    assertThat(announced.get("decision").get("rationale").asText()).startsWith("As recommended");
    assertThat(texts(announced.get("carriedForwardPriorities"))).containsExactly("YOUTH_OFFENDING");
    assertThat(announced.get("proposalCounts"))
        .isEqualTo(
            JSON.valueToTree(
                Map.of(
                    "FUNDED", 3, "DEFERRED", 1, "NOT_FUNDED", 1, "EOI_REJECTED", 1, "LAPSED", 1)));
  }

  @Test
  @Order(15)
  void everyEmailOfTheRoundWentToExactlyTheRightPeople() {
    assertEveryEmail(
        eligible,
        pilot,
        Map.of(
            womensCentres,
            "deferred to the next tranche",
            exploitation,
            "funded, £900,000",
            advocates,
            "funded, £1,500,000",
            throughTheGate,
            "funded, £800,000",
            youthDiversion,
            "not funded"));
  }

  @Test
  @Order(16)
  void theNextTrancheStartsWithWhatWasCarriedForwardAndInvitesTheDeferredApplicant() {
    openTheNextTranche(womensCentres);
  }

  // ---- the round's steps, each as its role takes it

  private void openRound() {
    createTheFund();
    Response created =
        http.post(
            "/api/rounds",
            "mopac",
            roundRequest(
                roundId,
                roundName,
                Fixtures.NOW,
                List.of(
                    Map.of("code", "CSE", "title", "Child sexual exploitation"),
                    Map.of("code", "FEMALE_OFFENDING", "title", "Female offending"),
                    Map.of("code", "SEXUAL_VIOLENCE", "title", "Sexual violence"),
                    Map.of("code", "YOUTH_OFFENDING", "title", "Youth offending"),
                    Map.of("code", "GANGS", "title", "Gangs and serious youth violence")),
                null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/rounds/" + roundId);
    track(roundId);
    run();
    assertThat(stage()).isEqualTo("PRIORITIES_CONSULTATION");
  }

  /**
   * Westminster and Camden comment; the other 30 boroughs have nobody here: the deadline closes it.
   */
  private void consultBoroughsUntilTheDeadline() {
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(roundId)
                .taskDefinitionKey("Task_CommentOnPriorities")
                .count())
        .as("one per borough")
        .isEqualTo(32);
    complete(
        "westminster",
        onlyTask("westminster", roundId, "Task_CommentOnPriorities"),
        "priorityComments",
        "Keep youth offending on the list: our gap is there.");
    complete(
        "camden",
        onlyTask("camden", roundId, "Task_CommentOnPriorities"),
        "priorityComments",
        "Child sexual exploitation is our first concern.");
    run();
    assertThat(stage()).as("30 boroughs have not answered").isEqualTo("PRIORITIES_CONSULTATION");

    moveTo(at("consultationDeadline").plusSeconds(60));
    assertThat(stage()).isEqualTo("SHORTLISTING");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(roundId)
                .taskDefinitionKey("Task_CommentOnPriorities")
                .count())
        .as("closed at the deadline")
        .isZero();
  }

  private void agreeShortlistAndSignOffProspectus() {
    JsonNode shortlist = onlyTask("mopac", roundId, "Task_AgreeShortlist");
    assertThat(localVariable("mopac", shortlist, "taskBrief"))
        .contains("Boroughs' comments** (2 of 32)")
        .contains("Westminster: Keep youth offending on the list")
        .contains("Camden: Child sexual exploitation");
    complete("mopac", shortlist, "shortlist", SHORTLIST);
    run();

    // The working group reviews MOPAC's draft; its comments reach MOPAC and the Leaders.
    JsonNode review = onlyTask("wg", roundId, "Task_ReviewShortlist");
    assertThat(localVariable("wg", review, "taskBrief")).contains("MOPAC's draft short list");
    complete("wg", review, "workingGroupComments", "Four priorities, as the seed recommends.");
    run();
    assertThat(stage()).isEqualTo("PROSPECTUS_SIGN_OFF");
    assertThat(round("mopac").get("workingGroupComments").asText())
        .isEqualTo("Four priorities, as the seed recommends.");
    assertThat(round("applicant1").get("workingGroupComments").isNull())
        .as("the working group's advice is for MOPAC and the Leaders")
        .isTrue();

    JsonNode prospectus = onlyTask("leaders", roundId, "Task_SignOffProspectus");
    assertThat(localVariable("leaders", prospectus, "taskBrief"))
        .contains("Four priorities, as the seed recommends.");
    complete("leaders", prospectus, "prospectusApproved", true);
    run();
    JsonNode published = round("applicant1");
    assertThat(published.get("stage").asText()).isEqualTo("OPEN_FOR_EOIS");
    assertThat(texts(published.get("shortlist"))).containsExactlyElementsOf(SHORTLIST);
  }

  private void closeTheEoiWindow(String notEligible) {
    assertThat(status(notEligible)).isEqualTo("NOT_ELIGIBLE");
    moveTo(at("eoiDeadline").plusSeconds(60));
    assertThat(stage()).isEqualTo("FULL_PROPOSALS");
    assertThat(status(notEligible))
        .as("never revised: it lapses at the EOI deadline")
        .isEqualTo("LAPSED");

    Response late =
        http.post(
            "/api/rounds/" + roundId + "/eois",
            "applicant2",
            eoi(
                "Too late",
                "Advance",
                "late@advance.example.org",
                List.of(WESTMINSTER, CAMDEN, ISLINGTON),
                500_000L,
                "CSE"));
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.contentType()).startsWith("application/problem+json");
  }

  /**
   * The panel first departs from the recommendation (within the pot and the project count) without
   * saying why, and is refused; then it decides, with its rationale.
   */
  private void decideFunding(
      List<String> departureFunds, String departureDefers, List<String> funded, String deferred) {
    JsonNode decision = onlyTask("wg", roundId, "Task_DecideFunding");
    Response refused =
        tryComplete(
            "wg",
            decision,
            "fundedReferences",
            departureFunds,
            "deferredReferences",
            departureDefers);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .endsWith(
            ": decisionRationale: is required because the decision departs from the recommended portfolio");
    assertThat(onlyTask("wg", roundId, "Task_DecideFunding").get("id"))
        .as("still open")
        .isEqualTo(decision.get("id"));

    // The funded list as a JSON array, the deferred one as a comma-separated string: both are
    // accepted.
    complete(
        "wg",
        decision,
        "fundedReferences",
        funded,
        "deferredReferences",
        deferred,
        "decisionRationale",
        "As recommended: three priorities within the pot; "
            + eois.get(deferred).title()
            + " goes to tranche 2.");
    run();
    assertThat(stage()).isEqualTo("AWARDS_SIGN_OFF");
  }

  private void signOffAwards() {
    complete("leaders", onlyTask("leaders", roundId, "Task_SignOffAwards"), "awardsApproved", true);
    run();
    assertThat(stage())
        .as("announced only once the decision of record is in")
        .isNotEqualTo("ANNOUNCED");
    complete(
        "mopac",
        onlyTask("mopac", roundId, "Task_RecordDecisionOfRecord"),
        "decisionReference",
        "PCD 310");
    run();
  }

  /** A second tranche follows the first: its long list starts with what was carried forward. */
  private void openTheNextTranche(String deferred) {
    String nextId = Fixtures.newRoundId("E2E-T2");
    String nextName = "Tranche 2 " + nextId;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Object> request =
        roundRequest(
            nextId,
            nextName,
            now,
            List.of(Map.of("code", "GANGS", "title", "Gangs and serious youth violence")),
            roundId);
    Response created = http.post("/api/rounds", "mopac", request);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            StreamSupport.stream(created.json().get("priorityLongList").spliterator(), false)
                .map(p -> p.get("code").asText())
                .toList())
        .containsExactly("YOUTH_OFFENDING", "GANGS");
    assertThat(created.json().get("previousRoundId").asText()).isEqualTo(roundId);
    track(nextId);
    run();
    theFundCountsProjectsAcrossBothTranches(created.json());

    assertMail(
        "NEXT_TRANCHE_INVITATION",
        deferred,
        List.of(contact(deferred)),
        "CoFund: invitation to bid in "
            + nextName
            + " with \""
            + eois.get(deferred).title()
            + "\" ("
            + deferred
            + ")",
        "was deferred to the next tranche",
        "You are invited to bid in " + nextName,
        "£2,000,000 available");
    assertThat(mail.of("NEXT_TRANCHE_INVITATION", nextName))
        .as("only the deferred applicant is invited")
        .hasSize(1);
  }

  // ---- the fund

  /**
   * The round draws on a fund of its own, so that the fund-wide figures count this scenario only:
   * five years from 2026/27, £10m a year, 30% co-commissioned.
   */
  private void createTheFund() {
    List<Map<String, Object>> years = new ArrayList<>();
    for (String year : List.of("2026/27", "2027/28", "2028/29", "2029/30", "2030/31")) {
      years.add(Map.of("financialYear", year, "total", 10_000_000L, "coCommissioningPercent", 30));
    }
    Response created =
        http.post(
            "/api/funds",
            "mopac",
            Map.of("fundId", fundId, "name", "End-to-end fund " + fundId, "years", years));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("coCommissioningBudget").asLong()).isEqualTo(15_000_000L);
  }

  /**
   * The seed's "5-8 projects" is counted across the fund: tranche 1 funded three, so tranche 2,
   * which names no project range, defaults to what the fund still needs (2 to 5). Tranche 1's
   * awards are charged to their years and what it left unspent is back in the fund; tranche 2's pot
   * is set aside.
   */
  private void theFundCountsProjectsAcrossBothTranches(JsonNode nextRound) {
    assertThat(nextRound.get("fundId").asText()).isEqualTo(fundId);
    assertThat(nextRound.get("minProjects").asInt()).isEqualTo(2);
    assertThat(nextRound.get("maxProjects").asInt()).isEqualTo(5);
    JsonNode fund = http.get("/api/funds/" + fundId, "westminster").json();
    assertThat(fund.get("projects").get("funded").asInt()).isEqualTo(3);
    assertThat(fund.get("projects").get("stillNeeded").get("minProjects").asInt()).isEqualTo(2);
    JsonNode rounds = fund.get("rounds");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(0).get("roundId").asText()).isEqualTo(roundId);
    assertThat(rounds.get(0).get("fundedProjects").asInt()).isEqualTo(3);
    assertThat(rounds.get(0).get("awarded").asLong()).isEqualTo(3_200_000L);
    assertThat(rounds.get(0).get("unspent").asLong()).isEqualTo(POT - 3_200_000L);
    assertThat(rounds.get(1).get("decided").asBoolean()).isFalse();
    assertThat(fund.get("committed").asLong()).isEqualTo(3_200_000L);
    assertThat(fund.get("reserved").asLong()).isEqualTo(2_000_000L);
    assertThat(fund.get("available").asLong()).isEqualTo(15_000_000L - 3_200_000L - 2_000_000L);
  }

  // ---- each proposal's steps

  private String submitEoi(String applicant, EoiForm eoi, boolean eligible) {
    // The lead contacts confirmed their addresses earlier (ContactConfirmationTest shows how).
    contacts.confirm(contacts.token(eoi.leadAgency().contactEmail()));
    Response created = http.post("/api/rounds/" + roundId + "/eois", applicant, eoi);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String reference = created.json().get("reference").asText();
    assertThat(created.header("Location")).isEqualTo("/api/proposals/" + reference);
    assertThat(created.json().get("eligible").asBoolean())
        .as(eoi.title() + " eligible")
        .isEqualTo(eligible);
    eois.put(reference, eoi);
    applicants.put(reference, applicant);
    track(reference);
    run();
    return reference;
  }

  /**
   * Each delivery borough confirms its sign-off: Westminster and Camden themselves, seeing only
   * their own; the boroughs without a demo officer through the administrator.
   */
  private void boroughsConfirm(String reference) {
    List<String> boroughs = eois.get(reference).deliveryBoroughs();
    int others = boroughs.size();
    for (String officer : List.of("westminster", "camden")) {
      String code = officer.equals("westminster") ? WESTMINSTER : CAMDEN;
      List<JsonNode> own = tasks(officer, reference, "Task_ConfirmCorePartner");
      assertThat(own)
          .as(officer + "'s sign-offs of " + reference)
          .hasSize(boroughs.contains(code) ? 1 : 0);
      own.forEach(
          task ->
              complete(
                  officer,
                  task,
                  "corePartnerConfirmed",
                  true,
                  "corePartnerComment",
                  "Confirmed by " + officer + "."));
      others -= own.size();
    }
    List<JsonNode> rest = tasks("admin", reference, "Task_ConfirmCorePartner");
    assertThat(rest).as("sign-offs of boroughs without a demo officer").hasSize(others);
    rest.forEach(task -> complete("admin", task, "corePartnerConfirmed", true));
    run();
  }

  private void giveFeedback(String reference, String outcome, String feedback) {
    complete(
        "mopac",
        onlyTask("mopac", reference, "Task_GiveEoiFeedback"),
        "eoiOutcome",
        outcome,
        "eoiFeedback",
        feedback);
    run();
  }

  private void submitFullProposal(String reference) {
    Response submitted =
        http.put(
            "/api/proposals/" + reference + "/full-proposal",
            applicants.get(reference),
            Fixtures.fullProposal(eois.get(reference)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.json().get("eligible").asBoolean()).isTrue();
    run();
  }

  /** An assessor claims an open assessment of the proposal and scores it. */
  private void assess(String reference, String assessor, int... scores) {
    JsonNode task =
        tasks(assessor, reference, "Task_AssessProposal").stream()
            .filter(t -> t.get("assignee").isNull())
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError("No open assessment of " + reference + " for " + assessor));
    Response claimed =
        http.post(
            "/engine-rest/task/" + task.get("id").asText() + "/claim",
            assessor,
            Map.of("userId", assessor));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    complete(
        assessor,
        task,
        "conflictOfInterest",
        false,
        "scoreStrategicFit",
        scores[0],
        "scoreNeed",
        scores[1],
        "scorePartnership",
        scores[2],
        "scoreDeliverability",
        scores[3],
        "scoreValueForMoney",
        scores[4],
        "assessmentComments",
        assessor + " scored " + reference + ".");
    run();
  }

  // ---- what the test checks

  private void assertScores(Map<String, String> expected) {
    expected.forEach(
        (reference, score) ->
            assertThat(proposal(reference).get("totalScore").decimalValue())
                .as(reference)
                .isEqualByComparingTo(score));
  }

  /** Every email the round caused, by template: exact recipients, subject and key content. */
  private void assertEveryEmail(
      List<String> eligible, String notEligible, Map<String, String> decisions) {
    List<String> everyone =
        DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).map(FundEndToEndTest::email).toList();
    List<Mail> prospectus = mail.of("PROSPECTUS_PUBLISHED", roundName);
    assertThat(prospectus.stream().flatMap(m -> m.to().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(everyone);
    prospectus.forEach(
        m -> {
          assertThat(m.subject())
              .isEqualTo("CoFund: prospectus published for " + roundName + " (tranche 1)");
          assertThat(m.text())
              .contains("£3,500,000", "Child sexual exploitation", "Youth offending")
              .doesNotContain("Gangs");
        });

    for (String ref : eligible) {
      String title = eois.get(ref).title();
      assertMail(
          "EOI_RECEIVED",
          ref,
          List.of(contact(ref)),
          "CoFund: EOI received for \"" + title + "\" (" + ref + ")",
          "covers 3 boroughs");
      assertMail(
          "BOROUGH_SIGN_OFF_REQUESTED",
          ref,
          boroughOfficers(ref),
          "CoFund: please confirm core partnership for \"" + title + "\" (" + ref + ")",
          "core supporting partner");
      String outcome = proposal(ref).get("eoiOutcome").asText();
      assertMail(
          "EOI_FEEDBACK",
          ref,
          List.of(contact(ref)),
          "CoFund: EOI feedback for \""
              + title
              + "\" ("
              + ref
              + "): "
              + switch (outcome) {
                case "ACCEPT" -> "accepted";
                case "ACCEPT_WITH_MODIFICATION" -> "accepted with modification";
                default -> "rejected";
              },
          proposal(ref).get("eoiFeedback").asText());
      if (outcome.equals("REJECT")) {
        assertThat(mail.of("FULL_PROPOSAL_DUE", ref))
            .as("no full proposal after a rejection")
            .isEmpty();
        assertThat(mail.of("ASSESSMENT_REQUESTED", ref)).isEmpty();
        assertThat(mail.of("FUNDING_DECISION", ref)).isEmpty();
        continue;
      }
      assertMail(
          "FULL_PROPOSAL_DUE",
          ref,
          List.of(contact(ref)),
          "CoFund: full proposal due by Friday 31 July 2026 for \"" + title + "\" (" + ref + ")",
          "taskKey=Task_SubmitFullProposal");
      assertMail(
          "ASSESSMENT_REQUESTED",
          ref,
          List.of(
              email("assessor1"),
              email("assessor2"),
              email("assessor3"),
              email("assessor1"),
              email("assessor2"),
              email("assessor3")),
          "CoFund: assessment requested for \"" + title + "\" (" + ref + ")",
          "conflict of interest");
      assertMail(
          "FUNDING_DECISION",
          ref,
          List.of(contact(ref)),
          "CoFund: funding decision for \"" + title + "\" (" + ref + "): " + decisions.get(ref),
          "Mean scores out of 5",
          "The panel's rationale: As recommended");
    }

    String title = eois.get(notEligible).title();
    assertMail(
        "EOI_NOT_ELIGIBLE",
        notEligible,
        List.of(contact(notEligible)),
        "CoFund: EOI \"" + title + "\" (" + notEligible + ") does not meet the criteria yet",
        "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at least 3");
    for (String template : List.of("EOI_RECEIVED", "BOROUGH_SIGN_OFF_REQUESTED", "EOI_FEEDBACK")) {
      assertThat(mail.of(template, notEligible))
          .as(template + " for an EOI never eligible")
          .isEmpty();
    }
  }

  /**
   * The demo officers of the proposal's delivery boroughs; the other boroughs' groups have no
   * members.
   */
  private List<String> boroughOfficers(String reference) {
    List<String> officers = new ArrayList<>();
    List<String> boroughs = eois.get(reference).deliveryBoroughs();
    if (boroughs.contains(WESTMINSTER)) {
      officers.add(email("westminster"));
    }
    if (boroughs.contains(CAMDEN)) {
      officers.add(email("camden"));
    }
    return officers;
  }

  /**
   * Asserts the emails of one template about a proposal or round: exactly these recipients, once
   * each, this subject, and a text that says each of the given things. No recipients means no
   * email.
   */
  private void assertMail(
      String template, String about, List<String> recipients, String subject, String... says) {
    mail.assertSent(template, about, recipients, subject, says);
  }

  // ---- reading

  private String stage() {
    return round("mopac").get("stage").asText();
  }

  private JsonNode round(String user) {
    Response response = http.get("/api/rounds/" + roundId, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private Instant at(String date) {
    return OffsetDateTime.parse(round("mopac").get(date).asText()).toInstant();
  }

  private JsonNode proposal(String reference) {
    return proposal(reference, "mopac");
  }

  private JsonNode proposal(String reference, String user) {
    Response response = http.get("/api/proposals/" + reference, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String status(String reference) {
    return proposal(reference).get("status").asText();
  }

  private String contact(String reference) {
    return eois.get(reference).leadAgency().contactEmail();
  }

  // ---- engine-rest, as each role's client would call it

  private List<JsonNode> tasks(String user, String businessKey, String taskKey) {
    Response response =
        http.get(
            "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
                + "&taskDefinitionKey="
                + taskKey,
            user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    response.json().forEach(found::add);
    return found;
  }

  private JsonNode onlyTask(String user, String businessKey, String taskKey) {
    List<JsonNode> found = tasks(user, businessKey, taskKey);
    assertThat(found).as(user + "'s " + taskKey + " of " + businessKey).hasSize(1);
    return found.get(0);
  }

  private String localVariable(String user, JsonNode task, String name) {
    Response response =
        http.get("/engine-rest/task/" + task.get("id").asText() + "/localVariables/" + name, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("value").asText();
  }

  private void complete(String user, JsonNode task, Object... nameValuePairs) {
    Response response = tryComplete(user, task, nameValuePairs);
    assertThat(response.status())
        .as(user + " completes " + task.get("taskDefinitionKey").asText() + ": " + response.body())
        .isEqualTo(204);
  }

  private Response tryComplete(String user, JsonNode task, Object... nameValuePairs) {
    return http.post(
        "/engine-rest/task/" + task.get("id").asText() + "/complete",
        user,
        Map.of("variables", typed(nameValuePairs)));
  }

  /** Engine-rest's typed variables; a list goes as a JSON array. */
  private static Map<String, Object> typed(Object... nameValuePairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      Object value = nameValuePairs[i + 1];
      String type =
          value instanceof Boolean
              ? "Boolean"
              : value instanceof Integer
                  ? "Integer"
                  : value instanceof Double ? "Double" : value instanceof List ? "Json" : "String";
      variables.put(
          (String) nameValuePairs[i],
          Map.of("value", value instanceof List<?> list ? json(list) : value, "type", type));
    }
    return variables;
  }

  // ---- time and jobs

  private void track(String businessKey) {
    instances.add(
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId());
  }

  private void run() {
    jobs.runDueJobsWithoutFailures(instances.toArray(String[]::new));
  }

  private void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    run();
  }

  // ---- data

  private Map<String, Object> roundRequest(
      String id,
      String name,
      Instant from,
      List<Map<String, String>> longList,
      String previousRoundId) {
    OffsetDateTime start = from.atOffset(ZoneOffset.ofHours(1));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("roundId", id);
    request.put("name", name);
    request.put("tranche", previousRoundId == null ? 1 : 2);
    request.put("potAmount", previousRoundId == null ? POT : 2_000_000L);
    request.put("fundId", fundId);
    if (previousRoundId == null) {
      request.put("minProjects", 2);
      request.put("maxProjects", 3);
    }
    request.put("assessorsPerProposal", 2);
    request.put("fundableThreshold", 15);
    request.put("priorityLongList", longList);
    request.put("consultationDeadline", start.plus(Duration.ofDays(7)).toString());
    request.put("eoiDeadline", start.plus(Duration.ofDays(30)).toString());
    request.put("fullProposalDeadline", start.plus(Duration.ofDays(60)).toString());
    request.put("decisionDate", start.plus(Duration.ofDays(90)).toString());
    request.put("serviceStartDate", start.plus(Duration.ofDays(180)).toString());
    if (previousRoundId != null) {
      request.put("previousRoundId", previousRoundId);
    }
    return request;
  }

  private static EoiForm eoi(
      String title,
      String lead,
      String contact,
      List<String> boroughs,
      long amount,
      String... themes) {
    return Fixtures.ledBy(
        Fixtures.eoi(title, contact, boroughs, amount, List.of(themes)), lead, contact);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private static String email(String user) {
    return user + "@" + DemoUsers.EMAIL_DOMAIN;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
