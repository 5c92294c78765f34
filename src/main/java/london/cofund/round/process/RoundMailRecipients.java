package london.cofund.round.process;

import java.util.stream.Collectors;
import london.cofund.round.RoundService;
import org.springframework.stereotype.Component;

/**
 * Recipients that a round's mail steps name by expression, in the mail steps' {@code mailTo}
 * grammar: {@code ${roundMail.deferredApplicantsOfPreviousRound(roundId)}}.
 */
@Component("roundMail")
public class RoundMailRecipients {

  private final RoundService rounds;

  RoundMailRecipients(RoundService rounds) {
    this.rounds = rounds;
  }

  /** The contacts of the previous round's deferred proposals, as {@code email:a@x,email:b@y}. */
  public String deferredApplicantsOfPreviousRound(String roundId) {
    return rounds.deferredApplicantsOfPreviousRound(roundId).stream()
        .map(email -> "email:" + email).collect(Collectors.joining(","));
  }
}
