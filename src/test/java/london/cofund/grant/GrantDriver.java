package london.cofund.grant;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import london.cofund.JobDriver;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.grant.process.GrantProcess;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.FullProposalForm.BudgetLine;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Takes proposals to a grant, and grants through their quarters, as the roles would: a round whose
 * services start on 1 April 2027, and full proposals budgeted over 2027/28 and 2028/29, so that a
 * grant has exactly eight quarters.
 */
final class GrantDriver {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final OffsetDateTime SERVICE_START =
      OffsetDateTime.of(2027, 4, 1, 9, 0, 0, 0, java.time.ZoneOffset.ofHours(1));
  static final String YEAR_1 = "2027/28";
  static final String YEAR_2 = "2028/29";

  final FundDriver fund;
  final ProcessEngine engine;
  final TaskService tasks;
  final RoundService rounds;
  final JobDriver jobs;

  GrantDriver(ApplicationContext context) {
    this.fund = new FundDriver(context);
    this.engine = context.getBean(ProcessEngine.class);
    this.tasks = engine.getTaskService();
    this.rounds = context.getBean(RoundService.class);
    this.jobs = new JobDriver(engine.getManagementService());
  }

  /** A published round of its own whose services start on 1 April 2027. */
  String openRound(String prefix) {
    return openRound(prefix, 10_000_000L, null);
  }

  /** The same round with a pot of its own, drawing on a named fund (null: the demo fund). */
  String openRound(String prefix, long pot, String fundId) {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    RoundRequest request = request(prefix, pot, fundId);
    rounds.register(request, "mopac");
    rounds.agreeShortlist(
        request.roundId(),
        List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(request.roundId());
    return request.roundId();
  }

  /**
   * The same round, run by its own {@code fundingRound} process: consultation, short list (female
   * offending) and sign-off, so that its panel decides and announces the awards ({@link
   * #decideInTheRound}).
   */
  String openRoundWithItsProcess(String prefix, long pot, String fundId) {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    String roundId = fund.openRound(request(prefix, pot, fundId));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    return roundId;
  }

  /**
   * The round's full-proposal deadline passes; the panel funds {@code funded} and defers nothing;
   * the Leaders' Committee signs the awards off and MOPAC records the decision of record, so the
   * round announces the decisions to the proposals.
   */
  void decideInTheRound(String roundId, String... funded) {
    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        String.join(",", funded),
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        "");
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        FundingRoundProcess.VAR_AWARDS_APPROVED,
        true);
    fund.recordDecisionOfRecord(roundId, FundDriver.DECISION_OF_RECORD);
  }

  private static RoundRequest request(String prefix, long pot, String fundId) {
    RoundRequest r = Fixtures.round(Fixtures.newRoundId(prefix), Fixtures.NOW, pot);
    return new RoundRequest(
        r.roundId(),
        r.name(),
        r.tranche(),
        r.potAmount(),
        r.minProjects(),
        r.maxProjects(),
        r.assessorsPerProposal(),
        r.fundableThreshold(),
        r.priorityLongList(),
        r.consultationDeadline(),
        r.eoiDeadline(),
        r.fullProposalDeadline(),
        r.decisionDate(),
        SERVICE_START,
        r.previousRoundId(),
        fundId,
        r.minSubRegionalBoroughs(),
        r.minPartnerAgencies());
  }

  /** A proposal assessed with the given scores, its budget per year in whole pounds. */
  String assessed(String roundId, String title, long year1, long year2, int score) {
    EoiForm eoi = Fixtures.eligibleEoi(title, FundDriver.CONTACT);
    String ref = fund.submit(roundId, eoi, "applicant1");
    fund.confirmEveryBorough(ref);
    fund.feedback(ref, "ACCEPT", "Develop it.");
    fund.submitFullProposal(
        ref,
        FullProposalForm.of(
            eoi,
            List.of(new BudgetLine(YEAR_1, year1), new BudgetLine(YEAR_2, year2)),
            "Fewer women reoffend.",
            "Women's centres in each borough.",
            "Recruitment delays."));
    fund.assess(ref, "assessor1", score, score, score, score, score);
    fund.assess(ref, "assessor2", score, score, score, score, score);
    return ref;
  }

  /** The panel's decision reaches the proposal, as the round's announcement sends it. */
  void decide(String ref, String outcome) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(MESSAGE_FUNDING_DECISION)
        .processInstanceBusinessKey(ref)
        .setVariable(VAR_FUNDING_OUTCOME, outcome)
        .setVariable(VAR_AWARD_DECISION_REFERENCE, FundDriver.DECISION_OF_RECORD)
        .correlateWithResult();
    fund.run();
  }

  /** MOPAC confirms the agreement signed; the grant opens. */
  void sign(String ref, boolean firstPaymentInAdvance) {
    fund.complete(
        fund.task(ref, TASK_CONFIRM_GRANT_AGREEMENT),
        VAR_GRANT_AGREEMENT_SIGNED,
        true,
        VAR_AGREEMENT_DATE,
        "2027-03-01",
        VAR_AGREEMENT_CONDITIONS,
        "Quarterly returns within 20 days.",
        VAR_FIRST_PAYMENT_IN_ADVANCE,
        firstPaymentInAdvance);
    run(ref);
  }

  ProcessInstance grant(String ref) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(GrantProcess.KEY)
        .processInstanceBusinessKey(ref)
        .singleResult();
  }

  /** Moves the engine clock and runs the due jobs of the proposal and its grant. */
  void moveTo(Instant instant, String ref) {
    ClockUtil.setCurrentTime(Date.from(instant));
    run(ref);
  }

  void run(String ref) {
    fund.run();
    List<String> ids = new ArrayList<>();
    // The grant, and a proposal process started again (a replacement), besides those fund started.
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(ref)
        .list()
        .forEach(i -> ids.add(i.getId()));
    if (!ids.isEmpty()) {
      jobs.runDueJobsWithoutFailures(ids.toArray(String[]::new));
    }
  }

  Task task(String ref, String key) {
    return fund.task(ref, key);
  }

  List<Task> tasks(String ref, String key) {
    return fund.tasks(ref, key);
  }

  void complete(String ref, String key, Object... nameValuePairs) {
    Map<String, Object> variables = new java.util.HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    tasks.complete(task(ref, key).getId(), variables);
    run(ref);
  }

  /** A return for a quarter: spend on one line, in whole pence. */
  static ReturnForm returnFor(Quarter quarter, long spendPence) {
    return new ReturnForm(
        quarter.toString(),
        List.of(new ReturnForm.SpendLine(quarter.year().toString(), spendPence)),
        "Three women's centres open; 120 referrals.",
        "Early signs of fewer breaches of licence.",
        List.of(
            new ReturnForm.Reach(Fixtures.WESTMINSTER, 40),
            new ReturnForm.Reach(Fixtures.CAMDEN, 35)),
        "Staff turnover.",
        "A steady quarter.");
  }
}
