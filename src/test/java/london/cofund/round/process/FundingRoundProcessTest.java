package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.Mailbox;
import london.cofund.Mailbox.Mail;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
import london.cofund.system.process.RefusedTaskInput;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code fundingRound} process, one test per path, with real proposals running beside it: real
 * delegates and task rules, real SMTP into the sink, the job executor off and time moved by the
 * engine clock.
 */
@CoFundSpringTest
class FundingRoundProcessTest {

  static final List<String> SHORTLIST =
      List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING");

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired IdentityService identity;
  @Autowired GreenMail sink;

  FundDriver fund;
  Mailbox mail;
  String roundId;

  @BeforeEach
  void openRound() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    fund = new FundDriver(context);
    mail = new Mailbox(sink);
    // A £5m pot: five £1m projects fit, a sixth fundable one must be deferred.
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("FR"), Fixtures.NOW, 5_000_000L));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void consultationCompletesWhenEveryBoroughHasAnswered() {
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.PRIORITIES_CONSULTATION);
    List<Task> consultation = fund.tasks(roundId, TASK_COMMENT_ON_PRIORITIES);
    Assertions.assertThat(consultation).hasSize(32);
    Assertions.assertThat(consultation)
        .allSatisfy(
            task ->
                Assertions.assertThat(task.getDueDate())
                    .isEqualTo(Date.from(round().dates().consultationDeadline().toInstant())));
    for (Task task : consultation) {
      fund.complete(task, VAR_PRIORITY_COMMENTS, "Comment from " + task.getId());
    }
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_AGREE_SHORTLIST);
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.SHORTLISTING);
    Assertions.assertThat(
            context.getBean(london.cofund.round.RoundRepository.class).comments(roundId))
        .hasSize(32);
    Assertions.assertThat(fund.brief(roundId, TASK_AGREE_SHORTLIST)).contains("(32 of 32)");
  }

  @Test
  void theTasklistStartFormOpensARound() {
    String id = Fixtures.newRoundId("SF");
    engine.getIdentityService().setAuthentication("mopac", List.of("mopac", "working-group"));
    try {
      engine
          .getFormService()
          .submitStartForm(startFormDefinition(), id, startForm(id, "2026-06-08T17:00+01:00"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Round opened = rounds.get(id);
    Assertions.assertThat(opened.name()).isEqualTo("From Tasklist");
    Assertions.assertThat(opened.createdBy()).isEqualTo("mopac");
    Assertions.assertThat(opened.potAmount()).isEqualTo(4_500_000L);
    Assertions.assertThat(opened.maxProjects()).isEqualTo(8);
    Assertions.assertThat(opened.priorityLongList())
        .extracting(p -> p.code())
        .containsExactly("CSE", "GANGS");
    Assertions.assertThat(opened.dates().eoiDeadline().toInstant())
        .isEqualTo(java.time.Instant.parse("2026-07-01T16:00:00Z"));
    Assertions.assertThat(fund.tasks(id, TASK_COMMENT_ON_PRIORITIES)).hasSize(32);
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .as("the round's messages are correlated by its id")
        .isOne();
  }

  @Test
  void aStartFormForARoundThatExistsIsRefused() {
    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getFormService()
                    .submitStartForm(
                        startFormDefinition(), startForm(roundId, "2026-06-08T17:00+01:00")))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("a round with id '" + roundId + "' already exists");
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .variableValueEquals(VAR_ROUND_ID, roundId)
                .count())
        .as("still one process for the round")
        .isOne();
  }

  @Test
  void aStartFormWithDatesOutOfOrderIsRefusedAndStoresNothing() {
    String id = Fixtures.newRoundId("SF");
    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getFormService()
                    .submitStartForm(
                        startFormDefinition(), id, startForm(id, "2026-07-08T17:00+01:00")))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("eoiDeadline: must be after consultationDeadline");
    Assertions.assertThat(rounds.find(id)).isEmpty();
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .count())
        .isZero();
  }

  /**
   * The fields as Tasklist's start form sends them: numbers as numbers, dates as text, the long
   * list as lines.
   */
  private static java.util.Map<String, Object> startForm(String id, String consultationDeadline) {
    java.util.Map<String, Object> form = new java.util.HashMap<>();
    form.put("roundId", id);
    form.put("name", "From Tasklist");
    form.put("tranche", 2L);
    form.put("potAmount", 4_500_000L);
    form.put("minProjects", 5L);
    form.put("maxProjects", 8L);
    form.put("assessorsPerProposal", 2L);
    form.put("fundableThreshold", 15.0);
    form.put(
        "priorityLongList",
        "CSE: Child sexual exploitation\nGANGS: Gangs and serious youth violence");
    form.put("consultationDeadline", consultationDeadline);
    form.put("eoiDeadline", "2026-07-01T17:00+01:00");
    form.put("fullProposalDeadline", "2026-08-03T17:00+01:00");
    form.put("decisionDate", "2026-09-01T17:00+01:00");
    form.put("serviceStartDate", "2027-04-01T09:00+01:00");
    return form;
  }

  private String startFormDefinition() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(KEY)
        .latestVersion()
        .singleResult()
        .getId();
  }

  @Test
  void consultationClosesAtItsDeadline() {
    List<Task> consultation = fund.tasks(roundId, TASK_COMMENT_ON_PRIORITIES);
    fund.complete(
        borough(consultation, "E09000033"),
        VAR_PRIORITY_COMMENTS,
        "Westminster backs female offending.");
    fund.complete(
        borough(fund.tasks(roundId, TASK_COMMENT_ON_PRIORITIES), "E09000007"),
        VAR_PRIORITY_COMMENTS,
        "Camden asks for youth offending.");
    fund.moveTo(round().dates().consultationDeadline().toInstant().minusSeconds(60));
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_COMMENT_ON_PRIORITIES);

    fund.moveTo(round().dates().consultationDeadline().toInstant().plusSeconds(1));
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_AGREE_SHORTLIST);
    Assertions.assertThat(fund.tasks(roundId, TASK_COMMENT_ON_PRIORITIES))
        .as("unanswered boroughs' tasks close")
        .isEmpty();
    String brief = fund.brief(roundId, TASK_AGREE_SHORTLIST);
    Assertions.assertThat(brief)
        .contains("(2 of 32)")
        .contains("Westminster backs female offending.")
        .contains("Camden asks for youth offending.");
  }

  @Test
  void rejectedProspectusGoesBackWithCommentsThenIsPublished() {
    closeConsultation();
    fund.complete(fund.task(roundId, TASK_AGREE_SHORTLIST), VAR_SHORTLIST, "[\"CSE\", \"GANGS\"]");
    Assertions.assertThat(round().shortlist()).containsExactly("CSE", "GANGS");
    fund.reviewShortlist(roundId, FundDriver.WORKING_GROUP_COMMENTS);
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.PROSPECTUS_SIGN_OFF);

    Task signOff = fund.task(roundId, TASK_SIGN_OFF_PROSPECTUS);
    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(signOff.getId(), java.util.Map.of(VAR_PROSPECTUS_APPROVED, false)))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("signOffComments");
    fund.complete(
        signOff,
        VAR_PROSPECTUS_APPROVED,
        false,
        VAR_SIGN_OFF_COMMENTS,
        "Gangs belong to tranche 2.");
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_AGREE_SHORTLIST);
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.SHORTLISTING);
    Assertions.assertThat(fund.brief(roundId, TASK_AGREE_SHORTLIST))
        .contains("Gangs belong to tranche 2.");

    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        fund.task(roundId, TASK_AGREE_SHORTLIST).getId(),
                        java.util.Map.of(VAR_SHORTLIST, "CSE,KNIFE_CRIME")))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("KNIFE_CRIME not on the long list");
    fund.complete(
        fund.task(roundId, TASK_AGREE_SHORTLIST), VAR_SHORTLIST, String.join(",", SHORTLIST));
    fund.reviewShortlist(roundId, FundDriver.WORKING_GROUP_COMMENTS);
    fund.complete(fund.task(roundId, TASK_SIGN_OFF_PROSPECTUS), VAR_PROSPECTUS_APPROVED, true);

    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.OPEN_FOR_EOIS);
    Assertions.assertThat(round().publishedAt()).isNotNull();
    Assertions.assertThat(fund.tasks(roundId, TASK_RECORD_MARKET_DEVELOPMENT))
        .as("one session per short-listed priority")
        .hasSize(4);
    List<Mail> prospectus = mail.of("PROSPECTUS_PUBLISHED", round().name());
    Assertions.assertThat(prospectus.stream().flatMap(m -> m.to().stream()).toList())
        .as("every registered user with an email, once")
        .containsExactlyInAnyOrderElementsOf(
            identity.createUserQuery().list().stream()
                .map(User::getEmail)
                .filter(e -> e != null && e.contains("@"))
                .distinct()
                .toList());
    Assertions.assertThat(prospectus)
        .allSatisfy(
            m -> {
              Assertions.assertThat(m.subject())
                  .isEqualTo("CoFund: prospectus published for " + round().name() + " (tranche 1)");
              Assertions.assertThat(m.text()).contains("Female offending").contains("£5,000,000");
            });
  }

  @Test
  void marketDevelopmentIsRecordedWithoutBlockingTheRound() {
    fund.publish(roundId, SHORTLIST);
    Task session = fund.tasks(roundId, TASK_RECORD_MARKET_DEVELOPMENT).get(0);
    fund.complete(
        session,
        VAR_SESSION_DATE,
        "2026-07-13T10:00:00+01:00",
        VAR_ATTENDING_ORGANISATIONS,
        "Advance\nLondon CRC\nNHS England",
        VAR_SESSION_NOTES,
        "Good turnout.");
    Assertions.assertThat(
            context.getBean(london.cofund.round.RoundRepository.class).marketSessions(roundId))
        .singleElement()
        .satisfies(
            s ->
                Assertions.assertThat(s.attendingOrganisations())
                    .containsExactly("Advance", "London CRC", "NHS England"));
    fund.moveTo(round().dates().eoiDeadline().toInstant().plusSeconds(1));
    Assertions.assertThat(round().stage())
        .as("open sessions do not hold the round")
        .isEqualTo(RoundStage.FULL_PROPOSALS);
  }

  @Test
  void theRoundWaitsForTheLastProposalWithoutPolling() {
    fund.publish(roundId, SHORTLIST);
    String ref =
        fund.toAssessment(
            roundId, Fixtures.eligibleEoi("Slow assessment", FundDriver.CONTACT), "applicant1");
    fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
    fund.moveTo(round().dates().fullProposalDeadline().toInstant().plusSeconds(1));
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.ASSESSMENT);
    assertThat(fund.instance(roundId)).isWaitingAt(EVENT_PROPOSALS_ASSESSED);

    fund.assess(ref, "assessor2", 4, 4, 4, 4, 3);
    Assertions.assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.ASSESSED);
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_DECIDE_FUNDING);
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.FUNDING_DECISION);
    Assertions.assertThat(round().recommendedPortfolio().funded()).containsExactly(ref);
    Assertions.assertThat(round().recommendedPortfolio().flags()).containsExactly("BELOW_MINIMUM");
  }

  @Test
  void panelDepartingFromTheRecommendationMustGiveARationale() {
    List<String> refs = toFundingDecision();
    Round round = round();
    Assertions.assertThat(round.recommendedPortfolio().funded())
        .containsExactlyElementsOf(refs.subList(0, 5));
    Task decision = fund.task(roundId, TASK_DECIDE_FUNDING);
    List<String> departure =
        List.of(refs.get(0), refs.get(1), refs.get(2), refs.get(3), refs.get(5));

    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        decision.getId(),
                        java.util.Map.of(
                            VAR_FUNDED_REFERENCES,
                            String.join(",", departure),
                            VAR_DEFERRED_REFERENCES,
                            refs.get(4))))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("decisionRationale");
    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        decision.getId(),
                        java.util.Map.of(
                            VAR_FUNDED_REFERENCES,
                            String.join(",", refs.subList(0, 4)),
                            VAR_DEFERRED_REFERENCES,
                            "",
                            VAR_DECISION_RATIONALE,
                            "Four is enough.")))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("between 5 and 8 must be funded");

    fund.complete(
        decision,
        VAR_FUNDED_REFERENCES,
        String.join(",", departure),
        VAR_DEFERRED_REFERENCES,
        refs.get(4),
        VAR_DECISION_RATIONALE,
        "Spread delivery across more boroughs.");
    Assertions.assertThat(round().decision().departsFromRecommendation()).isTrue();
    Assertions.assertThat(round().decision().rationale())
        .isEqualTo("Spread delivery across more boroughs.");
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_SIGN_OFF_AWARDS);
  }

  @Test
  void panelConfirmingTheRecommendationNeedsNoRationale() {
    List<String> refs = toFundingDecision();
    Task decision = fund.task(roundId, TASK_DECIDE_FUNDING);
    Assertions.assertThat(
            (String)
                engine
                    .getRuntimeService()
                    .getVariableLocal(decision.getExecutionId(), VAR_FUNDED_REFERENCES))
        .as("the form starts from the recommendation")
        .isEqualTo(String.join(", ", refs.subList(0, 5)));
    fund.complete(
        decision,
        VAR_FUNDED_REFERENCES,
        String.join(",", refs.subList(0, 5)),
        VAR_DEFERRED_REFERENCES,
        refs.get(5));
    Assertions.assertThat(round().decision().departsFromRecommendation()).isFalse();
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_SIGN_OFF_AWARDS);
  }

  @Test
  void awardsRejectedGoBackToThePanelThenApprovedAreAnnounced() {
    List<String> refs = toFundingDecision();
    fund.complete(
        fund.task(roundId, TASK_DECIDE_FUNDING),
        VAR_FUNDED_REFERENCES,
        String.join(",", refs.subList(0, 5)),
        VAR_DEFERRED_REFERENCES,
        refs.get(5));
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.AWARDS_SIGN_OFF);
    fund.complete(
        fund.task(roundId, TASK_SIGN_OFF_AWARDS),
        VAR_AWARDS_APPROVED,
        false,
        VAR_SIGN_OFF_COMMENTS,
        "Explain why the sixth is deferred.");
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_DECIDE_FUNDING);
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.FUNDING_DECISION);
    Assertions.assertThat(fund.brief(roundId, TASK_DECIDE_FUNDING))
        .contains("Explain why the sixth is deferred.");

    fund.complete(
        fund.task(roundId, TASK_DECIDE_FUNDING),
        VAR_FUNDED_REFERENCES,
        String.join(",", refs.subList(0, 5)),
        VAR_DEFERRED_REFERENCES,
        refs.get(5),
        VAR_DECISION_RATIONALE,
        "It covers no new priority within the pot.");
    fund.complete(fund.task(roundId, TASK_SIGN_OFF_AWARDS), VAR_AWARDS_APPROVED, true);
    fund.recordDecisionOfRecord(roundId, FundDriver.DECISION_OF_RECORD);
    assertThat(fund.instance(roundId)).isEnded().hasPassed("EndEvent_RoundAnnounced");
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.ANNOUNCED);
  }

  @Test
  void announcementReachesFundedNotFundedAndDeferredProposals() {
    List<String> refs = toFundingDecision();
    fund.complete(
        fund.task(roundId, TASK_DECIDE_FUNDING),
        VAR_FUNDED_REFERENCES,
        String.join(",", refs.subList(0, 5)),
        VAR_DEFERRED_REFERENCES,
        refs.get(5));
    fund.complete(fund.task(roundId, TASK_SIGN_OFF_AWARDS), VAR_AWARDS_APPROVED, true);
    fund.recordDecisionOfRecord(roundId, FundDriver.DECISION_OF_RECORD);

    for (String funded : refs.subList(0, 5)) {
      Assertions.assertThat(proposals.get(funded).status()).isEqualTo(ProposalStatus.FUNDED);
      Assertions.assertThat(proposals.get(funded).awardedAmount())
          .isEqualTo(proposals.get(funded).requestedAmount());
      assertThat(fund.instance(funded)).isWaitingAt("Task_ConfirmGrantAgreement");
      Assertions.assertThat(mail.of("FUNDING_DECISION", funded))
          .singleElement()
          .satisfies(m -> Assertions.assertThat(m.subject()).endsWith("): funded, £1,000,000"));
    }
    Assertions.assertThat(proposals.get(refs.get(5)).status()).isEqualTo(ProposalStatus.DEFERRED);
    Assertions.assertThat(mail.of("FUNDING_DECISION", refs.get(5)))
        .singleElement()
        .satisfies(
            m -> {
              Assertions.assertThat(m.to()).containsExactly(FundDriver.CONTACT);
              Assertions.assertThat(m.subject()).endsWith("): deferred to the next tranche");
              Assertions.assertThat(m.text())
                  .contains("Fundable (total score 19 of 25, threshold 15)");
            });
    Assertions.assertThat(proposals.get(refs.get(6)).status()).isEqualTo(ProposalStatus.NOT_FUNDED);
    Assertions.assertThat(mail.of("FUNDING_DECISION", refs.get(6)))
        .singleElement()
        .satisfies(
            m -> {
              Assertions.assertThat(m.subject()).endsWith("): not funded");
              Assertions.assertThat(m.text())
                  .contains("below the fundable threshold of 15")
                  .contains("Mean scores out of 5");
            });
    Assertions.assertThat(round().stage()).isEqualTo(RoundStage.ANNOUNCED);
    Assertions.assertThat(round().carriedForwardPriorities())
        .extracting(p -> p.code())
        .as("short-listed priorities that no funded project covers")
        .containsExactlyInAnyOrder("SEXUAL_VIOLENCE", "YOUTH_OFFENDING");
  }

  @Test
  void workingGroupCommentsReachTheLeadersCommittee() {
    closeConsultation();
    fund.complete(
        fund.task(roundId, TASK_AGREE_SHORTLIST), VAR_SHORTLIST, String.join(",", SHORTLIST));
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_REVIEW_SHORTLIST);
    Task review = fund.task(roundId, TASK_REVIEW_SHORTLIST);
    assertThat(review).hasCandidateGroup("working-group");
    Assertions.assertThat(fund.brief(roundId, TASK_REVIEW_SHORTLIST))
        .contains("MOPAC's draft short list")
        .contains("Female offending");
    Assertions.assertThatThrownBy(
            () -> engine.getTaskService().complete(review.getId(), java.util.Map.of()))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("workingGroupComments");

    fund.reviewShortlist(roundId, "Youth offending could wait for tranche 2.");
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_SIGN_OFF_PROSPECTUS);
    Assertions.assertThat(rounds.workingGroupComments(roundId))
        .contains("Youth offending could wait for tranche 2.");
    Assertions.assertThat(fund.brief(roundId, TASK_SIGN_OFF_PROSPECTUS))
        .contains("The working group's comments on the short list:")
        .contains("Youth offending could wait for tranche 2.");

    // A prospectus sent back: MOPAC sees the working group's comments as it redrafts.
    fund.complete(
        fund.task(roundId, TASK_SIGN_OFF_PROSPECTUS),
        VAR_PROSPECTUS_APPROVED,
        false,
        VAR_SIGN_OFF_COMMENTS,
        "Take the working group's advice.");
    Assertions.assertThat(fund.brief(roundId, TASK_AGREE_SHORTLIST))
        .contains("Youth offending could wait for tranche 2.");
  }

  @Test
  void anAwardCarriesItsDecisionOfRecord() {
    List<String> refs = toFundingDecision();
    fund.complete(
        fund.task(roundId, TASK_DECIDE_FUNDING),
        VAR_FUNDED_REFERENCES,
        String.join(",", refs.subList(0, 5)),
        VAR_DEFERRED_REFERENCES,
        refs.get(5));
    fund.complete(fund.task(roundId, TASK_SIGN_OFF_AWARDS), VAR_AWARDS_APPROVED, true);
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_RECORD_DECISION_OF_RECORD);
    Task record = fund.task(roundId, TASK_RECORD_DECISION_OF_RECORD);
    assertThat(record).hasCandidateGroup("mopac");
    Assertions.assertThat(round().stage())
        .as("nothing is announced before the decision of record")
        .isEqualTo(RoundStage.AWARDS_SIGN_OFF);
    Assertions.assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        record.getId(), java.util.Map.of(VAR_DECISION_REFERENCE, "PCD <310>")))
        .isInstanceOf(RefusedTaskInput.class)
        .hasMessageContaining("decisionReference");

    fund.recordDecisionOfRecord(roundId, "PCD 310");
    assertThat(fund.instance(roundId)).isEnded().hasPassed("EndEvent_RoundAnnounced");
    Assertions.assertThat(rounds.decisionReference(roundId)).contains("PCD 310");
    for (String funded : refs.subList(0, 5)) {
      Assertions.assertThat(proposals.get(funded).decisionReference()).isEqualTo("PCD 310");
      Assertions.assertThat(mail.of("FUNDING_DECISION", funded))
          .singleElement()
          .satisfies(m -> Assertions.assertThat(m.text()).contains("Decision of record: PCD 310"));
    }
    Assertions.assertThat(proposals.get(refs.get(5)).decisionReference())
        .as("a deferred proposal was not approved by it")
        .isNull();
    Assertions.assertThat(mail.of("FUNDING_DECISION", refs.get(6)))
        .singleElement()
        .satisfies(m -> Assertions.assertThat(m.text()).doesNotContain("Decision of record"));
  }

  /**
   * Seven proposals of £1m each, on female offending or CSE, assessed: five score 20, one 19, one
   * 12. In the £5m pot the optimal portfolio is the five that score 20; the one at 19 is fundable
   * but does not fit (deferred); the one at 12 is below the threshold of 15 (not funded).
   */
  private List<String> toFundingDecision() {
    fund.publish(roundId, SHORTLIST);
    List<String> refs = new java.util.ArrayList<>();
    String[][] themes = {
      {"FEMALE_OFFENDING"},
      {"CSE"},
      {"FEMALE_OFFENDING"},
      {"CSE"},
      {"FEMALE_OFFENDING"},
      {"CSE"},
      {"CSE"}
    };
    for (int i = 0; i < 7; i++) {
      refs.add(
          fund.toAssessment(
              roundId,
              Fixtures.eoi(
                  "Proposal " + (i + 1),
                  FundDriver.CONTACT,
                  List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON),
                  1_000_000L,
                  List.of(themes[i])),
              "applicant1"));
    }
    for (int i = 0; i < 5; i++) {
      fund.assess(refs.get(i), "assessor1", 4, 4, 4, 4, 4);
      fund.assess(refs.get(i), "assessor2", 4, 4, 4, 4, 4);
    }
    fund.assess(refs.get(5), "assessor1", 4, 4, 4, 4, 3);
    fund.assess(refs.get(5), "assessor2", 4, 4, 4, 4, 3);
    fund.assess(refs.get(6), "assessor1", 2, 3, 2, 3, 2);
    fund.assess(refs.get(6), "assessor2", 3, 3, 2, 2, 2);
    fund.moveTo(round().dates().fullProposalDeadline().toInstant().plusSeconds(1));
    assertThat(fund.instance(roundId)).isWaitingAt(TASK_DECIDE_FUNDING);
    return refs;
  }

  private void closeConsultation() {
    fund.moveTo(round().dates().consultationDeadline().toInstant().plusSeconds(1));
  }

  private Task borough(List<Task> tasks, String code) {
    return tasks.stream()
        .filter(
            t ->
                engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> ("borough-" + code).equals(l.getGroupId())))
        .findFirst()
        .orElseThrow();
  }

  private Round round() {
    return rounds.get(roundId);
  }
}
