package london.cofund.system.door;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.assessment.AssessmentService;
import london.cofund.borough.LondonBorough;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundRepository;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The attacks of the trust issue through engine-rest (and its submit-form, Tasklist's path), one
 * test per hole, each as the roles would try it over HTTP. Each asserts that the attack is refused
 * with a 4xx that says why, and that the records are as they were.
 */
@CoFundSpringTest
class EngineDoorAttackTest {

  static final List<String> SHORTLIST = List.of("CSE", "FEMALE_OFFENDING");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProposalService proposals;
  @Autowired AssessmentService assessments;
  @Autowired RoundRepository roundRecords;
  @Autowired london.cofund.round.RoundService rounds;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  HttpApi http;
  FundDriver fund;
  String roundId;

  @BeforeEach
  void openRound() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
    fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("DG"), Fixtures.NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anUndeclaredVariableCannotPointATaskAtAnotherApplicantsBid() {
    fund.publish(roundId, SHORTLIST);
    String mine =
        fund.submit(roundId, Fixtures.twoBoroughEoi("Mine", FundDriver.CONTACT), "applicant1");
    String theirs =
        fund.submit(roundId, Fixtures.eligibleEoi("Theirs", FundDriver.CONTACT), "applicant2");
    fund.confirmEveryBorough(theirs);
    fund.feedback(theirs, "ACCEPT", "Develop it.");
    assertThat(proposals.get(theirs).status()).isEqualTo(ProposalStatus.FULL_PROPOSAL_DUE);
    Task revise = fund.task(mine, TASK_REVISE_EOI);
    String eoi = HttpApi.jsonOf(Fixtures.eligibleEoi("Mine", FundDriver.CONTACT)).toString();

    Response completed =
        http.completeTask(revise.getId(), "applicant1", VAR_REFERENCE, theirs, VAR_EOI, eoi);
    Response submitted =
        http.post(
            "/engine-rest/task/" + revise.getId() + "/submit-form",
            "applicant1",
            Map.of("variables", HttpApi.engineVariables(VAR_REFERENCE, theirs, VAR_EOI, eoi)));

    for (Response refused : List.of(completed, submitted)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(VAR_REFERENCE).contains("not a field");
    }
    assertThat(proposals.get(theirs).status()).isEqualTo(ProposalStatus.FULL_PROPOSAL_DUE);
    assertThat(proposals.get(mine).status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
    assertThat(fund.task(mine, TASK_REVISE_EOI).getId()).isEqualTo(revise.getId());
    assertThat(runtime.getVariable(fund.instance(mine).getId(), VAR_REFERENCE)).isEqualTo(mine);
  }

  @Test
  void aBoroughCannotCommentAsAnotherBorough() {
    Task westminsters =
        boroughTask(
            fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES), "E09000033");

    Response refused =
        http.completeTask(
            westminsters.getId(),
            "westminster",
            FundingRoundProcess.VAR_BOROUGH_GROUP,
            LondonBorough.CAMDEN.groupId(),
            FundingRoundProcess.VAR_PRIORITY_COMMENTS,
            "Camden withdraws its support.");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(FundingRoundProcess.VAR_BOROUGH_GROUP);
    assertThat(roundRecords.comments(roundId)).isEmpty();

    Response own =
        http.completeTask(
            westminsters.getId(),
            "westminster",
            FundingRoundProcess.VAR_PRIORITY_COMMENTS,
            "Westminster supports the long list.");
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    assertThat(roundRecords.comments(roundId))
        .singleElement()
        .satisfies(c -> assertThat(c.toString()).contains("E09000033").doesNotContain("E09000007"));
  }

  @Test
  void aBoroughCannotDeclineForAnotherBorough() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.submit(roundId, Fixtures.eligibleEoi("Shared", FundDriver.CONTACT), "applicant1");
    Task westminsters = boroughTask(fund.tasks(ref, TASK_CONFIRM_CORE_PARTNER), "E09000033");

    Response refused =
        http.completeTask(
            westminsters.getId(),
            "westminster",
            VAR_CORE_PARTNER_GROUP,
            LondonBorough.CAMDEN.groupId(),
            VAR_CORE_PARTNER_CONFIRMED,
            false,
            VAR_CORE_PARTNER_COMMENT,
            "Camden declines.");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(VAR_CORE_PARTNER_GROUP);
    assertThat(proposals.signOffs(ref)).isEmpty();
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
  }

  @Test
  void oneClaimsOnlyForOneselfAndCompletesOnlyOnesOwnClaim() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.submit(roundId, Fixtures.eligibleEoi("Claimed", FundDriver.CONTACT), "applicant1");
    Task signOff = boroughTask(fund.tasks(ref, TASK_CONFIRM_CORE_PARTNER), "E09000033");

    Response forApplicant =
        http.post(
            "/engine-rest/task/" + signOff.getId() + "/claim",
            "westminster",
            Map.of("userId", "applicant1"));
    assertThat(forApplicant.status()).as(forApplicant.body()).isEqualTo(403);
    assertThat(forApplicant.body()).contains("one claims only for oneself");
    assertThat(tasks.createTaskQuery().taskId(signOff.getId()).singleResult().getAssignee())
        .isNull();

    fund.confirmEveryBorough(ref);
    fund.feedback(ref, "ACCEPT", "Develop it.");
    fund.submitFullProposal(ref);
    List<Task> slots = fund.tasks(ref, TASK_ASSESS_PROPOSAL);
    Task slot = slots.get(0);

    Response handedOver =
        http.post(
            "/engine-rest/task/" + slot.getId() + "/claim",
            "assessor2",
            Map.of("userId", "applicant1"));
    assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(403);
    assertThat(http.claimTask(slot.getId(), "assessor1").status()).isEqualTo(204);

    Response unclaimed =
        http.post("/engine-rest/task/" + slot.getId() + "/unclaim", "assessor2", Map.of());
    Response reassigned =
        http.post(
            "/engine-rest/task/" + slot.getId() + "/assignee",
            "assessor2",
            Map.of("userId", "assessor2"));
    Response completed =
        http.completeTask(slot.getId(), "assessor2", FundDriver.scores("assessor2", 5, 5, 5, 5, 5));
    for (Response refused : List.of(unclaimed, reassigned, completed)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }
    assertThat(completed.body()).contains("only its assignee may complete it");
    assertThat(tasks.createTaskQuery().taskId(slot.getId()).singleResult().getAssignee())
        .isEqualTo("assessor1");
    assertThat(assessments.of(ref)).isEmpty();

    // An administrator may reassign, and Camunda's user operation log records who did it.
    Response byAdmin =
        http.post(
            "/engine-rest/task/" + slot.getId() + "/assignee",
            "admin",
            Map.of("userId", "assessor3"));
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(204);
    assertThat(
            history
                .createUserOperationLogQuery()
                .taskId(slot.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN)
                .userId("admin")
                .count())
        .isEqualTo(1);
  }

  @Test
  void theProcessesOwnSignalsAreNotAUsersToSend() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.submit(roundId, Fixtures.twoBoroughEoi("Mine", FundDriver.CONTACT), "applicant1");
    Task revise = fund.task(ref, TASK_REVISE_EOI);
    String task = "/engine-rest/task/" + revise.getId();
    String instance = "/engine-rest/process-instance/" + fund.instance(ref).getId();

    List<Response> attempts =
        List.of(
            http.post(task + "/bpmnError", "applicant1", Map.of("errorCode", "WITHDRAWN")),
            http.post(task + "/bpmnEscalation", "applicant1", Map.of("escalationCode", "LATE")),
            http.post(task + "/delegate", "applicant1", Map.of("userId", "applicant2")),
            http.post(task + "/resolve", "applicant1", Map.of("variables", Map.of())),
            http.put(task + "/variables/proposalReference", "applicant1", Map.of("value", "X-001")),
            http.post(
                task + "/localVariables",
                "applicant1",
                Map.of("modifications", HttpApi.engineVariables("eligible", true))),
            http.post(
                instance + "/variables",
                "applicant1",
                Map.of("modifications", HttpApi.engineVariables("eligible", true))),
            http.post(
                task + "/identity-links",
                "applicant1",
                Map.of("groupId", "applicants", "type", "candidate")));

    for (Response refused : attempts) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }
    assertThat(fund.task(ref, TASK_REVISE_EOI).getId()).isEqualTo(revise.getId());
    assertThat(runtime.getVariable(fund.instance(ref).getId(), VAR_ELIGIBLE)).isEqualTo(false);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
  }

  @Test
  void anUnhandledBpmnErrorIsRefusedInsteadOfSilentlyEndingTheProcess() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.submit(roundId, Fixtures.twoBoroughEoi("Mine", FundDriver.CONTACT), "applicant1");
    Task revise = fund.task(ref, TASK_REVISE_EOI);

    Response byAdmin =
        http.post(
            "/engine-rest/task/" + revise.getId() + "/bpmnError",
            "admin",
            Map.of("errorCode", "WITHDRAWN"));

    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(400);
    assertThat(byAdmin.body()).contains("WITHDRAWN");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).count())
        .isEqualTo(1);
    assertThat(fund.task(ref, TASK_REVISE_EOI).getId()).isEqualTo(revise.getId());
  }

  @Test
  void messageCorrelationGivesTheSameAnswerWhetherOrNotItWouldMatch() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.submit(roundId, Fixtures.eligibleEoi("Mine", FundDriver.CONTACT), "applicant1");

    Response matching =
        http.post(
            "/engine-rest/message",
            "applicant1",
            Map.of("messageName", MESSAGE_WITHDRAWN, "businessKey", ref));
    Response wrongKey =
        http.post(
            "/engine-rest/message",
            "applicant1",
            Map.of("messageName", MESSAGE_WITHDRAWN, "businessKey", "NOPE-001"));
    Response wrongName =
        http.post(
            "/engine-rest/message",
            "applicant1",
            Map.of("messageName", "NoSuchMessage", "businessKey", ref));
    Response decision =
        http.post(
            "/engine-rest/message",
            "mopac",
            Map.of(
                "messageName",
                MESSAGE_FUNDING_DECISION,
                "businessKey",
                ref,
                "processVariables",
                HttpApi.engineVariables(VAR_FUNDING_OUTCOME, "FUNDED")));

    for (Response refused : List.of(matching, wrongKey, wrongName)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).isEqualTo(matching.body());
    }
    assertThat(decision.status()).isEqualTo(403);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
  }

  @Test
  void aRoundCannotBeRegisteredTwiceThroughEngineRest() {
    String definition = "/engine-rest/process-definition/key/" + FundingRoundProcess.KEY;
    Map<String, Object> form = startForm(roundId);
    Map<String, Object> flagged = new java.util.LinkedHashMap<>(form);
    flagged.putAll(HttpApi.engineVariables(FundingRoundProcess.VAR_REGISTERED, true));

    Response withFlag =
        http.post(definition + "/submit-form", "mopac", Map.of("variables", flagged));
    Response again = http.post(definition + "/submit-form", "mopac", Map.of("variables", form));
    Response started = http.post(definition + "/start", "mopac", Map.of("variables", flagged));

    assertThat(withFlag.status()).as(withFlag.body()).isEqualTo(400);
    assertThat(withFlag.body()).contains(FundingRoundProcess.VAR_REGISTERED);
    assertThat(again.status()).as(again.body()).isEqualTo(400);
    assertThat(again.body()).contains("already exists");
    assertThat(started.status()).as(started.body()).isEqualTo(400);
    assertThat(started.body()).contains(FundingRoundProcess.VAR_REGISTERED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(roundId).count())
        .isEqualTo(1);
  }

  @Test
  void aRoundStartedThroughEngineRestRunsTheChecksOfTheApi() {
    String definition = "/engine-rest/process-definition/key/" + FundingRoundProcess.KEY;
    String byStart = Fixtures.newRoundId("ST");
    String byForm = Fixtures.newRoundId("SF");
    Map<String, Object> outOfOrder = new java.util.LinkedHashMap<>(startForm(byStart));
    outOfOrder.putAll(
        HttpApi.engineVariables(FundingRoundProcess.VAR_EOI_DEADLINE, "2026-06-15T17:00:00+01:00"));

    Response refused = http.post(definition + "/start", "mopac", Map.of("variables", outOfOrder));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(FundingRoundProcess.VAR_EOI_DEADLINE);
    assertThat(rounds.find(byStart)).isEmpty();

    Response started =
        http.post(definition + "/start", "mopac", Map.of("variables", startForm(byStart)));
    Response submitted =
        http.post(definition + "/submit-form", "mopac", Map.of("variables", startForm(byForm)));
    for (Response ok : List.of(started, submitted)) {
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
    for (String id : List.of(byStart, byForm)) {
      assertThat(rounds.get(id).createdBy()).isEqualTo("mopac");
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aProposalProcessIsNeverStartedByHand() {
    Response started =
        http.post(
            "/engine-rest/process-definition/key/" + KEY + "/start",
            "applicant1",
            Map.of(
                "businessKey",
                roundId + "-999",
                "variables",
                HttpApi.engineVariables(VAR_ROUND_ID, roundId)));
    assertThat(started.status()).as(started.body()).isIn(403);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(roundId + "-999")
                .count())
        .isZero();
  }

  private static Map<String, Object> startForm(String roundId) {
    return HttpApi.engineVariables(
        FundingRoundProcess.VAR_ROUND_ID,
        roundId,
        "name",
        "Twice",
        "tranche",
        1,
        "potAmount",
        1_000_000,
        "priorityLongList",
        "CSE: Child sexual exploitation",
        FundingRoundProcess.VAR_CONSULTATION_DEADLINE,
        "2026-07-01T17:00:00+01:00",
        FundingRoundProcess.VAR_EOI_DEADLINE,
        "2026-08-01T17:00:00+01:00",
        FundingRoundProcess.VAR_FULL_PROPOSAL_DEADLINE,
        "2026-09-01T17:00:00+01:00",
        FundingRoundProcess.VAR_DECISION_DATE,
        "2026-10-01T17:00:00+01:00",
        FundingRoundProcess.VAR_SERVICE_START_DATE,
        "2027-04-01T09:00:00+01:00");
  }

  private Task boroughTask(List<Task> candidates, String gssCode) {
    return candidates.stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> ("borough-" + gssCode).equals(l.getGroupId())))
        .findFirst()
        .orElseThrow();
  }
}
