package london.cofund.grant;

import java.util.Optional;
import london.cofund.notification.GrantVariations;
import org.springframework.stereotype.Component;

/** Tells the mail what MOPAC decided of a grant's variation ({@code SendTask_VariationDecided}). */
@Component
class GrantVariationFacts implements GrantVariations {

  private final GrantRepository grants;

  GrantVariationFacts(GrantRepository grants) {
    this.grants = grants;
  }

  @Override
  public Optional<DecidedVariation> decided(String reference, long id) {
    return grants.variations(reference).stream()
        .filter(v -> v.id() == id && v.status() != Variation.Status.REQUESTED)
        .findFirst()
        .map(
            v ->
                new DecidedVariation(
                    v.kind().name(),
                    v.status() == Variation.Status.APPROVED,
                    v.reason(),
                    v.decisionReason()));
  }
}
