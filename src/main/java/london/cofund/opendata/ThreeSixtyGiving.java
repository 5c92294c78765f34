package london.cofund.opendata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.AgencyNames;
import london.cofund.eligibility.Scope;
import london.cofund.fund.FinancialYear;
import london.cofund.proposal.RoundProposalRecords.Grant;
import london.cofund.round.Round;
import london.cofund.system.EngineClock;

/**
 * A round's awarded grants as a 360Giving data package (standard 1.4), {@code {"grants": [...]}}.
 * Every choice the standard leaves to the publisher is documented in docs/api.md; the test
 * validates the result against the standard's own schemas.
 */
public final class ThreeSixtyGiving {

  /** The 360Giving code for an ONS London borough code (E09), from its geoCodeType codelist. */
  static final String LONDON_BOROUGH = "LONB";

  static final String CURRENCY = "GBP";
  static final String VERSION = "1.4";
  private static final Pattern NOT_IN_ID = Pattern.compile("[^A-Za-z0-9-]+");

  private ThreeSixtyGiving() {}

  /** The package. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Package(String version, List<GrantRecord> grants) {}

  /** One grant, with the standard's field names. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GrantRecord(
      String id,
      String title,
      String description,
      String currency,
      long amountAppliedFor,
      long amountAwarded,
      String awardDate,
      List<Event> plannedDates,
      List<Organisation> recipientOrganization,
      List<Organisation> fundingOrganization,
      List<Location> beneficiaryLocation,
      List<Programme> grantProgramme,
      String fromOpenCall) {}

  /** An organisation: an identifier and a name. */
  public record Organisation(String id, String name) {}

  /** A planned period: dates as {@code YYYY-MM-DD}, duration in months. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(String startDate, String endDate, Integer duration) {}

  /** A beneficiary location: a London borough by its ONS GSS code. */
  public record Location(String name, String geoCode, String geoCodeType, String countryCode) {}

  /** The grant programme: the round. */
  public record Programme(String code, String title) {}

  /** The package of the round's funded proposals. */
  public static Package of(Round round, List<Grant> grants, OpenDataProperties ids) {
    return new Package(VERSION, grants.stream().map(g -> grant(round, g, ids)).toList());
  }

  static GrantRecord grant(Round round, Grant g, OpenDataProperties ids) {
    return new GrantRecord(
        ids.prefix() + "-" + idPart(g.reference()),
        g.title(),
        g.summary(),
        CURRENCY,
        g.requestedAmount(),
        g.awardedAmount(),
        londonDate(Optional.ofNullable(round.announcedAt()).orElse(round.dates().decisionDate()))
            .toString(),
        List.of(plannedDates(round, g)),
        List.of(new Organisation(recipientId(g.leadAgencyName(), ids), g.leadAgencyName())),
        List.of(new Organisation(ids.funder(), ids.funderName())),
        beneficiaries(g),
        List.of(new Programme(round.roundId(), round.name())),
        "Yes");
  }

  /**
   * From the later of the round's service start and 1 April of the budget's first financial year,
   * to 31 March at the end of its last; the duration is the one the bid states.
   */
  static Event plannedDates(Round round, Grant g) {
    LocalDate serviceStart = londonDate(round.dates().serviceStartDate());
    if (g.budgetYears().isEmpty()) {
      return new Event(serviceStart.toString(), null, g.durationMonths());
    }
    FinancialYear first = FinancialYear.parse(g.budgetYears().get(0)).orElseThrow();
    FinancialYear last =
        FinancialYear.parse(g.budgetYears().get(g.budgetYears().size() - 1)).orElseThrow();
    LocalDate firstDay = LocalDate.of(first.startYear(), 4, 1);
    LocalDate start = serviceStart.isAfter(firstDay) ? serviceStart : firstDay;
    LocalDate end = LocalDate.of(last.startYear() + 1, 3, 31);
    return new Event(start.toString(), end.toString(), g.durationMonths());
  }

  /** Its delivery boroughs; a pan-London grant benefits all 32 boroughs. */
  static List<Location> beneficiaries(Grant g) {
    List<String> codes =
        g.scope() == Scope.PAN_LONDON ? LondonBorough.allCodes() : g.deliveryBoroughs();
    return codes.stream()
        .map(
            code ->
                new Location(
                    LondonBorough.byCode(code).map(LondonBorough::displayName).orElse(code),
                    code,
                    LONDON_BOROUGH,
                    "GB"))
        .toList();
  }

  /**
   * A lead agency has no registered number in CoFund, so its identifier is the publisher's prefix
   * and its name as CoFund compares names (case and spacing ignored), with anything but letters and
   * digits as {@code _}: the same agency gets the same identifier in every round.
   */
  static String recipientId(String leadAgencyName, OpenDataProperties ids) {
    String key = AgencyNames.normalise(leadAgencyName).toLowerCase(Locale.ROOT);
    return ids.prefix() + "-ORG-" + NOT_IN_ID.matcher(key.replace('-', '_')).replaceAll("_");
  }

  private static String idPart(String reference) {
    return NOT_IN_ID.matcher(reference).replaceAll("_");
  }

  private static LocalDate londonDate(OffsetDateTime moment) {
    return moment.atZoneSameInstant(EngineClock.LONDON).toLocalDate();
  }
}
