package london.cofund.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The grant's calendar and money, without an engine. */
class QuarterAndPenceTest {

  @Test
  void aQuarterIsThreeMonthsOfTheFinancialYearAndItsReturnIsDueTwentyDaysAfter() {
    Quarter q4 = Quarter.of(LocalDate.of(2028, 2, 29));
    assertThat(q4).hasToString("2027/28 Q4");
    assertThat(q4.start()).isEqualTo(LocalDate.of(2028, 1, 1));
    assertThat(q4.end()).isEqualTo(LocalDate.of(2028, 3, 31));
    assertThat(q4.returnDue()).isEqualTo(LocalDate.of(2028, 4, 20));
    assertThat(q4.endsYear()).isTrue();
    assertThat(q4.next()).hasToString("2028/29 Q1");
    assertThat(Quarter.parse("2027/28 Q4")).contains(q4);
    assertThat(Quarter.parse("2027/29 Q1")).isEmpty();
    assertThat(Quarter.parse("2027/28 Q5")).isEmpty();
  }

  @Test
  void twoFinancialYearsFromAprilHaveEightQuarters() {
    assertThat(Quarter.between(LocalDate.of(2027, 4, 1), LocalDate.of(2029, 3, 31)))
        .hasSize(8)
        .first()
        .hasToString("2027/28 Q1");
    assertThat(Quarter.between(LocalDate.of(2026, 11, 28), LocalDate.of(2027, 3, 31)))
        .extracting(Quarter::toString)
        .containsExactly("2026/27 Q3", "2026/27 Q4");
  }

  @Test
  void moneySplitsToThePennyAndAddsUpExactly() {
    long[] shares = Pence.split(100_000_001L, 4);
    assertThat(shares).containsExactly(25_000_001L, 25_000_000L, 25_000_000L, 25_000_000L);
    assertThat(Arrays.stream(shares).sum()).isEqualTo(100_000_001L);
    assertThat(Pence.format(123_456_789L)).isEqualTo("£1,234,567.89");
    assertThat(Pence.format(-5L)).isEqualTo("-£0.05");
    assertThat(Pence.ofPounds(1_200_000L)).isEqualTo(120_000_000L);
  }
}
