package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import london.cofund.system.Scores;

/**
 * An assessed full proposal, reduced to what the funding decision weighs: what it costs, how well
 * it scored and which priorities it addresses.
 *
 * <p>The constructor rejects values that no assessment can produce, so that a bad upstream record
 * fails loudly here instead of skewing a recommendation.
 *
 * @param reference the proposal's unique reference within the round
 * @param cost the amount requested, in whole pounds; more than zero
 * @param totalScore the moderated total score, a sum of the criteria's mean scores: between 5 and
 *     25, with at most two decimal places (callers round means to pence-like precision, e.g. 18.33)
 * @param priorities the proposal's priority theme codes; only those on the round's short list count
 *     towards coverage
 * @param costByYear the amount requested split by financial year, written {@code 2018/19}, in whole
 *     pounds; each amount at least zero and together exactly {@code cost}. Empty means the proposal
 *     gives no split, and then only the pot limits it, not the {@linkplain
 *     PortfolioRequest#yearBudgets() budgets per year}. Iterates in year order.
 */
public record PortfolioCandidate(
    String reference,
    long cost,
    BigDecimal totalScore,
    Set<String> priorities,
    Map<String, Long> costByYear) {

  /** The lowest total score the scoring scheme can give. */
  public static final BigDecimal MIN_TOTAL_SCORE = BigDecimal.valueOf(5);

  /** The highest total score the scoring scheme can give. */
  public static final BigDecimal MAX_TOTAL_SCORE = BigDecimal.valueOf(Scores.MAX_TOTAL);

  /** Scores are compared exactly in hundredths, so finer scores would be silently rounded. */
  static final int SCORE_DECIMALS = 2;

  /** Validates the candidate and takes immutable copies of its priorities and yearly costs. */
  public PortfolioCandidate {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("A candidate needs a non-blank reference");
    }
    if (cost <= 0) {
      throw new IllegalArgumentException(
          "Candidate " + reference + ": cost must be more than £0, was £" + cost);
    }
    if (totalScore == null) {
      throw new IllegalArgumentException("Candidate " + reference + ": totalScore is missing");
    }
    if (totalScore.compareTo(MIN_TOTAL_SCORE) < 0 || totalScore.compareTo(MAX_TOTAL_SCORE) > 0) {
      throw new IllegalArgumentException(
          "Candidate "
              + reference
              + ": totalScore must be between 5 and 25, was "
              + totalScore.toPlainString());
    }
    if (totalScore.stripTrailingZeros().scale() > SCORE_DECIMALS) {
      throw new IllegalArgumentException(
          "Candidate "
              + reference
              + ": totalScore may have at most 2 decimal places, was "
              + totalScore.toPlainString());
    }
    if (priorities == null || priorities.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "Candidate "
              + reference
              + ": priorities must be a set of codes (possibly empty),"
              + " without nulls");
    }
    priorities = Set.copyOf(priorities);
    costByYear = yearlyCosts(reference, cost, costByYear);
  }

  /** A candidate that gives no split of its cost by financial year. */
  public PortfolioCandidate(
      String reference, long cost, BigDecimal totalScore, Set<String> priorities) {
    this(reference, cost, totalScore, priorities, Map.of());
  }

  private static Map<String, Long> yearlyCosts(
      String reference, long cost, Map<String, Long> costByYear) {
    if (costByYear == null) {
      throw new IllegalArgumentException(
          "Candidate "
              + reference
              + ": costByYear must be a map of financial years to amounts (possibly empty)");
    }
    if (costByYear.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> copy = new TreeMap<>();
    long sum = 0;
    boolean overflow = false;
    for (Map.Entry<String, Long> entry : costByYear.entrySet()) {
      String year = entry.getKey();
      Long amount = entry.getValue();
      if (year == null || year.isBlank() || amount == null) {
        throw new IllegalArgumentException(
            "Candidate "
                + reference
                + ": costByYear needs a financial year and an amount in every entry, was "
                + costByYear);
      }
      if (amount < 0) {
        throw new IllegalArgumentException(
            "Candidate "
                + reference
                + ": costByYear for "
                + year
                + " must be at least £0, was £"
                + amount);
      }
      overflow |= sum > Long.MAX_VALUE - amount;
      sum = overflow ? Long.MAX_VALUE : sum + amount;
      copy.put(year, amount);
    }
    if (overflow || sum != cost) {
      throw new IllegalArgumentException(
          "Candidate "
              + reference
              + ": costByYear must add up to the cost of £"
              + cost
              + ", adds up to "
              + (overflow ? "more than £" + Long.MAX_VALUE : "£" + sum));
    }
    return Collections.unmodifiableMap(copy);
  }
}
