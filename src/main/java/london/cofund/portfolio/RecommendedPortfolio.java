package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The optimizer's recommendation to the decision panel: every candidate lands in exactly one of
 * {@code funded}, {@code deferred} (fundable, not chosen: a near miss that tranche 2 may pick up)
 * or {@code notFunded} (below the fundable threshold).
 *
 * <p>The four list names are the JSON shape the REST API exposes, so they must not be renamed.
 * Lists are sorted by reference, so equal recommendations compare and serialise equally.
 *
 * @param funded references of the recommended projects
 * @param deferred references of fundable candidates that are not recommended
 * @param notFunded references of candidates below the fundable threshold
 * @param flags names of {@link PortfolioFlag}s; empty when the project count rule is met
 * @param prioritiesCovered how many distinct short-listed priorities the funded projects address
 * @param totalScore the sum of the funded projects' total scores, with two decimal places
 * @param totalCost the sum of the funded projects' costs, in pounds
 * @param unspent the pot minus {@code totalCost}, in pounds
 * @param costByYear what the funded projects spend in each financial year, in pounds: the sum of
 *     their {@linkplain PortfolioCandidate#costByYear() splits}, in year order, naming every year
 *     that some funded project's split names. Projects that give no split count only in {@code
 *     totalCost}, so the years may add up to less. Empty when no funded project gives a split (a
 *     recommendation stored before the split existed reads as empty too).
 */
public record RecommendedPortfolio(
    List<String> funded,
    List<String> deferred,
    List<String> notFunded,
    List<String> flags,
    int prioritiesCovered,
    BigDecimal totalScore,
    long totalCost,
    long unspent,
    Map<String, Long> costByYear) {

  /** Takes immutable copies of the lists and the map. */
  public RecommendedPortfolio {
    funded = List.copyOf(funded);
    deferred = List.copyOf(deferred);
    notFunded = List.copyOf(notFunded);
    flags = List.copyOf(flags);
    Objects.requireNonNull(totalScore, "totalScore");
    costByYear =
        costByYear == null || costByYear.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(costByYear));
  }

  /** A recommendation without spending by financial year. */
  public RecommendedPortfolio(
      List<String> funded,
      List<String> deferred,
      List<String> notFunded,
      List<String> flags,
      int prioritiesCovered,
      BigDecimal totalScore,
      long totalCost,
      long unspent) {
    this(
        funded,
        deferred,
        notFunded,
        flags,
        prioritiesCovered,
        totalScore,
        totalCost,
        unspent,
        Map.of());
  }

  /** Whether the recommendation carries the given flag. */
  public boolean hasFlag(PortfolioFlag flag) {
    return flags.contains(flag.name());
  }
}
