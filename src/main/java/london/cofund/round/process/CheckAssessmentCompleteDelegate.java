package london.cofund.round.process;

import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_CheckAssessmentComplete}: is any proposal still on its way to assessment? If
 * so the round waits for {@code ProposalsAssessed}, which the last proposal to settle sends.
 */
@Component
class CheckAssessmentCompleteDelegate implements JavaDelegate {

  private final RoundService rounds;

  CheckAssessmentCompleteDelegate(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = FundingRoundProcess.ROUND_ID.require(execution);
    execution.setVariable(
        FundingRoundProcess.VAR_ALL_PROPOSALS_ASSESSED, rounds.assessmentComplete(roundId));
  }
}
