package london.cofund.grant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import london.cofund.round.AwardChanges;
import org.springframework.stereotype.Component;

/**
 * Tells the fund what each grant still holds of it: its budget lines less what was returned (all of
 * it when the agreement failed), in whole pounds rounded up.
 */
@Component
class GrantLedger implements AwardChanges {

  private final GrantRepository grants;

  GrantLedger(GrantRepository grants) {
    this.grants = grants;
  }

  @Override
  public Optional<Map<String, Long>> heldByYear(String reference) {
    List<BudgetLine> lines = grants.lines(reference);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> held = new TreeMap<>();
    lines.forEach(l -> held.put(l.financialYear(), -Math.floorDiv(-l.heldPence(), 100L)));
    return Optional.of(held);
  }

  @Override
  public List<String> replacements(String roundId) {
    return grants.replacementsOfRound(roundId);
  }
}
