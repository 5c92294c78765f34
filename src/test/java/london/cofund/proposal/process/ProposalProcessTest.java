package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.Mailbox;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.process.RefusedTaskInput;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code proposal} process, one test per path, against the real application: real delegates,
 * real task rules, real SMTP into the sink. The job executor is off; jobs run by hand and time
 * moves by the engine clock. Rounds are opened directly (no fundingRound process) so that each path
 * is tested alone.
 */
@CoFundSpringTest
class ProposalProcessTest {

  static final CurrentUser APPLICANT = new CurrentUser("applicant1", Set.of(Roles.APPLICANTS));
  static final String CONTACT = FundDriver.CONTACT;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired ProposalSteps steps;
  @Autowired GreenMail sink;

  @Autowired org.springframework.context.ApplicationContext context;

  FundDriver fund;
  Mailbox mail;
  Round round;

  @BeforeEach
  void openRound() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    fund = new FundDriver(context);
    mail = new Mailbox(sink);
    String roundId = Fixtures.newRoundId("PP");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");
    rounds.agreeShortlist(
        roundId, List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(roundId);
    round = rounds.get(roundId);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eligibleEoiIsFundedAndTheServiceStarts() {
    String ref = submit(Fixtures.eligibleEoi("Women's centres", CONTACT));
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
    Assertions.assertThat(proposal(ref).eligible()).isTrue();
    assertMail(
        ref,
        "EOI_RECEIVED",
        List.of(CONTACT),
        "CoFund: EOI received for \"Women's centres\" (" + ref + ")",
        "requesting £1,200,000",
        "Met: ",
        "covers 3 boroughs (Camden, Islington, Westminster)");
    // Islington's group has no members in the demo: its request is logged and skipped.
    assertMail(
        ref,
        "BOROUGH_SIGN_OFF_REQUESTED",
        List.of(demo("westminster"), demo("camden")),
        "CoFund: please confirm core partnership for \"Women's centres\" (" + ref + ")",
        "core supporting partner",
        "/tasks/open?processInstanceId=" + instance(ref).getId());

    confirmEveryBorough(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_GIVE_EOI_FEEDBACK);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.AWAITING_EOI_FEEDBACK);

    feedback(ref, "ACCEPT", "A strong, well-led partnership.");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.FULL_PROPOSAL_DUE);
    assertMail(
        ref,
        "EOI_FEEDBACK",
        List.of(CONTACT),
        "CoFund: EOI feedback for \"Women's centres\" (" + ref + "): accepted",
        "A strong, well-led partnership.");
    assertMail(
        ref,
        "FULL_PROPOSAL_DUE",
        List.of(CONTACT),
        "CoFund: full proposal due by Friday 31 July 2026 for \"Women's centres\" (" + ref + ")",
        "taskKey=Task_SubmitFullProposal");
    assertThat(instance(ref)).isWaitingAt(TASK_SUBMIT_FULL_PROPOSAL);
    Assertions.assertThat(task(ref, TASK_SUBMIT_FULL_PROPOSAL).getAssignee())
        .isEqualTo("applicant1");
    Assertions.assertThat(task(ref, TASK_SUBMIT_FULL_PROPOSAL).getDueDate())
        .isEqualTo(Date.from(round.dates().fullProposalDeadline().toInstant()));

    submitFullProposal(ref);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.UNDER_ASSESSMENT);
    // Two assessment slots, each offered to the whole pool.
    assertMail(
        ref,
        "ASSESSMENT_REQUESTED",
        List.of(
            demo("assessor1"),
            demo("assessor2"),
            demo("assessor3"),
            demo("assessor1"),
            demo("assessor2"),
            demo("assessor3")),
        "CoFund: assessment requested for \"Women's centres\" (" + ref + ")",
        "conflict of interest");
    assess(ref, "assessor1", 4, 4, 4, 3, 4);
    assess(ref, "assessor2", 4, 3, 4, 4, 4);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.ASSESSED);
    Assertions.assertThat(proposal(ref).totalScore()).isEqualByComparingTo("19.00");
    assertThat(instance(ref)).isWaitingAt(EVENT_FUNDING_DECISION);

    decide(ref, "FUNDED", 1_200_000L);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.FUNDED);
    assertMail(
        ref,
        "FUNDING_DECISION",
        List.of(CONTACT),
        "CoFund: funding decision for \"Women's centres\" (" + ref + "): funded, £1,200,000",
        "Award: £1,200,000");
    Assertions.assertThat(proposal(ref).awardedAmount()).isEqualTo(1_200_000L);
    assertThat(instance(ref)).isWaitingAt(TASK_CONFIRM_GRANT_AGREEMENT);

    tasks.complete(
        task(ref, TASK_CONFIRM_GRANT_AGREEMENT).getId(),
        withVariables(VAR_GRANT_AGREEMENT_SIGNED, true, VAR_AGREEMENT_DATE, "2026-10-01"));
    assertThat(instance(ref)).isWaitingAt(EVENT_SERVICE_START);
    moveTo(round.dates().serviceStartDate().toInstant().plusSeconds(60));
    run(ref);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_ServiceStarted");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.SERVICE_STARTED);
  }

  @Test
  void notEligibleEoiIsRevisedAndBecomesEligible() {
    String ref = submit(Fixtures.twoBoroughEoi("Two-borough pilot", CONTACT));
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
    Assertions.assertThat(proposal(ref).criteria())
        .filteredOn(c -> !c.passed())
        .extracting(c -> c.reason())
        .containsExactly(
            "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at least 3");
    run(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_REVISE_EOI);
    Assertions.assertThat(task(ref, TASK_REVISE_EOI).getAssignee()).isEqualTo("applicant1");
    assertMail(
        ref,
        "EOI_NOT_ELIGIBLE",
        List.of(CONTACT),
        "CoFund: EOI \"Two-borough pilot\" (" + ref + ") does not meet the criteria yet",
        "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at least 3");
    Assertions.assertThat(mail.of("EOI_RECEIVED", ref))
        .as("no 'received' for an ineligible EOI")
        .isEmpty();

    steps.reviseEoi(ref, Fixtures.eligibleEoi("Three-borough pilot", CONTACT), APPLICANT);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
    Assertions.assertThat(proposal(ref).eoiVersion()).isEqualTo(2);
    Assertions.assertThat(proposal(ref).title()).isEqualTo("Three-borough pilot");
    run(ref);
    Assertions.assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(ref)
                .taskDefinitionKey(TASK_CONFIRM_CORE_PARTNER)
                .list())
        .hasSize(3);
    assertMail(
        ref,
        "EOI_RECEIVED",
        List.of(CONTACT),
        "CoFund: EOI received for \"Three-borough pilot\" (" + ref + ")",
        "covers 3 boroughs");
  }

  @Test
  void eoiLapsesAtTheEoiDeadline() {
    String ref = submit(Fixtures.twoBoroughEoi("Late bid", CONTACT));
    run(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_REVISE_EOI);
    moveTo(round.dates().eoiDeadline().toInstant().minusSeconds(60));
    run(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_REVISE_EOI);
    moveTo(round.dates().eoiDeadline().toInstant().plusSeconds(1));
    run(ref);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_Lapsed");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.LAPSED);
  }

  @Test
  void boroughDeclineReturnsTheEoiToTheApplicant() {
    String ref = submit(Fixtures.eligibleEoi("Declined by Camden", CONTACT));
    run(ref);
    Task camden =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskCandidateGroup("borough-E09000007")
            .singleResult();
    tasks.complete(
        camden.getId(),
        withVariables(
            VAR_CORE_PARTNER_CONFIRMED,
            false,
            VAR_CORE_PARTNER_COMMENT,
            "Camden's women's services are commissioned until 2020."));
    run(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_REVISE_EOI);
    Assertions.assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(ref)
                .taskDefinitionKey(TASK_CONFIRM_CORE_PARTNER)
                .count())
        .as("the other sign-offs are withdrawn")
        .isZero();
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
    Assertions.assertThat(proposal(ref).criteria())
        .filteredOn(c -> c.code().name().equals("LA_CORE_PARTNERS"))
        .singleElement()
        .satisfies(
            c -> {
              Assertions.assertThat(c.passed()).isFalse();
              Assertions.assertThat(c.reason())
                  .contains("Camden")
                  .contains("commissioned until 2020");
            });
    assertMail(
        ref,
        "EOI_NOT_ELIGIBLE",
        List.of(CONTACT),
        "CoFund: EOI \"Declined by Camden\" (" + ref + ") does not meet the criteria yet",
        "Camden",
        "commissioned until 2020");
  }

  @Test
  void aNewDeliveryBoroughThatDeclinesFailsLaCorePartners() {
    String ref = submit(Fixtures.eligibleEoi("Adds Hackney", CONTACT));
    confirmEveryBorough(ref);
    feedback(ref, "ACCEPT_WITH_MODIFICATION", "Reach further east.");
    fund.submitFullProposal(ref, withHackney("Adds Hackney"));

    assertThat(instance(ref)).isWaitingAt(TASK_CONFIRM_NEW_CORE_PARTNER);
    Assertions.assertThat(runtime.getVariable(instance(ref).getId(), VAR_NEW_CORE_PARTNER_GROUPS))
        .as("only the borough the EOI did not name")
        .isEqualTo(List.of("borough-E09000012"));
    Task hackney = task(ref, TASK_CONFIRM_NEW_CORE_PARTNER);
    assertThat(hackney).hasCandidateGroup("borough-E09000012");
    Assertions.assertThat((String) tasks.getVariableLocal(hackney.getId(), VAR_TASK_BRIEF))
        .contains("The full proposal adds a delivery borough")
        .contains("Hackney council is a core supporting partner");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);

    tasks.complete(
        hackney.getId(),
        withVariables(
            VAR_CORE_PARTNER_CONFIRMED,
            false,
            VAR_CORE_PARTNER_COMMENT,
            "Hackney already commissions women's centres to 2021."));
    run(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_SUBMIT_FULL_PROPOSAL);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.FULL_PROPOSAL_DUE);
    Assertions.assertThat(proposal(ref).criteria())
        .filteredOn(c -> c.code().name().equals("LA_CORE_PARTNERS"))
        .singleElement()
        .satisfies(
            c -> {
              Assertions.assertThat(c.passed()).isFalse();
              Assertions.assertThat(c.reason())
                  .contains("Hackney")
                  .contains("commissions women's centres to 2021");
            });
    Assertions.assertThat(mail.of("EOI_NOT_ELIGIBLE", ref))
        .singleElement()
        .satisfies(m -> Assertions.assertThat(m.text()).contains("Hackney"));

    // Without Hackney, the full proposal needs no new sign-off and the decline no longer counts.
    submitFullProposal(ref);
    assertThat(instance(ref)).isWaitingAt(TASK_ASSESS_PROPOSAL);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.UNDER_ASSESSMENT);
  }

  @Test
  void aNewDeliveryBoroughThatConfirmsGoesOnToAssessment() {
    String ref = submit(Fixtures.eligibleEoi("Hackney joins", CONTACT));
    confirmEveryBorough(ref);
    feedback(ref, "ACCEPT", "A strong partnership.");
    fund.submitFullProposal(ref, withHackney("Hackney joins"));
    assertThat(instance(ref)).isWaitingAt(TASK_CONFIRM_NEW_CORE_PARTNER);
    Assertions.assertThat(tasks(ref, TASK_CONFIRM_CORE_PARTNER))
        .as("the boroughs that confirmed the EOI are not asked again")
        .isEmpty();

    tasks.complete(
        task(ref, TASK_CONFIRM_NEW_CORE_PARTNER).getId(),
        withVariables(VAR_CORE_PARTNER_CONFIRMED, true));
    run(ref);
    assertThat(instance(ref)).hasPassed("Task_CheckFullProposal").isWaitingAt(TASK_ASSESS_PROPOSAL);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.UNDER_ASSESSMENT);
    Assertions.assertThat(proposals.signOffs(ref))
        .extracting(s -> s.groupId())
        .contains("borough-E09000012");
  }

  /** The eligible EOI's full proposal, delivered in Hackney too, with Hackney Council as core. */
  private static london.cofund.proposal.FullProposalForm withHackney(String title) {
    return Fixtures.fullProposal(
        Fixtures.eoi(
            title,
            CONTACT,
            List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON, "E09000012"),
            1_200_000L,
            List.of("FEMALE_OFFENDING")));
  }

  @Test
  void aDeclineWithoutAReasonIsRefused() {
    String ref = submit(Fixtures.eligibleEoi("Silent decline", CONTACT));
    run(ref);
    Task camden =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskCandidateGroup("borough-E09000007")
            .singleResult();
    Assertions.assertThatThrownBy(
            () -> tasks.complete(camden.getId(), withVariables(VAR_CORE_PARTNER_CONFIRMED, false)))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("corePartnerComment");
    Assertions.assertThat(tasks.createTaskQuery().taskId(camden.getId()).count()).isOne();
  }

  @Test
  void rejectedEoiEnds() {
    String ref = submit(Fixtures.eligibleEoi("Not this time", CONTACT));
    confirmEveryBorough(ref);
    feedback(ref, "REJECT", "The partnership does not yet include health.");
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_EoiRejected");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.EOI_REJECTED);
    Assertions.assertThat(proposal(ref).eoiFeedback())
        .isEqualTo("The partnership does not yet include health.");
    assertMail(
        ref,
        "EOI_FEEDBACK",
        List.of(CONTACT),
        "CoFund: EOI feedback for \"Not this time\" (" + ref + "): rejected",
        "The partnership does not yet include health.");
    Assertions.assertThat(mail.of("FULL_PROPOSAL_DUE", ref)).isEmpty();
  }

  @Test
  void fullProposalLapsesAtItsDeadline() {
    String ref = submit(Fixtures.eligibleEoi("Never finished", CONTACT));
    confirmEveryBorough(ref);
    feedback(ref, "ACCEPT_WITH_MODIFICATION", "Add a health partner.");
    assertThat(instance(ref)).isWaitingAt(TASK_SUBMIT_FULL_PROPOSAL);
    moveTo(round.dates().fullProposalDeadline().toInstant().plusSeconds(1));
    run(ref);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_Lapsed");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.LAPSED);
  }

  @Test
  void conflictedAssessmentIsReplacedByANewOne() {
    String ref = toAssessment("Conflict of interest");
    Task first = tasks(ref, TASK_ASSESS_PROPOSAL).get(0);
    tasks.claim(first.getId(), "assessor1");
    tasks.complete(first.getId(), withVariables(VAR_CONFLICT_OF_INTEREST, true));
    run(ref);
    Assertions.assertThat(tasks(ref, TASK_ASSESS_PROPOSAL))
        .as("a new task replaces the conflicted one")
        .hasSize(2);

    Task replacement =
        tasks(ref, TASK_ASSESS_PROPOSAL).stream()
            .filter(t -> t.getAssignee() == null)
            .findFirst()
            .orElseThrow();
    Assertions.assertThatThrownBy(() -> tasks.claim(replacement.getId(), "assessor1"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("assessor1 has already assessed proposal " + ref);

    assess(ref, "assessor2", 4, 4, 4, 4, 4);
    assess(ref, "assessor3", 4, 4, 4, 4, 3);
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.ASSESSED);
    Assertions.assertThat(proposal(ref).totalScore()).isEqualByComparingTo("19.50");
  }

  @Test
  void oneAssessorCannotTakeTwoAssessmentsOfTheSameProposal() {
    String ref = toAssessment("Greedy assessor");
    List<Task> open = tasks(ref, TASK_ASSESS_PROPOSAL);
    tasks.claim(open.get(0).getId(), "assessor1");
    Assertions.assertThatThrownBy(() -> tasks.claim(open.get(1).getId(), "assessor1"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("cannot assess the same proposal twice");
  }

  @Test
  void divergentScoresTriggerModeration() {
    String ref = toAssessment("Divergent scores");
    assess(ref, "assessor1", 5, 5, 5, 5, 5);
    assess(ref, "assessor2", 3, 4, 4, 4, 4);
    assertThat(instance(ref)).isWaitingAt(TASK_AGREE_MODERATED_SCORE);
    Assertions.assertThat(proposal(ref).totalScore()).isEqualByComparingTo("22.00");
    Task moderation = task(ref, TASK_AGREE_MODERATED_SCORE);
    Assertions.assertThatThrownBy(
            () -> tasks.complete(moderation.getId(), withVariables(VAR_MODERATED_TOTAL, 30)))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("moderatedTotal");
    tasks.complete(
        moderation.getId(),
        withVariables(
            VAR_MODERATED_TOTAL, 20.5, VAR_MODERATION_NOTE, "Need is strong; fit overstated."));
    assertThat(instance(ref)).isWaitingAt(EVENT_FUNDING_DECISION);
    Assertions.assertThat(proposal(ref).effectiveScore()).isEqualByComparingTo("20.5");
  }

  @Test
  void notFundedProposalIsToldWhy() {
    String ref = toDecision("Not funded");
    decide(ref, "NOT_FUNDED", null);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_NotFunded");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.NOT_FUNDED);
    Assertions.assertThat(proposal(ref).awardedAmount()).isNull();
    assertMail(
        ref,
        "FUNDING_DECISION",
        List.of(CONTACT),
        "CoFund: funding decision for \"Not funded\" (" + ref + "): not funded",
        "Mean scores out of 5",
        "assessor1 finds the case thin.");
  }

  @Test
  void deferredProposalIsCarriedForward() {
    String ref = toDecision("Deferred");
    decide(ref, "DEFERRED", null);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_Deferred");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.DEFERRED);
    assertMail(
        ref,
        "FUNDING_DECISION",
        List.of(CONTACT),
        "CoFund: funding decision for \"Deferred\" (" + ref + "): deferred to the next tranche",
        "carried forward to the next tranche",
        "Mean scores out of 5");
  }

  @Test
  void withdrawnProposalEndsWhereverItIs() {
    String ref = toAssessment("Withdrawn mid-assessment");
    steps.withdraw(ref, APPLICANT);
    assertThat(instance(ref)).isEnded().hasPassed("EndEvent_Withdrawn");
    Assertions.assertThat(status(ref)).isEqualTo(ProposalStatus.WITHDRAWN);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void anEoiSubmittedWhileSmtpIsDownIsKeptAndEachMailArrivesOnceAfterTheIncidentIsRetried() {
    london.cofund.JobDriver jobs = new london.cofund.JobDriver(management);
    String ref;
    String instanceId;
    sink.stop();
    try {
      ref =
          steps
              .submitEoi(
                  round.roundId(),
                  Fixtures.eligibleEoi("Sent in an outage", CONTACT),
                  FundDriver.applicant("applicant1"))
              .reference();
      instanceId = instance(ref).getId();
      Assertions.assertThat(status(ref))
          .as("the submission is kept")
          .isEqualTo(ProposalStatus.AWAITING_BOROUGH_SIGN_OFF);
      // Five tries, five minutes apart (cofund.mail.retry-cycle R5/PT5M), then incidents.
      for (int attempt = 1; attempt <= 5; attempt++) {
        Assertions.assertThat(jobs.runDueJobs(Set.of(instanceId)).failures()).isNotEmpty();
        moveTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5)).plusSeconds(1));
      }
      List<org.camunda.bpm.engine.runtime.Incident> incidents =
          runtime.createIncidentQuery().processInstanceId(instanceId).list();
      Assertions.assertThat(incidents)
          .extracting(i -> i.getActivityId())
          .contains("SendTask_EoiReceived", "SendTask_SignOffRequested");
      Assertions.assertThat(incidents)
          .filteredOn(i -> i.getActivityId().equals("SendTask_EoiReceived"))
          .singleElement()
          .satisfies(i -> Assertions.assertThat(i.getIncidentMessage()).contains(CONTACT));
      Assertions.assertThat(mail.about(ref)).isEmpty();
    } finally {
      sink.start();
    }
    // SMTP is back: MOPAC retries the incidents in Cockpit.
    management
        .createJobQuery()
        .processInstanceId(instanceId)
        .withException()
        .list()
        .forEach(job -> management.setJobRetries(job.getId(), 1));
    Assertions.assertThat(jobs.runDueJobs(Set.of(instanceId)).failures()).isEmpty();
    assertMail(
        ref,
        "EOI_RECEIVED",
        List.of(CONTACT),
        "CoFund: EOI received for \"Sent in an outage\" (" + ref + ")",
        "covers 3 boroughs");
    assertMail(
        ref,
        "BOROUGH_SIGN_OFF_REQUESTED",
        List.of(demo("westminster"), demo("camden")),
        "CoFund: please confirm core partnership for \"Sent in an outage\" (" + ref + ")",
        "core supporting partner");
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count())
        .isZero();
  }

  // ---- steps, as the roles would take them (see FundDriver)

  String submit(EoiForm eoi) {
    return fund.submit(round.roundId(), eoi, "applicant1");
  }

  void confirmEveryBorough(String ref) {
    fund.confirmEveryBorough(ref);
  }

  void feedback(String ref, String outcome, String text) {
    fund.feedback(ref, outcome, text);
  }

  void submitFullProposal(String ref) {
    fund.submitFullProposal(ref);
  }

  void assess(String ref, String assessor, int... scores) {
    fund.assess(ref, assessor, scores);
  }

  String toAssessment(String title) {
    return fund.toAssessment(round.roundId(), Fixtures.eligibleEoi(title, CONTACT), "applicant1");
  }

  String toDecision(String title) {
    String ref = toAssessment(title);
    assess(ref, "assessor1", 3, 3, 3, 3, 3);
    assess(ref, "assessor2", 3, 3, 3, 3, 2);
    return ref;
  }

  void decide(String ref, String outcome, Long amount) {
    runtime
        .createMessageCorrelation(MESSAGE_FUNDING_DECISION)
        .processInstanceBusinessKey(ref)
        .setVariable(VAR_FUNDING_OUTCOME, outcome)
        .setVariable(VAR_AWARDED_AMOUNT, amount)
        .correlateWithResult();
    run(ref);
  }

  // ---- looking

  void run(String ref) {
    fund.run();
  }

  void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  ProcessInstance instance(String ref) {
    return fund.instance(ref);
  }

  List<Task> tasks(String ref, String key) {
    return fund.tasks(ref, key);
  }

  Task task(String ref, String key) {
    return fund.task(ref, key);
  }

  Proposal proposal(String ref) {
    return proposals.get(ref);
  }

  ProposalStatus status(String ref) {
    return proposal(ref).status();
  }

  /**
   * Asserts the emails of one template about a proposal: exactly these recipients, once each, with
   * this subject, and a body that says each of the given things.
   */
  void assertMail(
      String ref, String template, List<String> recipients, String subject, String... says) {
    mail.assertSent(template, ref, recipients, subject, says);
  }

  static String demo(String user) {
    return user + "@cofund.example.org";
  }

  static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
