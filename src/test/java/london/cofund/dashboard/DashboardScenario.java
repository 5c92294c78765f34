package london.cofund.dashboard;

import static london.cofund.proposal.process.ProposalProcess.TASK_AGREE_MODERATED_SCORE;
import static london.cofund.proposal.process.ProposalProcess.VAR_MODERATED_TOTAL;
import static london.cofund.proposal.process.ProposalProcess.VAR_MODERATION_NOTE;

import java.util.Date;
import java.util.List;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.EoiForm;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * One round taken through the real processes to its announcement, for the dashboard's tests: four
 * EOIs, of which one is funded, one deferred, one rejected at feedback and one lapsed after failing
 * the criteria. Built once per JVM (the Spring tests share one database).
 */
public record DashboardScenario(
    String roundId, String funded, String deferred, String rejected, String lapsed) {

  private static DashboardScenario built;

  public static synchronized DashboardScenario in(ApplicationContext context) {
    if (built != null) {
      return built;
    }
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    try {
      FundDriver fund = new FundDriver(context);
      RoundService rounds = context.getBean(RoundService.class);
      String roundId =
          fund.openRound(Fixtures.round(Fixtures.newRoundId("DASH"), Fixtures.NOW, 2_000_000L));
      fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
      String funded =
          fund.toAssessment(
              roundId, Fixtures.eligibleEoi("Dashboard centres", FundDriver.CONTACT), "applicant1");
      String deferred =
          fund.toAssessment(
              roundId,
              Fixtures.ledBy(
                  Fixtures.eligibleEoi("Dashboard girls at risk", "lead@one.example.org"),
                  "One Housing",
                  "lead@one.example.org"),
              "applicant2");
      EoiForm turnedDown = Fixtures.eligibleEoi("Dashboard turned down", "lead@x.example.org");
      String rejected = fund.submit(roundId, turnedDown, "applicant1");
      fund.confirmEveryBorough(rejected);
      fund.feedback(rejected, "REJECT", "Does not meet the brief.");
      String lapsed =
          fund.submit(
              roundId,
              Fixtures.twoBoroughEoi("Dashboard two boroughs", FundDriver.CONTACT),
              "applicant2");

      fund.assess(funded, "assessor1", 5, 5, 5, 5, 5);
      fund.assess(funded, "assessor2", 3, 4, 4, 4, 4);
      fund.complete(
          fund.task(funded, TASK_AGREE_MODERATED_SCORE),
          VAR_MODERATED_TOTAL,
          21.5,
          VAR_MODERATION_NOTE,
          "Need is strong; fit overstated.");
      fund.assess(deferred, "assessor1", 4, 3, 4, 3, 4);
      fund.assess(deferred, "assessor2", 3, 4, 3, 4, 3);

      fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
      fund.complete(
          fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
          FundingRoundProcess.VAR_FUNDED_REFERENCES,
          funded,
          FundingRoundProcess.VAR_DEFERRED_REFERENCES,
          deferred,
          FundingRoundProcess.VAR_DECISION_RATIONALE,
          "The panel funds the stronger bid and carries the other forward.");
      fund.complete(
          fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
          FundingRoundProcess.VAR_AWARDS_APPROVED,
          true);
      fund.recordDecisionOfRecord(roundId, "PCD 311");
      built = new DashboardScenario(roundId, funded, deferred, rejected, lapsed);
      return built;
    } finally {
      ClockUtil.reset();
    }
  }
}
