package london.cofund.portfolio;

/**
 * A fundable, affordable candidate in the form the search works on: its score in whole hundredths,
 * so that sums and comparisons are exact integer arithmetic, and its short-listed priorities as a
 * bit mask.
 */
record SearchItem(String reference, long cost, int scoreHundredths, int priorityMask) {}
