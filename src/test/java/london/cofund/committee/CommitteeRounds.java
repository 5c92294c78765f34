package london.cofund.committee;

import java.util.Date;
import java.util.List;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * The committee tests' round: opened on the fixed engine clock ({@link Fixtures#NOW}), its
 * prospectus published (its first decision point) and one eligible EOI delivered in Westminster,
 * Camden and Islington. {@link #cleanUp} removes every process instance of the round (its own, its
 * bids' and its committee updates'), so that no task dated by the fixed clock stays open for the
 * other tests, and restores the clock.
 */
final class CommitteeRounds {

  /** What the round holds. */
  record Scenario(String roundId, String name, String bid, String bidTitle) {}

  private final ApplicationContext context;

  CommitteeRounds(ApplicationContext context) {
    this.context = context;
  }

  Scenario published(String prefix) {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId(prefix), Fixtures.NOW));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    String title = "Women & girls";
    String bid =
        fund.submit(roundId, Fixtures.eligibleEoi(title, FundDriver.CONTACT), "applicant1");
    return new Scenario(
        roundId, context.getBean(RoundService.class).get(roundId).name(), bid, title);
  }

  void cleanUp(String roundId) {
    RuntimeService runtime = context.getBean(RuntimeService.class);
    if (roundId != null) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceBusinessKeyLike(roundId + "%")
          .list()
          .forEach(
              instance ->
                  runtime.deleteProcessInstanceIfExists(
                      instance.getId(), "committee test finished", true, true, true, false));
    }
    ClockUtil.reset();
  }
}
