package london.cofund.round;

/** What the announced decision means for one assessed proposal. */
public enum FundingOutcome {
  FUNDED,
  NOT_FUNDED,
  /** Fundable but not selected: carried forward to the next tranche. */
  DEFERRED
}
