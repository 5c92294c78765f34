package london.cofund.round.process;

import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code Task_PublishProspectus}: the round opens for EOIs. */
@Component
class PublishProspectusDelegate implements JavaDelegate {

  private final RoundService rounds;

  PublishProspectusDelegate(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rounds.publish(FundingRoundProcess.ROUND_ID.require(execution));
  }
}
