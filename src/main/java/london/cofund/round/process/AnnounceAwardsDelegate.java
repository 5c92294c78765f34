package london.cofund.round.process;

import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_AnnounceAwards}: every assessed proposal receives {@code FundingDecision}, and
 * the priorities no funded project covers are carried forward. One transaction: all or none.
 */
@Component
class AnnounceAwardsDelegate implements JavaDelegate {

  private final RoundService rounds;

  AnnounceAwardsDelegate(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rounds.announce(FundingRoundProcess.ROUND_ID.require(execution));
  }
}
