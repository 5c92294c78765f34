package london.cofund.proposal;

import java.util.EnumSet;
import java.util.Set;

/** Where a proposal is, as {@code GET /api/proposals/{reference}} reports it. */
public enum ProposalStatus {
  NOT_ELIGIBLE,
  AWAITING_BOROUGH_SIGN_OFF,
  AWAITING_EOI_FEEDBACK,
  EOI_REJECTED,
  FULL_PROPOSAL_DUE,
  UNDER_ASSESSMENT,
  ASSESSED,
  FUNDED,
  NOT_FUNDED,
  DEFERRED,
  SERVICE_STARTED,
  /** Funded, but the grant agreement was never signed: the award went back to the fund. */
  AGREEMENT_FAILED,
  WITHDRAWN,
  LAPSED;

  /** Statuses after which a proposal will never be assessed, or already is. */
  public static final Set<ProposalStatus> SETTLED =
      EnumSet.of(
          EOI_REJECTED,
          ASSESSED,
          FUNDED,
          NOT_FUNDED,
          DEFERRED,
          SERVICE_STARTED,
          AGREEMENT_FAILED,
          WITHDRAWN,
          LAPSED);

  public boolean isSettled() {
    return SETTLED.contains(this);
  }
}
