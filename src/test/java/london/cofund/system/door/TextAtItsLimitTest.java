package london.cofund.system.door;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.assessment.AssessmentService;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.BidForm.LeadAgencyForm;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundRepository;
import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
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
 * Every text field at its documented limit, written in 4-byte characters (each one character to a
 * person, two to Java and four to UTF-8), goes through a whole round and bid over HTTP with no 5xx,
 * and is stored whole; one character more is a 400 naming the field. Before the door guard, a
 * 4,000-character summary on a bid that failed screening answered 500.
 */
@CoFundSpringTest
class TextAtItsLimitTest {

  /** U+1D4D2, MATHEMATICAL BOLD SCRIPT CAPITAL C: outside the Basic Multilingual Plane. */
  static final String WIDE = new String(Character.toChars(0x1D4D2));

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProposalService proposals;
  @Autowired AssessmentService assessments;
  @Autowired RoundService rounds;
  @Autowired RoundRepository roundRecords;
  @Autowired TaskService tasks;

  HttpApi http;
  FundDriver fund;
  final List<Response> responses = new ArrayList<>();

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

  /** {@code length} characters, each of them a 4-byte one, starting with a readable label. */
  static String text(String label, int length) {
    StringBuilder text = new StringBuilder(label);
    for (int i = label.length(); i < length; i++) {
      text.append(WIDE);
    }
    return text.toString();
  }

  @Test
  void everyTextFieldAtItsLimitGoesThroughTheLifecycleWithoutA500() {
    // The round, opened over the API with its name at 200 characters.
    String roundId = Fixtures.newRoundId("TXT");
    ObjectNode request = HttpApi.jsonOf(Fixtures.round(roundId, Fixtures.NOW, 5_000_000L));
    request.put("name", text("Round ", 200));
    ok(http.post("/api/rounds", "mopac", request), 201);
    fund.instance(roundId);
    fund.run();

    // Consultation: a comment of 4,000 characters is taken; one of 4,001 is refused.
    String comment = text("Westminster ", 4000);
    Task westminster = borough(roundId, "E09000033");
    Task camden = borough(roundId, "E09000007");
    refused(
        http.completeTask(
            camden.getId(), "camden", FundingRoundProcess.VAR_PRIORITY_COMMENTS, comment + "x"),
        FundingRoundProcess.VAR_PRIORITY_COMMENTS);
    ok(
        http.completeTask(
            westminster.getId(), "westminster", FundingRoundProcess.VAR_PRIORITY_COMMENTS, comment),
        204);
    assertThat(roundRecords.comments(roundId))
        .singleElement()
        .satisfies(c -> assertThat(c.comment()).isEqualTo(comment));
    fund.moveTo(rounds.get(roundId).dates().consultationDeadline().toInstant().plusSeconds(1));
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_AGREE_SHORTLIST),
        FundingRoundProcess.VAR_SHORTLIST,
        "FEMALE_OFFENDING");
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_REVIEW_SHORTLIST).getId(),
            "wg",
            FundingRoundProcess.VAR_WORKING_GROUP_COMMENTS,
            text("Working group ", 4000)),
        204);
    fund.run();
    String signOff = text("Leaders ", 4000);
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_PROSPECTUS).getId(),
            "leaders",
            FundingRoundProcess.VAR_PROSPECTUS_APPROVED,
            true,
            FundingRoundProcess.VAR_SIGN_OFF_COMMENTS,
            signOff),
        204);
    fund.run();
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_RECORD_MARKET_DEVELOPMENT).getId(),
            "mopac",
            FundingRoundProcess.VAR_SESSION_DATE,
            "2026-06-10T10:00:00+01:00",
            FundingRoundProcess.VAR_ATTENDING_ORGANISATIONS,
            "Advance, London CRC",
            FundingRoundProcess.VAR_SESSION_NOTES,
            text("Notes ", 8000)),
        204);

    // The EOI, every text at its limit; two boroughs only, so it fails screening and is revised.
    EoiForm eligible = longEoi(Fixtures.eligibleEoi("x", FundDriver.CONTACT));
    EoiForm twoBoroughs = longEoi(Fixtures.twoBoroughEoi("x", FundDriver.CONTACT));
    ObjectNode tooLong = HttpApi.jsonOf(twoBoroughs);
    tooLong.put("summary", eligible.summary() + "x");
    refused(http.post("/api/rounds/" + roundId + "/eois", "applicant1", tooLong), "summary");
    Response submitted =
        ok(http.post("/api/rounds/" + roundId + "/eois", "applicant1", twoBoroughs), 201);
    String ref = submitted.json().get("reference").asText();
    fund.instance(ref);
    fund.run();
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
    ok(
        http.completeTask(
            fund.task(ref, TASK_REVISE_EOI).getId(),
            "applicant1",
            VAR_EOI,
            HttpApi.jsonOf(eligible).toString()),
        204);
    fund.run();
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
    assertThat(proposals.get(ref).eoi().summary()).isEqualTo(eligible.summary());

    // Sign-off, feedback and the full proposal, each with text at its limit.
    String partnerComment = text("Partner ", 4000);
    for (Task task : fund.tasks(ref, TASK_CONFIRM_CORE_PARTNER)) {
      ok(
          http.completeTask(
              task.getId(),
              "admin",
              VAR_CORE_PARTNER_CONFIRMED,
              true,
              VAR_CORE_PARTNER_COMMENT,
              partnerComment),
          204);
    }
    fund.run();
    ok(
        http.completeTask(
            fund.task(ref, TASK_GIVE_EOI_FEEDBACK).getId(),
            "mopac",
            VAR_EOI_OUTCOME,
            "ACCEPT",
            VAR_EOI_FEEDBACK,
            text("Feedback ", 4000)),
        204);
    fund.run();
    FullProposalForm full = longFullProposal(eligible);
    ok(http.put("/api/proposals/" + ref + "/full-proposal", "applicant1", full), 200);
    fund.run();
    assertThat(proposals.get(ref).fullProposal().risks()).isEqualTo(full.risks());

    // Two assessors two apart, with comments at 8,000 characters; then moderation.
    String[] assessors = {"assessor1", "assessor2"};
    int[] score = {5, 3};
    for (int i = 0; i < 2; i++) {
      Task slot =
          fund.tasks(ref, TASK_ASSESS_PROPOSAL).stream()
              .filter(t -> t.getAssignee() == null)
              .findFirst()
              .orElseThrow();
      ok(http.claimTask(slot.getId(), assessors[i]), 204);
      Object[] scores =
          FundDriver.scores(assessors[i], score[i], score[i], score[i], score[i], score[i]);
      scores[scores.length - 1] = text(assessors[i] + " ", 8000);
      ok(http.completeTask(slot.getId(), assessors[i], scores), 204);
      fund.run();
    }
    assertThat(assessments.of(ref)).allSatisfy(a -> assertThat(a.toString()).contains(WIDE));
    ok(
        http.completeTask(
            fund.task(ref, TASK_AGREE_MODERATED_SCORE).getId(),
            "mopac",
            VAR_MODERATED_TOTAL,
            20,
            VAR_MODERATION_NOTE,
            text("Moderation ", 4000)),
        204);
    fund.run();
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.ASSESSED);

    // The panel decides with a rationale at its limit, and the Leaders' Committee signs off.
    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING).getId(),
            "wg",
            FundingRoundProcess.VAR_FUNDED_REFERENCES,
            ref,
            FundingRoundProcess.VAR_DECISION_RATIONALE,
            text("Rationale ", 8000)),
        204);
    fund.run();
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS).getId(),
            "leaders",
            FundingRoundProcess.VAR_AWARDS_APPROVED,
            true,
            FundingRoundProcess.VAR_SIGN_OFF_COMMENTS,
            signOff),
        204);
    fund.run();
    String decisionReference = "PCD " + "3".repeat(56);
    ok(
        http.completeTask(
            fund.task(roundId, FundingRoundProcess.TASK_RECORD_DECISION_OF_RECORD).getId(),
            "mopac",
            FundingRoundProcess.VAR_DECISION_REFERENCE,
            decisionReference),
        204);
    fund.run();
    assertThat(rounds.get(roundId).stage()).isEqualTo(RoundStage.ANNOUNCED);
    assertThat(proposals.get(ref).decisionReference()).isEqualTo(decisionReference);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.FUNDED);
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isLessThan(500));
  }

  private static EoiForm longEoi(EoiForm eoi) {
    return new EoiForm(
        text("Title ", 200),
        text("Summary ", 4000),
        eoi.scope(),
        eoi.deliveryBoroughs(),
        eoi.basedOutsideLondon(),
        eoi.outsideLondonLocation(),
        eoi.benefitsLondonersOnly(),
        new LeadAgencyForm(
            text("Lead ", 200),
            eoi.leadAgency().type(),
            text("Contact ", 200),
            eoi.leadAgency().contactEmail(),
            null),
        eoi.partners(),
        eoi.priorityThemes(),
        eoi.requestedAmount(),
        eoi.durationMonths(),
        text("Leadership ", 8000));
  }

  private static FullProposalForm longFullProposal(EoiForm eoi) {
    FullProposalForm base = Fixtures.fullProposal(eoi);
    return new FullProposalForm(
        base.title(),
        base.summary(),
        base.scope(),
        base.deliveryBoroughs(),
        base.basedOutsideLondon(),
        base.outsideLondonLocation(),
        base.benefitsLondonersOnly(),
        base.leadAgency(),
        base.partners(),
        base.priorityThemes(),
        base.requestedAmount(),
        base.durationMonths(),
        base.leadershipStatement(),
        base.budget(),
        text("Outcomes ", 8000),
        text("Delivery ", 8000),
        text("Risks ", 8000));
  }

  private Response ok(Response response, int status) {
    responses.add(response);
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response;
  }

  private void refused(Response response, String field) {
    responses.add(response);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field).contains("4000");
  }

  private Task borough(String roundId, String gssCode) {
    return fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES).stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> ("borough-" + gssCode).equals(l.getGroupId())))
        .findFirst()
        .orElseThrow();
  }
}
