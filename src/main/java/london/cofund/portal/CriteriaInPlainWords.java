package london.cofund.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import london.cofund.eligibility.Criterion;
import london.cofund.eligibility.Thresholds;

/**
 * The six criteria as a prospectus says them to applicants, with the round's own thresholds. The
 * rules themselves are {@code EligibilityService}'s (docs/eligibility.md); this is only their
 * wording.
 */
public final class CriteriaInPlainWords {

  private CriteriaInPlainWords() {}

  public static Map<Criterion, String> of(Thresholds thresholds) {
    Map<Criterion, String> words = new LinkedHashMap<>();
    words.put(
        Criterion.LONDON,
        "Delivered in London boroughs only; a project based outside London, such as in a prison,"
            + " qualifies if it benefits Londoners only.");
    words.put(
        Criterion.BOROUGH_COVERAGE,
        "A sub-regional project covers at least "
            + thresholds.minSubRegionalBoroughs()
            + " boroughs; a pan-London project covers all 32. Work in one borough belongs to"
            + " direct borough funding.");
    words.put(
        Criterion.PARTNERSHIP,
        "At least "
            + thresholds.minPartnerAgencies()
            + " different partner agencies, the lead included.");
    words.put(
        Criterion.LA_CORE_PARTNERS,
        "The council of every borough it is delivered in is a core supporting partner, and"
            + " confirms it. For a pan-London project the Leaders' Committee signs off once.");
    words.put(Criterion.PRIORITY, "It meets at least one of the round's priorities listed above.");
    words.put(
        Criterion.LEAD_AGENCY,
        "One lead agency, with a named contact, a contact email and a statement of how it will"
            + " lead across boroughs.");
    return words;
  }

  /** A criterion's short name, for headings and the error summary. */
  public static String name(Criterion criterion) {
    return switch (criterion) {
      case LONDON -> "London";
      case BOROUGH_COVERAGE -> "Borough coverage";
      case PARTNERSHIP -> "Partnership";
      case LA_CORE_PARTNERS -> "Councils as core partners";
      case PRIORITY -> "Priority";
      case LEAD_AGENCY -> "Lead agency";
    };
  }
}
