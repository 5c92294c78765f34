package london.cofund.grant;

import java.time.OffsetDateTime;

/** A quarterly monitoring return as last submitted, with MOPAC's review. */
public record MonitoringReturn(
    Quarter quarter,
    Status status,
    int version,
    long spendPence,
    ReturnForm body,
    String submittedBy,
    OffsetDateTime submittedAt,
    String reviewedBy,
    OffsetDateTime reviewedAt,
    String reviewReasons) {

  /** Submitted and awaiting review; sent back with reasons; approved (its payment may follow). */
  public enum Status {
    SUBMITTED,
    CHANGES_REQUESTED,
    APPROVED
  }
}
