package london.cofund.eligibility;

/**
 * The eligibility criteria of the co-commissioning fund's prospectus, in the order they are
 * reported. The names are codes that the JSON API, feedback emails and docs/eligibility.md share.
 *
 * <p>The prospectus's seventh criterion, that only 5 to 8 projects are funded, is not here: it
 * constrains the funding decision, not any single proposal.
 */
public enum Criterion {
  /** Based in London, or based outside it (the secure estate) and solely for Londoners. */
  LONDON,
  /** A sub-regional project covers at least 3 boroughs; a pan-London one covers all 32. */
  BOROUGH_COVERAGE,
  /** At least 3 distinct partner agencies, the lead included. */
  PARTNERSHIP,
  /** The councils where it is delivered are core supporting partners and none has declined. */
  LA_CORE_PARTNERS,
  /** At least one theme is on the round's short list of priorities. */
  PRIORITY,
  /** One clearly identified lead agency, with a named contact, an email and a statement. */
  LEAD_AGENCY
}
