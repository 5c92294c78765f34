package london.cofund.round;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to awards after the decision: a failed agreement released its award, a variation
 * moved money between years, a year's underspend went back to the fund, and a deferred proposal was
 * funded in a failed one's place. The grant capability implements it, so that rounds never depend
 * on grants, and the fund's position counts what the grants still hold.
 */
public interface AwardChanges {

  /**
   * What a funded proposal's award holds of the fund now, by financial year in whole pounds
   * (rounded up: a part pound still held is held); empty while no grant has changed it.
   */
  Optional<Map<String, Long>> heldByYear(String reference);

  /** Proposals of the round funded in place of awards whose agreement failed. */
  List<String> replacements(String roundId);
}
