package london.cofund.portfolio;

/**
 * What the panel should know about a recommended portfolio: why it does not meet the round's
 * project count, or that the budgets per financial year changed it.
 *
 * <p>The optimizer never refuses to recommend because of the money or the number of fundable
 * proposals: the panel still needs to see the best that can be done. {@link #BELOW_MINIMUM} and
 * {@link #POT_TOO_SMALL_FOR_MINIMUM} tell it, and the process, that the recommendation breaks the
 * "5 to 8 projects" rule and why; one of them is present whenever fewer than the minimum are
 * recommended.
 */
public enum PortfolioFlag {

  /**
   * Fewer proposals reached the fundable threshold than the minimum number of projects. The
   * recommendation is the best selection of the fundable ones that fits the pot.
   */
  BELOW_MINIMUM,

  /**
   * There are enough fundable proposals, but no selection of the minimum number of projects fits
   * the money: the pot, and the {@linkplain PortfolioRequest#yearBudgets() budget of every
   * financial year} when the request has them. The recommendation is the best selection that does
   * fit, so it has fewer projects than the minimum. When it is a year's budget rather than the pot
   * that stands in the way, {@link #YEAR_BUDGET_BINDS} is present too.
   */
  POT_TOO_SMALL_FOR_MINIMUM,

  /**
   * The budgets per financial year changed the recommendation: the best selection under the pot
   * alone would spend more than some year's budget, so a different, less good one is recommended.
   * Absent when the request has no budgets per year, or when the best selection under the pot alone
   * fits every year anyway.
   */
  YEAR_BUDGET_BINDS
}
