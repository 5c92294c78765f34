package london.cofund.notification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link FundFacts} bean, in order, until one knows the id. The application starts
 * without any (the round and proposal packages provide them); a message that needs facts then fails
 * with a message saying so, which becomes an incident after its retries.
 */
@Component
public class FactsLookup {

  private final ObjectProvider<FundFacts> facts;

  public FactsLookup(ObjectProvider<FundFacts> facts) {
    this.facts = facts;
  }

  /** The round, or empty when no implementation knows it. */
  public Optional<RoundFacts> round(String roundId) {
    return first(source -> source.round(roundId));
  }

  /** The proposal, or empty when no implementation knows it. */
  public Optional<ProposalFacts> proposal(String reference) {
    return first(source -> source.proposal(reference));
  }

  /** The round, or an exception an operator can act on. */
  public RoundFacts requireRound(String roundId) {
    return round(roundId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Round '" + roundId + "' is unknown to " + describeSources()));
  }

  /** The proposal, or an exception an operator can act on. */
  public ProposalFacts requireProposal(String reference) {
    return proposal(reference)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Proposal '" + reference + "' is unknown to " + describeSources()));
  }

  private <T> Optional<T> first(Function<FundFacts, Optional<T>> ask) {
    for (FundFacts source : sources()) {
      Optional<T> answer = ask.apply(source);
      if (answer != null && answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  private List<FundFacts> sources() {
    return facts.orderedStream().toList();
  }

  private String describeSources() {
    List<FundFacts> sources = sources();
    if (sources.isEmpty()) {
      return "CoFund: no FundFacts bean is installed (the round and proposal packages provide"
          + " it), so no message about a round or a proposal can be written";
    }
    return "every FundFacts bean ("
        + String.join(", ", sources.stream().map(s -> s.getClass().getSimpleName()).toList())
        + ")";
  }
}
