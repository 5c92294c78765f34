package london.cofund.grant;

import java.time.OffsetDateTime;

/**
 * A variation of a grant, recorded with the grant as it was before and as it would be after (JSON),
 * and MOPAC's decision.
 */
public record Variation(
    long id,
    Kind kind,
    Status status,
    String before,
    String after,
    String reason,
    String requestedBy,
    OffsetDateTime requestedAt,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionReason) {

  /** What a variation changes. */
  public enum Kind {
    BUDGET,
    END_DATE,
    PARTNERS
  }

  /** Asked for; approved (and applied); declined. */
  public enum Status {
    REQUESTED,
    APPROVED,
    DECLINED
  }
}
