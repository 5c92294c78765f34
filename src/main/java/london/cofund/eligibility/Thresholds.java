package london.cofund.eligibility;

/**
 * The numbers in the criteria that the seed calls a draft, set per round: the fewest boroughs a
 * sub-regional project covers ({@code BOROUGH_COVERAGE}) and the fewest distinct partner agencies,
 * the lead included ({@code PARTNERSHIP}).
 */
public record Thresholds(int minSubRegionalBoroughs, int minPartnerAgencies) {

  /** The seed's draft: 3 boroughs and 3 agencies. */
  public static final Thresholds SEED_DRAFT = new Thresholds(3, 3);

  public Thresholds {
    if (minSubRegionalBoroughs < 1 || minPartnerAgencies < 1) {
      throw new IllegalArgumentException("thresholds must be at least 1");
    }
  }
}
