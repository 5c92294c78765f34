package london.cofund.grant;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One payment of a grant's schedule: planned for a quarter, released once its quarter's return is
 * approved (in arrears), or at the start where MOPAC pays the first quarter in advance.
 *
 * @param plannedPence the quarter's share of its year's budget, as scheduled
 * @param paidPence what was released, once paid
 */
public record Payment(
    Quarter quarter,
    Kind kind,
    String financialYear,
    LocalDate dueOn,
    long plannedPence,
    Status status,
    Long paidPence,
    OffsetDateTime paidAt) {

  /** In arrears after the quarter (the default), or in advance at the start. */
  public enum Kind {
    ADVANCE,
    QUARTER
  }

  /** Planned; paid; or held while MOPAC has suspended the grant's payments. */
  public enum Status {
    PLANNED,
    HELD,
    PAID
  }
}
