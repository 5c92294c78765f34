package london.cofund.grant;

import static london.cofund.grant.process.GrantProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.fund.FundCommitments;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundRequest;
import london.cofund.fund.FundRequest.YearItem;
import london.cofund.fund.FundService;
import london.cofund.grant.process.GrantSteps;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.notification.MailOutbox;
import london.cofund.notification.OutboxRow;
import london.cofund.notification.process.ReminderSweepProcess;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.AwardChanges;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The {@code grant} process (issue 13), one test per path, against the real application with the
 * engine clock: a grant over two financial years and eight quarters; a failed agreement and its
 * replacement; a payment refused without its approved return.
 */
@CoFundSpringTest
class GrantProcessTest {

  static final CurrentUser LEAD = new CurrentUser("applicant1", Set.of(Roles.APPLICANTS));
  static final CurrentUser MOPAC = new CurrentUser("mopac", Set.of(Roles.MOPAC));

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired GrantService grants;
  @Autowired GrantSteps steps;
  @Autowired GrantSpending spending;
  @Autowired ProposalService proposals;
  @Autowired MailOutbox outbox;
  @Autowired List<AwardChanges> awardChanges;
  @Autowired com.icegreen.greenmail.util.GreenMail sink;
  @Autowired FundService funds;
  @LocalServerPort int port;

  GrantDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new GrantDriver(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aGrantOverTwoYearsPaysTheAwardLessItsUnderspend() {
    String roundId = driver.openRound("GP");
    String ref = driver.assessed(roundId, "Women's centres (grant)", 600_000, 600_000, 4);
    driver.decide(ref, "FUNDED");

    // Agreement: the grant opens with eight quarterly payments in arrears of £150,000 each.
    driver.sign(ref, false);
    assertThat(driver.grant(ref)).isWaitingAt("Event_QuarterEnded");
    var opened = grants.record(ref);
    assertThat(opened.grant().awardPence()).isEqualTo(120_000_000L);
    assertThat(opened.grant().decisionReference()).isEqualTo("PCD 310");
    assertThat(opened.payments())
        .hasSize(8)
        .allSatisfy(p -> assertThat(p.plannedPence()).isEqualTo(15_000_000L));
    twoYearsWithALateReturnASentBackOneAndAVariation(ref);
    var closed = grants.record(ref);
    assertThat(closed.grant().status()).isEqualTo(Grant.GrantStatus.CLOSED);
    assertThat(closed.returnedPence()).isEqualTo(8_000_000L);
    assertThat(closed.paidPence())
        .isEqualTo(closed.grant().awardPence() - closed.returnedPence())
        .isEqualTo(112_000_000L);
    // The list of grants agrees: spend against budget per year.
    var figures =
        spending.visible(MOPAC, roundId, null).stream()
            .filter(g -> g.proposal().reference().equals(ref))
            .findFirst()
            .orElseThrow()
            .years();
    assertThat(figures)
        .containsExactly(
            new GrantService.YearFigures(
                GrantDriver.YEAR_1, 55_000_000L, 48_000_000L, 48_000_000L, 7_000_000L),
            new GrantService.YearFigures(
                GrantDriver.YEAR_2, 65_000_000L, 64_000_000L, 64_000_000L, 1_000_000L));
    // The fund counts what the grant still holds: what it paid.
    assertThat(awardChanges.get(0).heldByYear(ref).orElseThrow())
        .containsEntry(GrantDriver.YEAR_1, 480_000L)
        .containsEntry(GrantDriver.YEAR_2, 640_000L);
  }

  @Test
  void aGrantFromAFundingRoundPaysTheAwardLessItsUnderspendAndTheDashboardAgrees() {
    // A fund of its own, so that its figures are this grant's alone.
    String fundId = Fixtures.newRoundId("F-GE");
    funds.create(
        new FundRequest(
            fundId,
            "A fund for one grant",
            List.of(
                new YearItem(GrantDriver.YEAR_1, 4_000_000L, 50),
                new YearItem(GrantDriver.YEAR_2, 4_000_000L, 50)),
            null,
            null,
            null),
        "mopac");
    long pot = 1_500_000L;
    String roundId = driver.openRoundWithItsProcess("GE", pot, fundId);
    String ref = driver.assessed(roundId, "Women's centres (whole round)", 600_000, 600_000, 4);
    // The panel funds it, the Leaders' Committee signs off, MOPAC records the decision of record;
    // the round's announcement brings the decision to the proposal.
    driver.decideInTheRound(roundId, ref);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.FUNDED);
    FundCommitments.RoundCommitment decided = commitment(fundId, roundId);
    assertThat(decided.decided()).isTrue();
    assertThat(decided.awardedByYear())
        .containsEntry(GrantDriver.YEAR_1, 600_000L)
        .containsEntry(GrantDriver.YEAR_2, 600_000L);

    driver.sign(ref, false);
    assertThat(grants.record(ref).grant().decisionReference())
        .isEqualTo(FundDriver.DECISION_OF_RECORD);
    twoYearsWithALateReturnASentBackOneAndAVariation(ref);

    // The payments made equal the award minus the underspend.
    var closed = grants.record(ref);
    long payments =
        closed.payments().stream()
            .filter(p -> p.paidPence() != null)
            .mapToLong(Payment::paidPence)
            .sum();
    long award = closed.grant().awardPence();
    long underspend = closed.returnedPence();
    System.out.printf(
        "Grant %s: award %s, underspend %s, payments %s%n",
        ref, Pence.format(award), Pence.format(underspend), Pence.format(payments));
    assertThat(payments).isEqualTo(award - underspend).isEqualTo(112_000_000L);

    // The round and the fund count what the grant was paid: the underspend is available again.
    FundCommitments.RoundCommitment after = commitment(fundId, roundId);
    assertThat(after.awardedByYear())
        .containsEntry(GrantDriver.YEAR_1, 480_000L)
        .containsEntry(GrantDriver.YEAR_2, 640_000L);
    assertThat(after.unspent()).isEqualTo(pot - payments / 100);
    FundPosition position = funds.position(fundId);
    assertThat(position.committed()).isEqualTo(payments / 100);

    // The dashboard agrees, to the penny for the grant and to the pound for the fund.
    HttpApi http = new HttpApi(port);
    var response = http.get("/api/dashboard", "mopac");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    var dashboard = response.json();
    assertThat(dashboard.get("sections").toString()).contains("grants");
    var project =
        java.util.stream.StreamSupport.stream(
                dashboard.get("grants").get("byProject").spliterator(), false)
            .filter(g -> g.get("reference").asText().equals(ref))
            .findFirst()
            .orElseThrow();
    assertThat(project.get("awardPence").asLong()).isEqualTo(award);
    assertThat(project.get("paidPence").asLong()).isEqualTo(payments);
    assertThat(project.get("returnedPence").asLong()).isEqualTo(underspend);
    assertThat(project.get("status").asText()).isEqualTo("CLOSED");
    long[][] expected = {
      {55_000_000L, 48_000_000L, 48_000_000L, 7_000_000L},
      {65_000_000L, 64_000_000L, 64_000_000L, 1_000_000L}
    };
    for (int i = 0; i < 2; i++) {
      var year = project.get("years").get(i);
      assertThat(year.get("financialYear").asText())
          .isEqualTo(i == 0 ? GrantDriver.YEAR_1 : GrantDriver.YEAR_2);
      assertThat(
              new long[] {
                year.get("budgetPence").asLong(),
                year.get("spentPence").asLong(),
                year.get("paidPence").asLong(),
                year.get("returnedPence").asLong()
              })
          .containsExactly(expected[i]);
    }
    // Its boroughs count it, as does each year's total over the grants listed.
    for (String borough : List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON)) {
      var byBorough = http.get("/api/dashboard?borough=" + borough, "mopac").json().get("grants");
      assertThat(byBorough.get("byProject").toString()).as(borough).contains(ref);
      var line =
          java.util.stream.StreamSupport.stream(byBorough.get("byBorough").spliterator(), false)
              .filter(b -> b.get("boroughCode").asText().equals(borough))
              .findFirst()
              .orElseThrow();
      assertThat(line.get("paidPence").asLong()).as(borough).isGreaterThanOrEqualTo(payments);
    }
    var money =
        java.util.stream.StreamSupport.stream(dashboard.get("money").spliterator(), false)
            .filter(m -> m.get("fundId").asText().equals(fundId))
            .findFirst()
            .orElseThrow()
            .get("years");
    long left = 0;
    for (var year : money) {
      FundPosition.YearPosition held =
          position.years().stream()
              .filter(y -> y.year().financialYear().equals(year.get("financialYear").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(year.get("awarded").asLong()).isEqualTo(held.committed());
      assertThat(year.get("left").asLong()).isEqualTo(held.available());
      left += year.get("left").asLong();
    }
    assertThat(money.get(0).get("awarded").asLong()).isEqualTo(480_000L);
    assertThat(money.get(1).get("awarded").asLong()).isEqualTo(640_000L);
    assertThat(left).isEqualTo(2_000_000L + 2_000_000L - payments / 100);
    System.out.printf(
        "Dashboard: %s paid %s of %s, returned %s; fund %s awarded %d + %d, left £%,d%n",
        ref,
        Pence.format(project.get("paidPence").asLong()),
        Pence.format(project.get("awardPence").asLong()),
        Pence.format(project.get("returnedPence").asLong()),
        fundId,
        money.get(0).get("awarded").asLong(),
        money.get(1).get("awarded").asLong(),
        left);

    // The page shows the same figures.
    String page = WebappLogin.tasklist(http, "mopac").get("/dashboard").body();
    assertThat(page)
        .contains("id=\"grants-by-project\"", "data-grant=\"" + ref + "\"")
        .contains(Pence.format(48_000_000L), Pence.format(64_000_000L));
  }

  private FundCommitments.RoundCommitment commitment(String fundId, String roundId) {
    return funds.position(fundId).rounds().stream()
        .filter(r -> r.roundId().equals(roundId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFailedAgreementReleasesTheMoneyAndOffersTheBestDeferredProposal() {
    String roundId = driver.openRound("GF");
    String failed = driver.assessed(roundId, "Failed agreement", 300_000, 300_000, 4);
    String weaker = driver.assessed(roundId, "Weaker deferred", 200_000, 200_000, 2);
    String better = driver.assessed(roundId, "Better deferred", 250_000, 250_000, 3);
    driver.decide(failed, "FUNDED");
    driver.decide(weaker, "DEFERRED");
    driver.decide(better, "DEFERRED");

    driver.fund.complete(
        driver.task(failed, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT),
        ProposalProcess.VAR_GRANT_AGREEMENT_SIGNED,
        false,
        ProposalProcess.VAR_AGREEMENT_FAILURE_REASON,
        "The lead agency went into administration.");

    assertThat(proposals.get(failed).status()).isEqualTo(ProposalStatus.AGREEMENT_FAILED);
    Grant grant = grants.get(failed);
    assertThat(grant.status()).isEqualTo(Grant.GrantStatus.AGREEMENT_FAILED);
    assertThat(grant.failureReason()).isEqualTo("The lead agency went into administration.");
    assertThat(awardChanges.get(0).heldByYear(failed).orElseThrow())
        .containsOnly(Map.entry(GrantDriver.YEAR_1, 0L), Map.entry(GrantDriver.YEAR_2, 0L));

    // The working group is offered the best-scored deferred proposal; nothing happens without a
    // yes.
    Task offer = driver.task(failed, TASK_OFFER_REPLACEMENT);
    assertThat(offer.getDueDate()).isNotNull();
    assertThat(driver.tasks.getVariable(offer.getId(), VAR_REPLACEMENT_REFERENCE))
        .isEqualTo(better);
    assertThat((String) driver.tasks.getVariableLocal(offer.getId(), VAR_TASK_BRIEF))
        .contains("Better deferred", "went into administration");
    assertThat(proposals.get(better).status()).isEqualTo(ProposalStatus.DEFERRED);

    driver.fund.complete(offer, VAR_REPLACEMENT_DECISION, "ACCEPT");
    driver.run(better);
    assertThat(proposals.get(better).status()).isEqualTo(ProposalStatus.FUNDED);
    assertThat(proposals.get(better).awardedAmount()).isEqualTo(500_000L);
    assertThat(grants.get(failed).replacedBy()).isEqualTo(better);
    assertThat(awardChanges.get(0).replacements(roundId)).containsExactly(better);
    // The replacement has its own agreement to sign, as any award.
    assertThat(driver.tasks(better, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT)).hasSize(1);
    assertThat(proposals.get(weaker).status()).isEqualTo(ProposalStatus.DEFERRED);
  }

  @Test
  void aDeclinedReplacementFundsNothing() {
    String roundId = driver.openRound("GD");
    String failed = driver.assessed(roundId, "Failed again", 300_000, 300_000, 4);
    String deferred = driver.assessed(roundId, "Still deferred", 200_000, 200_000, 3);
    driver.decide(failed, "FUNDED");
    driver.decide(deferred, "DEFERRED");
    driver.fund.complete(
        driver.task(failed, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT),
        ProposalProcess.VAR_GRANT_AGREEMENT_SIGNED,
        false,
        ProposalProcess.VAR_AGREEMENT_FAILURE_REASON,
        "Procurement failed.");
    driver.fund.complete(
        driver.task(failed, TASK_OFFER_REPLACEMENT), VAR_REPLACEMENT_DECISION, "DECLINE");
    assertThat(proposals.get(deferred).status()).isEqualTo(ProposalStatus.DEFERRED);
    assertThat(grants.get(failed).replacedBy()).isNull();
    assertThat(driver.fund.instance(failed)).isEnded().hasPassed("EndEvent_AgreementFailed");
  }

  @Test
  void aPaymentWithoutAnApprovedReturnIsRefusedNamingTheReturn() {
    String roundId = driver.openRound("GR");
    String ref = driver.assessed(roundId, "No return, no money", 400_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, true);
    // The first quarter was paid in advance, as MOPAC set.
    assertThat(grants.record(ref).payments())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo(Payment.Kind.ADVANCE);
              assertThat(p.paidPence()).isEqualTo(10_000_000L);
            });
    Quarter first = grants.record(ref).payments().get(0).quarter();
    assertThatThrownBy(() -> grants.releasePayment(ref, first))
        .hasMessageContaining("return for " + first)
        .hasMessageContaining("none was submitted");

    // Through the process: the payment step reached without the quarter's approved return (one
    // part of the model on its own) retries, then stops as an incident that names the return.
    var runtime = engine.getRuntimeService();
    var management = engine.getManagementService();
    Map<String, Object> variables = runtime.getVariables(driver.grant(ref).getId());
    String probe =
        runtime
            .createProcessInstanceByKey(KEY)
            .businessKey(ref)
            .setVariables(variables)
            .setVariable(VAR_QUARTER, first.toString())
            .startBeforeActivity(TASK_RELEASE_PAYMENT)
            .execute()
            .getId();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int attempt = 1; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(java.util.Date.from(now.plusSeconds(attempt * 600L)));
      var job = management.createJobQuery().processInstanceId(probe).singleResult();
      if (job.getRetries() == 0) {
        break;
      }
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .hasMessageContaining("return for " + first);
    }
    var incident = runtime.createIncidentQuery().processInstanceId(probe).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TASK_RELEASE_PAYMENT);
    assertThat(incident.getIncidentMessage())
        .contains("Payment refused: the return for " + first + " of grant " + ref);
    assertThat(grants.record(ref).payments())
        .filteredOn(p -> p.kind() == Payment.Kind.QUARTER)
        .allSatisfy(p -> assertThat(p.paidPence()).isNull());
    runtime.deleteProcessInstance(probe, "the refusal was the point");
  }

  @Test
  void aDeclinedVariationIsMailedToTheLeadWithMopacsReason() {
    String roundId = driver.openRound("GV");
    String ref = driver.assessed(roundId, "Longer grant, declined", 400_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, false);
    steps.requestVariation(
        ref,
        new VariationRequest(
            Variation.Kind.END_DATE,
            null,
            LocalDate.of(2029, 9, 30),
            null,
            "Six more months to reach the outer boroughs."),
        LEAD);
    driver.complete(
        ref,
        TASK_DECIDE_VARIATION,
        VAR_VARIATION_DECISION,
        "DECLINE",
        VAR_VARIATION_DECISION_REASON,
        "The fund ends in March 2029.");
    assertThat(grants.record(ref).variations().get(0).status())
        .isEqualTo(Variation.Status.DECLINED);

    var told = new london.cofund.Mailbox(sink).of("VARIATION_DECIDED", ref);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).to()).containsExactly(london.cofund.fixtures.FundDriver.CONTACT);
    assertThat(told.get(0).subject()).contains("declined", ref);
    assertThat(told.get(0).text())
        .contains("MOPAC has declined", "extending the end date")
        .contains("Six more months to reach the outer boroughs.")
        .contains("MOPAC's reason: The fund ends in March 2029.")
        .contains("What you need to do: nothing; the grant stays as it was.");
    // The send step is done and the variation's subprocess has ended: nothing waits.
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(driver.grant(ref).getId())
                .activityId("SendTask_VariationDecided")
                .count())
        .isZero();
    // A variable a user could write is refused as the task's input: variationId is the process's.
    assertThat(VARIATION_ID.userWritable()).isFalse();
  }

  @Test
  void anExtendedEndDateAddsQuartersWhoseReturnsAreDueAndWhichCarryNoMoney() {
    String roundId = driver.openRound("GX");
    String ref = driver.assessed(roundId, "Six months longer", 400_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, false);
    steps.requestVariation(
        ref,
        new VariationRequest(
            Variation.Kind.END_DATE,
            null,
            LocalDate.of(2029, 9, 30),
            null,
            "Six more months to reach the outer boroughs."),
        LEAD);
    driver.complete(ref, TASK_DECIDE_VARIATION, VAR_VARIATION_DECISION, "APPROVE");
    assertThat(grants.get(ref).endsOn()).isEqualTo(LocalDate.of(2029, 9, 30));
    List<Quarter> quarters =
        grants.record(ref).payments().stream()
            .filter(p -> p.kind() == Payment.Kind.QUARTER)
            .map(Payment::quarter)
            .toList();
    assertThat(quarters).hasSize(10);
    Quarter q9 = quarters.get(8);
    Quarter q10 = quarters.get(9);
    assertThat(q9.toString()).isEqualTo("2029/30 Q1");
    assertThat(payment(ref, q10).plannedPence()).isZero();

    // The eight quarters of the budget's two years, £100,000 spent and paid in each.
    for (int i = 0; i < 8; i++) {
      quarter(ref, quarters.get(i), 10_000_000L);
    }
    // The loop goes on into the extension: the return for 2029/30 Q1 is due as any other.
    driver.moveTo(atLondon(q9.end().plusDays(1), LocalTime.of(10, 0)), ref);
    Task due = driver.task(ref, TASK_SUBMIT_RETURN);
    assertThat(due.getDueDate().toInstant())
        .isEqualTo(atLondon(q9.returnDue(), LocalTime.of(17, 0)));
    // Spend in a quarter beyond the budget's years is refused, naming the field.
    assertThatThrownBy(() -> steps.submitReturn(ref, extensionReturn(q9, 1L), LEAD))
        .isInstanceOf(london.cofund.system.InvalidRequestException.class)
        .hasMessageContaining("beyond its budget's years");
    steps.submitReturn(ref, extensionReturn(q9, 0L), LEAD);
    driver.run(ref);
    approve(ref, q9);
    assertThat(payment(ref, q9).paidPence()).isZero();
    driver.moveTo(atLondon(q10.end().plusDays(1), LocalTime.of(10, 0)), ref);
    steps.submitReturn(ref, extensionReturn(q10, 0L), LEAD);
    driver.run(ref);
    approve(ref, q10);

    // The grant has ended: it cannot be extended any more; the final report is due 60 days after
    // the new end.
    assertThatThrownBy(
            () ->
                steps.requestVariation(
                    ref,
                    new VariationRequest(
                        Variation.Kind.END_DATE,
                        null,
                        LocalDate.of(2030, 3, 31),
                        null,
                        "And longer still."),
                    LEAD))
        .isInstanceOf(london.cofund.system.ConflictException.class)
        .hasMessageContaining("ended on 2029-09-30");
    Task report = driver.task(ref, TASK_SUBMIT_FINAL_REPORT);
    assertThat(report.getDueDate().toInstant())
        .isEqualTo(atLondon(LocalDate.of(2029, 11, 29), LocalTime.of(17, 0)));
    var record = grants.record(ref);
    assertThat(record.paidPence())
        .isEqualTo(record.grant().awardPence() - record.returnedPence())
        .isEqualTo(80_000_000L);
  }

  /** A return for a quarter beyond the budget's years: outcomes, and spend on the last line. */
  static ReturnForm extensionReturn(Quarter quarter, long spendPence) {
    ReturnForm form = GrantDriver.returnFor(quarter, spendPence);
    return new ReturnForm(
        form.quarter(),
        List.of(new ReturnForm.SpendLine(GrantDriver.YEAR_2, spendPence)),
        form.outputs(),
        form.outcomes(),
        form.peopleReached(),
        form.risks(),
        form.narrative());
  }

  @Test
  void suspendedPaymentsAreHeldUntilMopacResumesThem() {
    String roundId = driver.openRound("GS");
    String ref = driver.assessed(roundId, "Held payments", 400_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, false);
    Quarter first = grants.record(ref).payments().get(0).quarter();
    driver.moveTo(atLondon(first.end().plusDays(1), LocalTime.of(10, 0)), ref);

    steps.suspend(ref, "An audit of the lead's accounts.", MOPAC);
    assertThat(grants.get(ref).paymentsSuspended()).isTrue();
    steps.submitReturn(ref, GrantDriver.returnFor(first, 9_000_000L), LEAD);
    driver.run(ref);
    driver.complete(ref, TASK_REVIEW_RETURN, VAR_RETURN_REVIEW, "APPROVE");
    assertThat(payment(ref, first).status()).isEqualTo(Payment.Status.HELD);
    assertThat(payment(ref, first).paidPence()).isNull();

    driver.complete(ref, TASK_RESUME_PAYMENTS, VAR_RESUME_REASON, "The audit found nothing.");
    assertThat(grants.get(ref).paymentsSuspended()).isFalse();
    assertThat(payment(ref, first).status()).isEqualTo(Payment.Status.PAID);
    assertThat(payment(ref, first).paidPence()).isEqualTo(9_000_000L);
  }

  // ---- steps

  /**
   * A grant of £600,000 a year over 2027/28 and 2028/29 through its eight quarters and its closure:
   * Q2's return late (reminded, then escalated), a variation moving £50,000 from year 1 to year 2,
   * Q3's return sent back and resubmitted; year 1 returns £70,000 to the fund, year 2 £10,000.
   */
  void twoYearsWithALateReturnASentBackOneAndAVariation(String ref) {
    List<Quarter> quarters =
        grants.record(ref).payments().stream()
            .filter(p -> p.kind() == Payment.Kind.QUARTER)
            .map(Payment::quarter)
            .toList();
    assertThat(quarters).hasSize(8);

    // Year 1: £120,000 spent a quarter. Q2's return is late: reminded, then escalated.
    quarter(ref, quarters.get(0), 12_000_000L);
    lateReturnIsRemindedThenEscalated(ref, quarters.get(1), 12_000_000L);

    // A variation moves £50,000 from year 1 to year 2; MOPAC approves it.
    var variation =
        steps.requestVariation(
            ref,
            new VariationRequest(
                Variation.Kind.BUDGET,
                List.of(
                    new VariationRequest.Line(GrantDriver.YEAR_1, 55_000_000L),
                    new VariationRequest.Line(GrantDriver.YEAR_2, 65_000_000L)),
                null,
                null,
                "Recruitment slipped into the second year."),
            LEAD);
    assertThat(variation.status()).isEqualTo(Variation.Status.REQUESTED);
    driver.complete(ref, TASK_DECIDE_VARIATION, VAR_VARIATION_DECISION, "APPROVE");
    assertThat(grants.heldByYear(ref))
        .containsEntry(GrantDriver.YEAR_1, 55_000_000L)
        .containsEntry(GrantDriver.YEAR_2, 65_000_000L);
    assertThat(grants.record(ref).variations().get(0).status())
        .isEqualTo(Variation.Status.APPROVED);
    // The lead is told, from a send step of its own.
    var approved = new london.cofund.Mailbox(sink).of("VARIATION_DECIDED", ref);
    assertThat(approved).hasSize(1);
    assertThat(approved.get(0).to()).containsExactly(london.cofund.fixtures.FundDriver.CONTACT);
    assertThat(approved.get(0).subject()).contains("approved");
    assertThat(approved.get(0).text())
        .contains("MOPAC has approved", "moving money between the years of the budget")
        .contains("Recruitment slipped into the second year.");

    // Q3's return is sent back with reasons, then resubmitted and approved.
    sentBackThenResubmitted(ref, quarters.get(2), 12_000_000L);
    quarter(ref, quarters.get(3), 12_000_000L);
    // Year 1 paid £480,000 of £550,000: £70,000 goes back to the fund.
    assertThat(grants.record(ref).lines().get(0).returnedPence()).isEqualTo(7_000_000L);

    // Year 2: £160,000 a quarter of £650,000: £10,000 goes back.
    for (int i = 4; i < 8; i++) {
      quarter(ref, quarters.get(i), 16_000_000L);
    }

    // Closure: the final report, then MOPAC's evaluation.
    driver.complete(ref, TASK_SUBMIT_FINAL_REPORT, VAR_FINAL_REPORT, "Delivered as promised.");
    driver.complete(ref, TASK_RECORD_EVALUATION, VAR_EVALUATION, "Good value; continue.");
    assertThat(driver.grant(ref)).isNull();
  }

  Payment payment(String ref, Quarter quarter) {
    return grants.record(ref).payments().stream()
        .filter(p -> p.quarter().equals(quarter) && p.kind() == Payment.Kind.QUARTER)
        .findFirst()
        .orElseThrow();
  }

  /**
   * One quarter as it should go: the quarter ends, the lead reports, MOPAC approves, it is paid.
   */
  void quarter(String ref, Quarter quarter, long spendPence) {
    driver.moveTo(atLondon(quarter.end().plusDays(1), LocalTime.of(10, 0)), ref);
    Task task = driver.task(ref, TASK_SUBMIT_RETURN);
    assertThat(task.getAssignee()).isEqualTo("applicant1");
    assertThat(task.getDueDate().toInstant())
        .isEqualTo(atLondon(quarter.returnDue(), LocalTime.of(17, 0)));
    steps.submitReturn(ref, GrantDriver.returnFor(quarter, spendPence), LEAD);
    driver.run(ref);
    approve(ref, quarter);
  }

  void approve(String ref, Quarter quarter) {
    driver.complete(ref, TASK_REVIEW_RETURN, VAR_RETURN_REVIEW, "APPROVE");
    Payment paid =
        grants.record(ref).payments().stream()
            .filter(p -> p.quarter().equals(quarter) && p.kind() == Payment.Kind.QUARTER)
            .findFirst()
            .orElseThrow();
    assertThat(paid.status()).as("payment of " + quarter).isEqualTo(Payment.Status.PAID);
  }

  void lateReturnIsRemindedThenEscalated(String ref, Quarter quarter, long spendPence) {
    driver.moveTo(atLondon(quarter.end().plusDays(1), LocalTime.of(10, 0)), ref);
    Task task = driver.task(ref, TASK_SUBMIT_RETURN);
    sweepAt(atLondon(quarter.returnDue().minusDays(2), LocalTime.of(10, 0)));
    sweepAt(atLondon(quarter.returnDue().plusDays(1), LocalTime.of(10, 0)));
    List<OutboxRow> mail = outbox.withKeyPrefix("task:" + task.getId() + ":");
    assertThat(mail)
        .extracting(OutboxRow::template)
        .contains("TASK_REMINDER", "OVERDUE_ESCALATION");
    driver.moveTo(atLondon(quarter.returnDue().plusDays(2), LocalTime.of(10, 0)), ref);
    steps.submitReturn(ref, GrantDriver.returnFor(quarter, spendPence), LEAD);
    driver.run(ref);
    approve(ref, quarter);
  }

  void sentBackThenResubmitted(String ref, Quarter quarter, long spendPence) {
    driver.moveTo(atLondon(quarter.end().plusDays(1), LocalTime.of(10, 0)), ref);
    steps.submitReturn(ref, GrantDriver.returnFor(quarter, spendPence), LEAD);
    driver.run(ref);
    driver.complete(
        ref,
        TASK_REVIEW_RETURN,
        VAR_RETURN_REVIEW,
        "CHANGES",
        VAR_RETURN_REVIEW_REASONS,
        "Outcomes need figures per borough.");
    assertThat(grants.returnOf(ref, quarter).orElseThrow().status())
        .isEqualTo(MonitoringReturn.Status.CHANGES_REQUESTED);
    // The lead is told, from a send step of its own, with a link to the task.
    var told = new london.cofund.Mailbox(sink).of("RETURN_CHANGES_REQUESTED", ref);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).to()).containsExactly(london.cofund.fixtures.FundDriver.CONTACT);
    assertThat(told.get(0).text()).contains("asks for changes", "taskKey=Task_SubmitReturn");
    assertThat(
            (String)
                driver.tasks.getVariableLocal(
                    driver.task(ref, TASK_SUBMIT_RETURN).getId(), VAR_TASK_BRIEF))
        .contains("Outcomes need figures per borough.");
    steps.submitReturn(ref, GrantDriver.returnFor(quarter, spendPence), LEAD);
    driver.run(ref);
    assertThat(grants.returnOf(ref, quarter).orElseThrow().version()).isEqualTo(2);
    approve(ref, quarter);
  }

  /** One reminder sweep at {@code when}, as its timer would start it. */
  void sweepAt(Instant when) {
    ClockUtil.setCurrentTime(java.util.Date.from(when));
    var runtime = engine.getRuntimeService();
    String instance =
        runtime
            .createProcessInstanceByKey(ReminderSweepProcess.KEY)
            .startBeforeActivity(ReminderSweepProcess.TASK_SEND_REMINDERS)
            .execute()
            .getId();
    var management = engine.getManagementService();
    management.executeJob(
        management.createJobQuery().processInstanceId(instance).singleResult().getId());
  }

  static Instant atLondon(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(GrantDriver.LONDON).toInstant();
  }
}
