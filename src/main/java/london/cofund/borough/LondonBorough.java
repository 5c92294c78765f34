package london.cofund.borough;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 32 London boroughs that the fund covers, by ONS GSS code (E09000002 to E09000033).
 *
 * <p>The City of London (E09000001) is deliberately absent: it has its own police force, outside
 * MOPAC's area, so it can be neither a delivery borough nor a borough group.
 */
public enum LondonBorough {
  BARKING_AND_DAGENHAM("E09000002", "Barking and Dagenham"),
  BARNET("E09000003", "Barnet"),
  BEXLEY("E09000004", "Bexley"),
  BRENT("E09000005", "Brent"),
  BROMLEY("E09000006", "Bromley"),
  CAMDEN("E09000007", "Camden"),
  CROYDON("E09000008", "Croydon"),
  EALING("E09000009", "Ealing"),
  ENFIELD("E09000010", "Enfield"),
  GREENWICH("E09000011", "Greenwich"),
  HACKNEY("E09000012", "Hackney"),
  HAMMERSMITH_AND_FULHAM("E09000013", "Hammersmith and Fulham"),
  HARINGEY("E09000014", "Haringey"),
  HARROW("E09000015", "Harrow"),
  HAVERING("E09000016", "Havering"),
  HILLINGDON("E09000017", "Hillingdon"),
  HOUNSLOW("E09000018", "Hounslow"),
  ISLINGTON("E09000019", "Islington"),
  KENSINGTON_AND_CHELSEA("E09000020", "Kensington and Chelsea"),
  KINGSTON_UPON_THAMES("E09000021", "Kingston upon Thames"),
  LAMBETH("E09000022", "Lambeth"),
  LEWISHAM("E09000023", "Lewisham"),
  MERTON("E09000024", "Merton"),
  NEWHAM("E09000025", "Newham"),
  REDBRIDGE("E09000026", "Redbridge"),
  RICHMOND_UPON_THAMES("E09000027", "Richmond upon Thames"),
  SOUTHWARK("E09000028", "Southwark"),
  SUTTON("E09000029", "Sutton"),
  TOWER_HAMLETS("E09000030", "Tower Hamlets"),
  WALTHAM_FOREST("E09000031", "Waltham Forest"),
  WANDSWORTH("E09000032", "Wandsworth"),
  WESTMINSTER("E09000033", "Westminster");

  /**
   * The City of London's code: a real GSS code, but outside MOPAC's area and so never valid here.
   */
  public static final String CITY_OF_LONDON = "E09000001";

  /** The prefix of every borough's Camunda group id, followed by its GSS code. */
  public static final String GROUP_PREFIX = "borough-";

  /** The prefix of every borough's scrutiny committee group id, followed by its GSS code. */
  public static final String SCRUTINY_PREFIX = "scrutiny-";

  private static final Map<String, LondonBorough> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(LondonBorough::code, Function.identity()));

  private final String code;
  private final String displayName;

  LondonBorough(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The Camunda group of this borough's community safety team, for example {@code
   * borough-E09000033}.
   */
  public String groupId() {
    return GROUP_PREFIX + code;
  }

  /**
   * The Camunda group of this borough's scrutiny committee, for example {@code scrutiny-E09000033}:
   * it reads the borough's page and committee updates, and nothing else.
   */
  public String scrutinyGroupId() {
    return SCRUTINY_PREFIX + code;
  }

  public static Optional<LondonBorough> byCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code.trim().toUpperCase()));
  }

  public static boolean isBoroughCode(String code) {
    return byCode(code).isPresent();
  }

  /** The borough of a group id such as {@code borough-E09000007}, if it is one. */
  public static Optional<LondonBorough> byGroupId(String groupId) {
    if (groupId == null || !groupId.startsWith(GROUP_PREFIX)) {
      return Optional.empty();
    }
    return byCode(groupId.substring(GROUP_PREFIX.length()));
  }

  /** The borough of a scrutiny group id such as {@code scrutiny-E09000033}, if it is one. */
  public static Optional<LondonBorough> byScrutinyGroupId(String groupId) {
    if (groupId == null || !groupId.startsWith(SCRUTINY_PREFIX)) {
      return Optional.empty();
    }
    return byCode(groupId.substring(SCRUTINY_PREFIX.length()));
  }

  /**
   * Display names of the given codes, sorted, for sentences such as "covers 2 boroughs (Camden,
   * Westminster)".
   */
  public static String namesOf(Collection<String> codes) {
    return codes.stream()
        .map(c -> byCode(c).map(LondonBorough::displayName).orElse(c))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  public static List<String> allCodes() {
    return Arrays.stream(values()).map(LondonBorough::code).toList();
  }
}
