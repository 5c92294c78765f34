package london.cofund.round.process;

import java.util.Optional;
import london.cofund.notification.FundFacts;
import london.cofund.notification.ProposalFacts;
import london.cofund.notification.RoundFacts;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import org.springframework.stereotype.Component;

/** What the round's emails say about a round; proposals are answered by the proposal feature. */
@Component
class RoundMailFacts implements FundFacts {

  private final RoundService rounds;

  RoundMailFacts(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public Optional<RoundFacts> round(String roundId) {
    return rounds.find(roundId).map(RoundMailFacts::facts);
  }

  @Override
  public Optional<ProposalFacts> proposal(String reference) {
    return Optional.empty();
  }

  static RoundFacts facts(Round round) {
    return new RoundFacts(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.potAmount(),
        round.shortlistPriorities().stream().map(Priority::title).toList(),
        round.dates().consultationDeadline(),
        round.dates().eoiDeadline(),
        round.dates().fullProposalDeadline(),
        round.dates().decisionDate(),
        round.dates().serviceStartDate());
  }
}
