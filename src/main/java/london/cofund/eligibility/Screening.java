package london.cofund.eligibility;

import java.util.List;

/**
 * The outcome of screening a bid: one result per criterion, in {@link Criterion} order, all of them
 * every time. Passes are kept alongside failures so that feedback can show the whole picture.
 */
public record Screening(List<CriterionResult> criteria) {

  public Screening {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }

  /** Whether the bid meets every criterion; a screening with no results proves nothing. */
  public boolean eligible() {
    return !criteria.isEmpty() && criteria.stream().allMatch(CriterionResult::passed);
  }

  /** The criteria the bid fails, in {@link Criterion} order; empty when it is eligible. */
  public List<CriterionResult> failures() {
    return criteria.stream().filter(result -> !result.passed()).toList();
  }
}
