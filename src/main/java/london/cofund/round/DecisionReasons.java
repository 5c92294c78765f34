package london.cofund.round;

import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.system.Formats;
import london.cofund.system.Scores;

/** Why a proposal was funded, deferred or not funded, in the words its applicant is sent. */
final class DecisionReasons {

  private DecisionReasons() {}

  static String of(
      Round round, FundingDecision decision, AssessedProposal proposal, FundingOutcome outcome) {
    String score = Scores.ofTotal(proposal.totalScore());
    String threshold = Formats.score(round.fundableThreshold());
    String panel =
        decision.rationale() == null ? "" : " The panel's rationale: " + decision.rationale();
    return switch (outcome) {
      case FUNDED -> "Selected for funding with a total score of " + score + "." + panel;
      case DEFERRED ->
          "Fundable (total score "
              + score
              + ", threshold "
              + threshold
              + ") but not selected within the pot of "
              + Formats.money(round.potAmount())
              + " and the limit of "
              + round.maxProjects()
              + " projects; carried forward to the next tranche."
              + panel;
      case NOT_FUNDED ->
          proposal.totalScore().compareTo(round.fundableThreshold()) < 0
              ? "The total score of "
                  + score
                  + " is below the fundable threshold of "
                  + threshold
                  + "."
                  + panel
              : "Not selected by the panel (total score " + score + ")." + panel;
    };
  }
}
