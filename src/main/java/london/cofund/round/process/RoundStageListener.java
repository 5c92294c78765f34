package london.cofund.round.process;

import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the round to a stage as the process enters an element: {@code ${roundStage.enter(execution,
 * 'SHORTLISTING')}} on an execution listener in fundingRound.bpmn.
 */
@Component("roundStage")
public class RoundStageListener {

  private final RoundService rounds;

  RoundStageListener(RoundService rounds) {
    this.rounds = rounds;
  }

  public void enter(DelegateExecution execution, String stage) {
    rounds.changeStage(FundingRoundProcess.ROUND_ID.require(execution), RoundStage.valueOf(stage));
  }
}
