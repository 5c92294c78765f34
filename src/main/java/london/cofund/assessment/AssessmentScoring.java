package london.cofund.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How scores add up: the total is the mean of each criterion over the assessors, summed (5 to 25,
 * to 2 decimals); moderation is needed where two assessors differ by 2 or more on any criterion.
 * Conflicted assessments carry no scores and count for nothing.
 */
public final class AssessmentScoring {

  /** The gap between two assessors' scores on one criterion that calls for moderation. */
  public static final int MODERATION_GAP = 2;

  private AssessmentScoring() {}

  /**
   * The result of scoring.
   *
   * @param means each criterion's mean, to 2 decimals
   * @param total the sum of the means, to 2 decimals
   * @param moderationRequired whether any criterion has scores {@value #MODERATION_GAP} or more
   *     apart
   * @param disagreements the criteria that call for moderation
   */
  public record Totals(
      Map<ScoreCriterion, BigDecimal> means,
      BigDecimal total,
      boolean moderationRequired,
      List<ScoreCriterion> disagreements) {}

  public static Totals total(List<Assessment> assessments) {
    List<Assessment> scored = assessments.stream().filter(a -> !a.conflictOfInterest()).toList();
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("No scored assessment to total");
    }
    Map<ScoreCriterion, BigDecimal> means = new EnumMap<>(ScoreCriterion.class);
    int sum = 0;
    List<ScoreCriterion> disagreements = new java.util.ArrayList<>();
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      int criterionSum = scored.stream().mapToInt(a -> a.score(criterion)).sum();
      sum += criterionSum;
      means.put(
          criterion,
          BigDecimal.valueOf(criterionSum)
              .divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP));
      int max = scored.stream().mapToInt(a -> a.score(criterion)).max().orElseThrow();
      int min = scored.stream().mapToInt(a -> a.score(criterion)).min().orElseThrow();
      if (max - min >= MODERATION_GAP) {
        disagreements.add(criterion);
      }
    }
    // Summing the unrounded means is the same as dividing the grand sum once: no rounding drift.
    BigDecimal total =
        BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP);
    return new Totals(means, total, !disagreements.isEmpty(), List.copyOf(disagreements));
  }
}
