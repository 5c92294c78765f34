package london.cofund.portfolio;

/**
 * A fundable, affordable candidate in the form the search works on: its score in whole hundredths,
 * so that sums and comparisons are exact integer arithmetic, its short-listed priorities as a bit
 * mask, and what it spends in each financial year that has a budget, indexed like the search's year
 * budgets (empty when the request has none). The array is never modified once built.
 */
record SearchItem(
    String reference, long cost, int scoreHundredths, int priorityMask, long[] yearCosts) {

  private static final long[] NO_YEARS = {};

  /** An item of a request without budgets per year. */
  SearchItem(String reference, long cost, int scoreHundredths, int priorityMask) {
    this(reference, cost, scoreHundredths, priorityMask, NO_YEARS);
  }
}
