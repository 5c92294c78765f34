package london.cofund.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgencyNamesTest {

  @Test
  void caseAndSurroundingOrRepeatedSpacesAreIgnored() {
    assertThat(AgencyNames.normalise("Camden  Council ")).isEqualTo("camden council");
    assertThat(AgencyNames.normalise(" camden\tcouncil")).isEqualTo("camden council");
  }

  @Test
  void noBreakSpacesFromPastedTextCountAsSpaces() {
    assertThat(AgencyNames.normalise("London\u00a0CRC")).isEqualTo("london crc");
  }

  @Test
  void nullAndBlankGiveTheEmptyString() {
    assertThat(AgencyNames.normalise(null)).isEmpty();
    assertThat(AgencyNames.normalise(" \t ")).isEmpty();
  }

  @Test
  void tidyKeepsTheCase() {
    assertThat(AgencyNames.tidy("  London   CRC ")).isEqualTo("London CRC");
  }
}
