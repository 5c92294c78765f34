package london.cofund.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import london.cofund.borough.LondonBorough;
import org.springframework.stereotype.Service;

/**
 * Screens a bid (an EOI or a full proposal) against the prospectus's six eligibility criteria.
 *
 * <p>Every criterion is judged every time, and each result carries a sentence naming what the bid
 * has and what it lacks, because the screening is what an applicant reads to fix a bid. The service
 * judges substance only: shapes (a valid email, a known theme code) are the API's job, and null
 * lists count as empty. It holds no state and knows nothing of Camunda, so a delegate or a
 * controller can call it alike.
 *
 * <p>The rules are described by criterion code in {@code docs/eligibility.md}.
 */
@Service
public class EligibilityService {

  private static final String LEADERS_COMMITTEE = "the Leaders' Committee";
  private static final Comparator<String> BY_NAME =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  /**
   * Screens a bid.
   *
   * @param bid the facts of the bid; required
   * @param shortlist the round's short list of priority themes; null counts as empty
   * @param declines the councils (or the Leaders' Committee) that declined to be core supporting
   *     partners of this bid; null counts as none
   * @return one result per {@link Criterion}, in enum order
   */
  public Screening screen(
      Bid bid, Collection<String> shortlist, Collection<CorePartnerDecline> declines) {
    return screen(bid, shortlist, declines, Thresholds.SEED_DRAFT);
  }

  /**
   * Screens a bid with the round's own thresholds.
   *
   * @param thresholds the fewest boroughs of a sub-regional bid and the fewest partner agencies
   */
  public Screening screen(
      Bid bid,
      Collection<String> shortlist,
      Collection<CorePartnerDecline> declines,
      Thresholds thresholds) {
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(thresholds, "thresholds");
    Delivery delivery = Delivery.of(bid.deliveryBoroughs());
    return new Screening(
        List.of(
            london(bid, delivery),
            boroughCoverage(bid.scope(), delivery, thresholds.minSubRegionalBoroughs()),
            partnership(bid, thresholds.minPartnerAgencies()),
            laCorePartners(bid, delivery, orEmpty(declines)),
            priority(orEmpty(bid.priorityThemes()), orEmpty(shortlist)),
            leadAgency(bid)));
  }

  private static CriterionResult london(Bid bid, Delivery delivery) {
    String location =
        blank(bid.outsideLondonLocation())
            ? "location not given"
            : AgencyNames.tidy(bid.outsideLondonLocation());
    List<String> problems = new ArrayList<>();
    if (bid.basedOutsideLondon() && !bid.benefitsLondonersOnly()) {
      problems.add(
          "based outside London ("
              + location
              + ") but not solely of benefit to"
              + " Londoners, which a project based outside London, such as in the secure estate,"
              + " must be");
    }
    if (!delivery.outsiders().isEmpty()) {
      List<String> outsiders = delivery.outsiders();
      problems.add(
          joinWithAnd(outsiders)
              + (outsiders.size() == 1
                  ? " is named as a delivery area but is not one of"
                  : " are named as delivery areas but are not among")
              + " the 32 London boroughs the fund covers");
    }
    if (!problems.isEmpty()) {
      return fail(Criterion.LONDON, String.join("; ", problems));
    }
    String where =
        bid.basedOutsideLondon()
            ? "based outside London ("
                + location
                + ") but benefits Londoners only, as a project in"
                + " the secure estate may"
            : "based in London";
    String delivered;
    if (!delivery.boroughs().isEmpty()) {
      delivered = "delivered in London boroughs only (" + delivery.names() + ")";
    } else if (bid.scope() == Scope.PAN_LONDON) {
      delivered = "delivered across all 32 London boroughs";
    } else {
      delivered = "no delivery borough is named yet";
    }
    return pass(Criterion.LONDON, where + "; " + delivered);
  }

  private static CriterionResult boroughCoverage(Scope scope, Delivery delivery, int minBoroughs) {
    if (scope == null) {
      return fail(
          Criterion.BOROUGH_COVERAGE,
          "no scope is given; a project must be either"
              + " sub-regional, covering at least "
              + minBoroughs
              + " boroughs, or"
              + " pan-London");
    }
    if (scope == Scope.PAN_LONDON) {
      return pass(Criterion.BOROUGH_COVERAGE, "pan-London, so it covers all 32 London boroughs");
    }
    int count = delivery.boroughs().size();
    String covers =
        "covers "
            + count
            + (count == 1 ? " borough" : " boroughs")
            + " ("
            + (count == 0 ? "none named" : delivery.names())
            + ")"
            + (delivery.outsiders().isEmpty()
                ? ""
                : ", not counting " + joinWithAnd(delivery.outsiders()));
    return count >= minBoroughs
        ? pass(
            Criterion.BOROUGH_COVERAGE,
            covers + ", meeting the minimum of " + minBoroughs + " for sub-regional projects")
        : fail(
            Criterion.BOROUGH_COVERAGE,
            covers + "; sub-regional projects must cover at least " + minBoroughs);
  }

  private static CriterionResult partnership(Bid bid, int minAgencies) {
    Map<String, String> distinct = new LinkedHashMap<>();
    Stream.concat(Stream.of(bid.lead()), orEmpty(bid.partners()).stream())
        .filter(Objects::nonNull)
        .map(Agency::name)
        .filter(name -> !AgencyNames.normalise(name).isEmpty())
        .forEach(name -> distinct.putIfAbsent(AgencyNames.normalise(name), AgencyNames.tidy(name)));
    int count = distinct.size();
    String names = distinct.values().stream().sorted(BY_NAME).collect(Collectors.joining(", "));
    String needed = "at least " + minAgencies + " are needed, the lead included";
    if (count >= minAgencies) {
      return pass(
          Criterion.PARTNERSHIP,
          count + " distinct partner agencies (" + names + "), the lead included");
    }
    if (count == 0) {
      return fail(Criterion.PARTNERSHIP, "no partner agencies are named; " + needed);
    }
    return fail(
        Criterion.PARTNERSHIP,
        "only "
            + count
            + " distinct partner "
            + (count == 1 ? "agency" : "agencies")
            + " ("
            + names
            + "); "
            + needed);
  }

  private static CriterionResult laCorePartners(
      Bid bid, Delivery delivery, Collection<CorePartnerDecline> declines) {
    List<String> declined =
        declines.stream()
            .filter(Objects::nonNull)
            .sorted(
                Comparator.comparing((CorePartnerDecline d) -> !blank(d.boroughCode()))
                    .thenComparing(EligibilityService::decliner, BY_NAME))
            .map(EligibilityService::describeDecline)
            .distinct()
            .toList();
    if (bid.scope() == Scope.PAN_LONDON) {
      return declined.isEmpty()
          ? pass(
              Criterion.LA_CORE_PARTNERS,
              "pan-London, so the councils' support rests on a"
                  + " single sign-off by "
                  + LEADERS_COMMITTEE
                  + " for all 32 boroughs rather than"
                  + " on each council")
          : fail(Criterion.LA_CORE_PARTNERS, String.join("; ", declined));
    }

    // Sub-regional, or no scope given: the stricter rule, every council confirms for itself.
    List<String> missing = new ArrayList<>();
    List<String> notCore = new ArrayList<>();
    List<Agency> partners = orEmpty(bid.partners()).stream().filter(Objects::nonNull).toList();
    for (LondonBorough borough : delivery.boroughs()) {
      boolean core =
          isCouncilOf(bid.lead(), borough)
              || partners.stream().anyMatch(p -> isCouncilOf(p, borough) && p.coreSupporting());
      if (!core) {
        missing.add(borough.displayName());
        partners.stream()
            .filter(p -> isCouncilOf(p, borough))
            .map(
                p ->
                    blank(p.name())
                        ? "the unnamed council of " + borough.displayName()
                        : AgencyNames.tidy(p.name()))
            .forEach(notCore::add);
      }
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      String unmarked =
          notCore.isEmpty()
              ? ""
              : " ("
                  + joinWithAnd(notCore)
                  + (notCore.size() == 1 ? " is a partner but is" : " are partners but are")
                  + " not marked core supporting)";
      problems.add(
          "no core supporting local authority for " + String.join(", ", missing) + unmarked);
    }
    problems.addAll(declined);
    if (!problems.isEmpty()) {
      return fail(Criterion.LA_CORE_PARTNERS, String.join("; ", problems));
    }
    if (delivery.boroughs().isEmpty()) {
      return pass(
          Criterion.LA_CORE_PARTNERS,
          "no delivery borough is named, so no council is"
              + " needed as a core supporting partner yet");
    }
    return pass(
        Criterion.LA_CORE_PARTNERS,
        "every delivery borough's council is a core"
            + " supporting partner ("
            + delivery.names()
            + ")");
  }

  private static CriterionResult priority(Collection<String> themes, Collection<String> shortlist) {
    Map<String, String> proposed = distinctThemes(themes);
    Map<String, String> listed = distinctThemes(shortlist);
    String listNames = listed.values().stream().sorted(BY_NAME).collect(Collectors.joining(", "));
    List<String> matched = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    proposed.forEach((key, theme) -> (listed.containsKey(key) ? matched : unmatched).add(theme));
    matched.sort(BY_NAME);
    unmatched.sort(BY_NAME);

    if (proposed.isEmpty()) {
      return fail(
          Criterion.PRIORITY,
          "no priority theme is given; at least one must be on the"
              + " round's short list"
              + (listed.isEmpty() ? ", which has not been agreed yet" : " (" + listNames + ")"));
    }
    String themeNames = String.join(", ", unmatched);
    if (listed.isEmpty()) {
      return fail(
          Criterion.PRIORITY,
          "the round has no short list of priorities yet, so none of"
              + " the themes ("
              + themeNames
              + ") can be on it");
    }
    if (matched.isEmpty()) {
      return fail(
          Criterion.PRIORITY,
          "none of the themes ("
              + themeNames
              + ") is on the round's"
              + " short list ("
              + listNames
              + ")");
    }
    return pass(
        Criterion.PRIORITY,
        (matched.size() == 1
                ? "the theme " + matched.get(0) + " is"
                : "the themes " + String.join(", ", matched) + " are")
            + " on the round's short list ("
            + listNames
            + ")"
            + (unmatched.isEmpty()
                ? ""
                : ", while "
                    + String.join(", ", unmatched)
                    + (unmatched.size() == 1 ? " is not" : " are not")));
  }

  private static CriterionResult leadAgency(Bid bid) {
    Agency lead = bid.lead();
    String leadName = lead == null ? "" : AgencyNames.tidy(lead.name());
    List<String> lacking = new ArrayList<>();
    if (blank(bid.leadContactName())) {
      lacking.add("no contact name");
    }
    if (blank(bid.leadContactEmail())) {
      lacking.add("no contact email");
    }
    if (blank(bid.leadershipStatement())) {
      lacking.add("no leadership statement");
    }
    if (!leadName.isEmpty() && lacking.isEmpty()) {
      return pass(
          Criterion.LEAD_AGENCY,
          leadName
              + " leads, with contact "
              + AgencyNames.tidy(bid.leadContactName())
              + " ("
              + bid.leadContactEmail().strip()
              + ") and a leadership statement, whose strength MOPAC judges at feedback");
    }
    if (leadName.isEmpty()) {
      String head = lead == null ? "no lead agency is named" : "the lead agency has no name";
      return fail(
          Criterion.LEAD_AGENCY,
          lacking.isEmpty()
              ? head + "; a bid needs one clearly identified lead agency"
              : head + ", and the bid has " + joinWithAnd(lacking));
    }
    return fail(Criterion.LEAD_AGENCY, leadName + " leads but the bid has " + joinWithAnd(lacking));
  }

  /** A LOCAL_AUTHORITY agency serving the given borough; codes compared as LondonBorough does. */
  private static boolean isCouncilOf(Agency agency, LondonBorough borough) {
    return agency != null
        && agency.type() == AgencyType.LOCAL_AUTHORITY
        && LondonBorough.byCode(agency.boroughCode()).filter(borough::equals).isPresent();
  }

  private static String decliner(CorePartnerDecline decline) {
    if (blank(decline.boroughCode())) {
      return LEADERS_COMMITTEE;
    }
    return LondonBorough.byCode(decline.boroughCode())
        .map(LondonBorough::displayName)
        .orElse(decline.boroughCode().strip());
  }

  private static String describeDecline(CorePartnerDecline decline) {
    return decliner(decline)
        + " declined to be a core supporting partner"
        + (blank(decline.comment()) ? "" : " (\"" + decline.comment().strip() + "\")");
  }

  /** Themes keyed trimmed and upper-cased, keeping the first spelling seen for display. */
  private static Map<String, String> distinctThemes(Collection<String> themes) {
    Map<String, String> distinct = new LinkedHashMap<>();
    themes.stream()
        .filter(theme -> !blank(theme))
        .forEach(
            theme -> distinct.putIfAbsent(theme.strip().toUpperCase(Locale.ROOT), theme.strip()));
    return distinct;
  }

  /**
   * The delivery areas of a bid: distinct London boroughs sorted by display name, and, apart,
   * distinct codes that are not among the 32 (the City of London above all), named for sentences.
   */
  private record Delivery(List<LondonBorough> boroughs, List<String> outsiders) {

    static Delivery of(Collection<String> codes) {
      Set<LondonBorough> boroughs = new LinkedHashSet<>();
      Set<String> outsiders = new LinkedHashSet<>();
      for (String code : orEmpty(codes)) {
        if (blank(code)) {
          continue;
        }
        LondonBorough.byCode(code)
            .ifPresentOrElse(
                boroughs::add, () -> outsiders.add(code.strip().toUpperCase(Locale.ROOT)));
      }
      return new Delivery(
          boroughs.stream().sorted(Comparator.comparing(LondonBorough::displayName)).toList(),
          outsiders.stream().map(Delivery::outsider).toList());
    }

    private static String outsider(String code) {
      return LondonBorough.CITY_OF_LONDON.equals(code)
          ? "the City of London (" + code + ", outside MOPAC's area)"
          : code;
    }

    /** Display names, sorted, for example "Camden, Westminster". */
    String names() {
      return LondonBorough.namesOf(boroughs.stream().map(LondonBorough::code).toList());
    }
  }

  private static CriterionResult pass(Criterion code, String reason) {
    return new CriterionResult(code, true, reason);
  }

  private static CriterionResult fail(Criterion code, String reason) {
    return new CriterionResult(code, false, reason);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static <T> Collection<T> orEmpty(Collection<T> items) {
    return items == null ? List.of() : items;
  }

  /** "A", "A and B", "A, B and C". */
  private static String joinWithAnd(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
