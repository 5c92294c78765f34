package london.cofund.fund;

import java.time.OffsetDateTime;

/** One recorded change to a fund: which field, from what to what, why, by whom and when. */
public record FundChange(
    String field,
    String oldValue,
    String newValue,
    String reason,
    String changedBy,
    OffsetDateTime changedAt) {}
