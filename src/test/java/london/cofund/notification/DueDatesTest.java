package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DueDatesTest {

  private static final Instant EOI_DEADLINE = Instant.parse("2017-08-14T16:00:00Z");

  @Test
  void readsWhatModelsProduce() {
    assertThat(DueDates.of(Date.from(EOI_DEADLINE)).toInstant()).isEqualTo(EOI_DEADLINE);
    assertThat(DueDates.of("2017-08-14T17:00:00+01:00").toInstant()).isEqualTo(EOI_DEADLINE);
    assertThat(DueDates.of("2017-08-14T17:00:00").toInstant()).isEqualTo(EOI_DEADLINE);
    assertThat(DueDates.of(OffsetDateTime.parse("2017-08-14T17:00:00+01:00")).toInstant())
        .isEqualTo(EOI_DEADLINE);
    assertThat(DueDates.of(LocalDate.of(2017, 8, 14))).hasToString("2017-08-14T23:59+01:00");
    assertThat(DueDates.of(null)).isNull();
    assertThat(DueDates.of(" ")).isNull();
  }

  @Test
  void somethingElseIsAModellingMistake() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DueDates.of("next Tuesday"))
        .withMessageContaining("mailDueDate 'next Tuesday' is not a date");
  }
}
