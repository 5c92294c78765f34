package london.cofund.portfolio;

/**
 * Why a recommended portfolio does not meet the round's project count.
 *
 * <p>The optimizer never refuses to recommend because of the money or the number of fundable
 * proposals: the panel still needs to see the best that can be done. A flag tells it, and the
 * process, that the recommendation breaks the "5 to 8 projects" rule and why.
 */
public enum PortfolioFlag {

  /**
   * Fewer proposals reached the fundable threshold than the minimum number of projects. The
   * recommendation is the best selection of the fundable ones that fits the pot.
   */
  BELOW_MINIMUM,

  /**
   * There are enough fundable proposals, but no selection of the minimum number of projects fits
   * the pot. The recommendation is the best selection that does fit, so it has fewer projects than
   * the minimum.
   */
  POT_TOO_SMALL_FOR_MINIMUM
}
