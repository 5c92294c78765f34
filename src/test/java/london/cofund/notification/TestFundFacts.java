package london.cofund.notification;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A test fake of {@link FundFacts} that knows only what a test put in it, and only ids that start
 * with {@value #PREFIX}. It is a component of the one shared test context (component scanning finds
 * it in test-classes), beside the real implementations once the round and proposal packages provide
 * them: {@link FactsLookup} asks every {@code FundFacts} in order, the real ones first (this one is
 * ordered last), and an id is known to one of them only. Nothing is {@code @Primary}, so nothing
 * here hides or replaces the real facts in other tests.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class TestFundFacts implements FundFacts {

  /** Every id this fake answers for starts with this. */
  public static final String PREFIX = "test-";

  private final Map<String, RoundFacts> rounds = new ConcurrentHashMap<>();
  private final Map<String, ProposalFacts> proposals = new ConcurrentHashMap<>();

  public RoundFacts put(RoundFacts round) {
    requirePrefix(round.roundId());
    rounds.put(round.roundId(), round);
    return round;
  }

  public ProposalFacts put(ProposalFacts proposal) {
    requirePrefix(proposal.reference());
    proposals.put(proposal.reference(), proposal);
    return proposal;
  }

  @Override
  public Optional<RoundFacts> round(String roundId) {
    return roundId != null && roundId.startsWith(PREFIX)
        ? Optional.ofNullable(rounds.get(roundId))
        : Optional.empty();
  }

  @Override
  public Optional<ProposalFacts> proposal(String reference) {
    return reference != null && reference.startsWith(PREFIX)
        ? Optional.ofNullable(proposals.get(reference))
        : Optional.empty();
  }

  private static void requirePrefix(String id) {
    if (id == null || !id.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Test facts need ids starting with " + PREFIX + ": " + id);
    }
  }
}
