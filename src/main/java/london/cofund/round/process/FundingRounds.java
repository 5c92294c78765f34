package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.KEY;
import static london.cofund.round.process.FundingRoundProcess.MESSAGE_PROPOSALS_ASSESSED;
import static london.cofund.round.process.FundingRoundProcess.VAR_ROUND_ID;

import london.cofund.round.ProposalSettled;
import london.cofund.round.Round;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens funding rounds and moves a round on when its proposals settle. */
@Service
public class FundingRounds {

  private static final Logger LOG = LoggerFactory.getLogger(FundingRounds.class);

  private final RoundService rounds;
  private final RuntimeService runtime;

  FundingRounds(RoundService rounds, RuntimeService runtime) {
    this.rounds = rounds;
    this.runtime = runtime;
  }

  /** Registers the round and starts its {@code fundingRound} process, in one transaction. */
  @Transactional
  public Round open(RoundRequest request, String user) {
    Round round = rounds.register(request, user);
    runtime
        .createProcessInstanceByKey(KEY)
        .businessKey(round.roundId())
        .setVariable(VAR_ROUND_ID, round.roundId())
        .setVariable(FundingRoundProcess.VAR_REGISTERED, true)
        .setVariable(FundingRoundProcess.VAR_ROUND_INITIATOR, user)
        .execute();
    return rounds.get(round.roundId());
  }

  /**
   * A proposal settled: if the round is in assessment and nothing is left to assess, wake the
   * round. Both sides take the round's row lock first (see {@link
   * RoundService#assessmentComplete}), so a round that has just started to wait cannot miss the
   * last proposal, nor the other way round.
   */
  @EventListener
  void proposalSettled(ProposalSettled event) {
    if (rounds.assessmentComplete(event.roundId())) {
      int woken =
          runtime
              .createMessageCorrelation(MESSAGE_PROPOSALS_ASSESSED)
              .processInstanceBusinessKey(event.roundId())
              .correlateAllWithResult()
              .size();
      if (woken > 0) {
        LOG.info(
            "Round {}: every proposal is assessed ({} was last)",
            event.roundId(),
            event.reference());
      }
    }
  }
}
