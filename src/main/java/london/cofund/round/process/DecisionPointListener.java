package london.cofund.round.process;

import london.cofund.round.DecisionPoint;
import london.cofund.round.DecisionPoints;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records a decision point as the round's process passes it: {@code
 * ${decisionPoint.reached(execution, 'PROSPECTUS')}} on an execution listener in fundingRound.bpmn.
 * {@code TRANCHE_2} is reached by the previous round when the next tranche is registered: {@code
 * ${decisionPoint.nextTrancheOpened(execution)}}.
 */
@Component("decisionPoint")
public class DecisionPointListener {

  private final DecisionPoints points;
  private final RoundService rounds;

  DecisionPointListener(DecisionPoints points, RoundService rounds) {
    this.points = points;
    this.rounds = rounds;
  }

  public void reached(DelegateExecution execution, String point) {
    points.reached(FundingRoundProcess.ROUND_ID.require(execution), DecisionPoint.valueOf(point));
  }

  /** The previous round, if this one carries its work forward, reaches its tranche 2. */
  public void nextTrancheOpened(DelegateExecution execution) {
    String previous = rounds.get(FundingRoundProcess.ROUND_ID.require(execution)).previousRoundId();
    if (previous != null) {
      points.reached(previous, DecisionPoint.TRANCHE_2);
    }
  }
}
