package london.cofund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations, engine cycles and money in words, as people read them on pages. */
class FormatsTest {

  @Test
  void durationsReadAsWords() {
    assertThat(Formats.duration(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(Formats.duration(Duration.ofHours(72))).isEqualTo("3 days");
    assertThat(Formats.duration(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(Formats.duration(Duration.ofMinutes(90))).isEqualTo("1 hour and 30 minutes");
    assertThat(Formats.duration(Duration.parse("P1DT2H5M")))
        .isEqualTo("1 day, 2 hours and 5 minutes");
    assertThat(Formats.duration(Duration.ZERO)).isEqualTo("at once");
    assertThat(Formats.duration(null)).isEqualTo("-");
  }

  @Test
  void penceReadAsPoundsAndPence() {
    assertThat(Formats.pence(123_456_789L)).isEqualTo("£1,234,567.89");
    assertThat(Formats.pence(5L)).isEqualTo("£0.05");
    assertThat(Formats.pence(-5L)).isEqualTo("-£0.05");
    assertThat(Formats.pence(null)).isEqualTo("-");
  }

  @Test
  void cyclesReadAsWords() {
    assertThat(Formats.cycle("R/PT1H")).isEqualTo("every hour");
    assertThat(Formats.cycle("R/PT15M")).isEqualTo("every 15 minutes");
    assertThat(Formats.cycle("R5/PT5M")).isEqualTo("5 times, every 5 minutes");
    assertThat(Formats.cycle("R/P1D")).isEqualTo("every day");
    assertThat(Formats.cycle("0 0 2 * * ?")).isEqualTo("0 0 2 * * ?");
  }
}
