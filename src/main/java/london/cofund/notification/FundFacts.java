package london.cofund.notification;

import java.util.Optional;

/**
 * What notifications need to know about rounds and proposals, provided by the packages that own
 * them. The notification module only reads through this interface, so it never depends on their
 * tables or services.
 *
 * <p>Several implementations may coexist: each is asked in order ({@link
 * org.springframework.core.annotation.Order}) and the first that knows the id answers. A package
 * may therefore answer only rounds, and another only proposals. An implementation returns {@link
 * Optional#empty()} for an id it does not know; it never throws for that.
 */
public interface FundFacts {

  /** The round with this id, if this implementation knows it. */
  Optional<RoundFacts> round(String roundId);

  /** The proposal with this reference, if this implementation knows it. */
  Optional<ProposalFacts> proposal(String reference);
}
