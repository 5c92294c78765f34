package london.cofund.boroughfunding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import london.cofund.borough.LondonBorough;

/**
 * An area with direct borough funding: one of the 32 boroughs, or London as a whole under the ONS
 * GSS code of the London region, {@code E12000007}, whose figures are the London totals.
 *
 * @param gssCode the GSS code
 * @param name the display name
 * @param borough the borough, or empty for London
 */
public record Area(String gssCode, String name, Optional<LondonBorough> borough) {

  /** The ONS GSS code of the London region: the area of the London totals. */
  public static final String LONDON = "E12000007";

  /** The number of boroughs that share a pan-London project's cost. */
  public static final int BOROUGHS = 32;

  /** The area of a GSS code: one of the 32 boroughs, or London; empty for anything else. */
  public static Optional<Area> of(String gssCode) {
    if (LONDON.equals(gssCode)) {
      return Optional.of(new Area(LONDON, "London", Optional.empty()));
    }
    return LondonBorough.byCode(gssCode)
        .filter(b -> b.code().equals(gssCode))
        .map(b -> new Area(b.code(), b.displayName(), Optional.of(b)));
  }

  /** London first, then the 32 boroughs in alphabetical order. */
  public static List<Area> all() {
    List<Area> areas = new ArrayList<>();
    areas.add(of(LONDON).orElseThrow());
    for (LondonBorough borough : LondonBorough.values()) {
      areas.add(new Area(borough.code(), borough.displayName(), Optional.of(borough)));
    }
    return List.copyOf(areas);
  }

  public boolean isLondon() {
    return borough.isEmpty();
  }
}
