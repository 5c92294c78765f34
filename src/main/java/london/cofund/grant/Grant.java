package london.cofund.grant;

import java.time.LocalDate;
import java.util.List;

/**
 * One grant, as stored in {@code cf_grant}: the agreement behind a funded proposal (or its
 * failure), the dates it runs between, its partners and whether its payments are suspended. Its
 * process (key {@code grant}) has the proposal reference as business key.
 */
public record Grant(
    String reference,
    String roundId,
    GrantStatus status,
    long awardPence,
    LocalDate agreementSignedOn,
    String decisionReference,
    String conditions,
    String failureReason,
    boolean firstPaymentInAdvance,
    LocalDate startsOn,
    LocalDate endsOn,
    List<String> partners,
    boolean paymentsSuspended,
    String suspensionReason,
    String replacedBy,
    String finalReport,
    String evaluation) {

  /** Where a grant is. */
  public enum GrantStatus {
    /** Agreed and delivering: returns, payments and variations. */
    ACTIVE,
    /** The agreement was never signed: the award went back to the fund. */
    AGREEMENT_FAILED,
    /** The final report and the evaluation are in. */
    CLOSED
  }
}
