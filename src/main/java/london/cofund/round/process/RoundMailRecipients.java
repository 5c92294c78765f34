package london.cofund.round.process;

import java.util.ArrayList;
import java.util.List;
import london.cofund.round.RoundService;
import org.springframework.stereotype.Component;

/**
 * What a round's mail steps address by expression: {@code
 * ${roundMail.deferredProposalsOfPreviousRound(roundId)}}.
 */
@Component("roundMail")
public class RoundMailRecipients {

  private final RoundService rounds;

  RoundMailRecipients(RoundService rounds) {
    this.rounds = rounds;
  }

  /**
   * The previous round's deferred proposals: the invitation step sends one mail per proposal, to
   * its applicant, naming the old round and the new one.
   */
  public List<String> deferredProposalsOfPreviousRound(String roundId) {
    return new ArrayList<>(rounds.deferredProposalsOfPreviousRound(roundId));
  }
}
