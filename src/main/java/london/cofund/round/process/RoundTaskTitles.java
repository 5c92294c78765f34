package london.cofund.round.process;

import java.util.Optional;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.process.TaskTitles;
import org.springframework.stereotype.Component;

/** A round's tasks are about the round: its name. */
@Component
class RoundTaskTitles implements TaskTitles {

  private final RoundService rounds;

  RoundTaskTitles(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public String processKey() {
    return FundingRoundProcess.KEY;
  }

  @Override
  public Optional<String> titleOf(String roundId) {
    return rounds.find(roundId).map(Round::name);
  }
}
