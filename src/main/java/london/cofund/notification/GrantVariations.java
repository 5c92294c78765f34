package london.cofund.notification;

import java.util.Optional;

/**
 * What a mail says of a grant's variation once MOPAC has decided it ({@link
 * MailTemplate#VARIATION_DECIDED}). The grant capability implements it, so that notification knows
 * no other capability (as with {@link FundFacts} and {@link People}).
 */
public interface GrantVariations {

  /** Variation {@code id} of the grant {@code reference}, once decided; empty otherwise. */
  Optional<DecidedVariation> decided(String reference, long id);

  /**
   * A decided variation, as the mail shows it.
   *
   * @param kind {@code BUDGET}, {@code END_DATE} or {@code PARTNERS}
   * @param approved true when MOPAC approved it (and it was applied), false when declined
   * @param reason why the lead asked for it
   * @param decisionReason MOPAC's reason; may be null when approved
   */
  record DecidedVariation(String kind, boolean approved, String reason, String decisionReason) {}
}
