package london.cofund.proposal;

/**
 * When a borough (or the Leaders' Committee) was asked to be a core supporting partner: for the
 * EOI, or for a delivery borough that the full proposal added. A revised EOI asks every borough
 * again; a resubmitted full proposal asks its new boroughs again.
 */
public enum SignOffStage {
  EOI,
  FULL_PROPOSAL
}
