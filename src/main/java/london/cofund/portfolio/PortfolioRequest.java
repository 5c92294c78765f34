package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One funding decision to optimise: the round's assessed proposals and its rules, as published in
 * the prospectus (short list, project count, pot) and set by the panel (fundable threshold).
 *
 * <p>The constructor rejects requests that cannot describe a real round, naming the field, so an
 * API can pass the message on to the caller.
 *
 * @param candidates every assessed proposal of the round, fundable or not; references unique
 * @param shortlist the round's short-listed priority codes; other themes earn no coverage
 * @param minProjects the fewest projects to fund (5 in tranche 1); at least 1
 * @param maxProjects the most projects to fund (8 in tranche 1); at least {@code minProjects}
 * @param potAmount the money available, in whole pounds; 0 to {@link #MAX_POT_AMOUNT}
 * @param fundableThreshold the lowest total score that may be funded (inclusive)
 * @param yearBudgets the co-commissioning money available in each financial year for this round,
 *     written {@code 2018/19}, in whole pounds; each 0 to {@link #MAX_POT_AMOUNT}. A recommended
 *     portfolio spends at most this much in each year, counting the {@linkplain
 *     PortfolioCandidate#costByYear() split} of every candidate that gives one. When the map is not
 *     empty, a year it does not name has a budget of £0, so a candidate asking for money in such a
 *     year cannot be funded. Empty means no limit per year: only the pot applies. The years need
 *     not add up to the pot; both limits apply. Iterates in year order.
 */
public record PortfolioRequest(
    List<PortfolioCandidate> candidates,
    Set<String> shortlist,
    int minProjects,
    int maxProjects,
    long potAmount,
    BigDecimal fundableThreshold,
    Map<String, Long> yearBudgets) {

  /**
   * The largest pot accepted: a thousand trillion pounds, far above any public budget. The limit
   * keeps every sum of costs the optimizer forms exact in a {@code long}.
   */
  public static final long MAX_POT_AMOUNT = 1_000_000_000_000_000L;

  /** Validates the request and takes immutable copies of its collections. */
  public PortfolioRequest {
    if (candidates == null || candidates.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "candidates must be a list of candidates (possibly empty), without nulls");
    }
    Set<String> references = new HashSet<>();
    for (PortfolioCandidate candidate : candidates) {
      if (!references.add(candidate.reference())) {
        throw new IllegalArgumentException(
            "candidates: reference " + candidate.reference() + " appears more than once");
      }
    }
    if (shortlist == null || shortlist.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "shortlist must be a set of priority codes (possibly empty), without nulls");
    }
    if (minProjects < 1) {
      throw new IllegalArgumentException("minProjects must be at least 1, was " + minProjects);
    }
    if (maxProjects < minProjects) {
      throw new IllegalArgumentException(
          "maxProjects must be at least minProjects (" + minProjects + "), was " + maxProjects);
    }
    if (potAmount < 0 || potAmount > MAX_POT_AMOUNT) {
      throw new IllegalArgumentException(
          "potAmount must be between 0 and " + MAX_POT_AMOUNT + ", was " + potAmount);
    }
    if (fundableThreshold == null) {
      throw new IllegalArgumentException("fundableThreshold is missing");
    }
    candidates = List.copyOf(candidates);
    shortlist = Set.copyOf(shortlist);
    yearBudgets = budgets(yearBudgets);
  }

  /** A request without budgets per financial year: only the pot limits the money. */
  public PortfolioRequest(
      List<PortfolioCandidate> candidates,
      Set<String> shortlist,
      int minProjects,
      int maxProjects,
      long potAmount,
      BigDecimal fundableThreshold) {
    this(candidates, shortlist, minProjects, maxProjects, potAmount, fundableThreshold, Map.of());
  }

  private static Map<String, Long> budgets(Map<String, Long> yearBudgets) {
    if (yearBudgets == null) {
      throw new IllegalArgumentException(
          "yearBudgets must be a map of financial years to amounts (possibly empty)");
    }
    if (yearBudgets.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> copy = new TreeMap<>();
    for (Map.Entry<String, Long> entry : yearBudgets.entrySet()) {
      String year = entry.getKey();
      Long amount = entry.getValue();
      if (year == null || year.isBlank() || amount == null) {
        throw new IllegalArgumentException(
            "yearBudgets needs a financial year and an amount in every entry, was " + yearBudgets);
      }
      if (amount < 0 || amount > MAX_POT_AMOUNT) {
        throw new IllegalArgumentException(
            "yearBudgets for "
                + year
                + " must be between 0 and "
                + MAX_POT_AMOUNT
                + ", was "
                + amount);
      }
      copy.put(year, amount);
    }
    return Collections.unmodifiableMap(copy);
  }
}
