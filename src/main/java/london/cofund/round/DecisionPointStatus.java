package london.cofund.round;

/** Where a round stands at one of its decision points. */
public enum DecisionPointStatus {
  /** Reached. */
  DONE,
  /** Not reached, and its planned date has passed. */
  LATE,
  /** The first point not reached, not yet late. */
  NEXT,
  /** Further ahead. */
  UPCOMING
}
