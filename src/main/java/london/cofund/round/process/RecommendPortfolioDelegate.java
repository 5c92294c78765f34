package london.cofund.round.process;

import london.cofund.round.RoundService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code Task_RecommendPortfolio}: the optimal portfolio of assessed proposals. */
@Component
class RecommendPortfolioDelegate implements JavaDelegate {

  private final RoundService rounds;

  RecommendPortfolioDelegate(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rounds.recommend(FundingRoundProcess.ROUND_ID.require(execution));
  }
}
