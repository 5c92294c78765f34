package london.cofund.round.process;

import java.util.List;
import java.util.Map;
import london.cofund.borough.LondonBorough;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.round.RoundProposals;
import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.round.RoundRepository;
import london.cofund.system.BriefRenderer;
import org.springframework.stereotype.Component;

/**
 * The Markdown that a round's task forms show first ({@code taskBrief}): what the person needs in
 * front of them to decide. Each is a template in {@code templates/briefs/}; what users typed is
 * escaped there, so that a comment cannot restyle the form.
 */
@Component
class RoundBriefs {

  /** One borough's comment, with the borough's name. */
  record BoroughComment(String borough, String comment) {}

  /** One row of the panel's table: a proposal and the recommendation's mark. */
  record DecisionRow(AssessedProposal proposal, String mark) {}

  private final RoundRepository rounds;
  private final RoundProposals proposals;
  private final BriefRenderer renderer;

  RoundBriefs(RoundRepository rounds, RoundProposals proposals, BriefRenderer renderer) {
    this.rounds = rounds;
    this.proposals = proposals;
    this.renderer = renderer;
  }

  String consultation(Round round) {
    return renderer.render("consultation", Map.of("round", round));
  }

  String shortlist(Round round) {
    List<BoroughComment> comments =
        rounds.comments(round.roundId()).stream()
            .map(
                c ->
                    new BoroughComment(
                        LondonBorough.byCode(c.boroughCode())
                            .map(LondonBorough::displayName)
                            .orElse(c.boroughCode()),
                        c.comment()))
            .toList();
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("round", round);
    variables.put("comments", comments);
    variables.put("workingGroupComments", workingGroupComments(round));
    return renderer.render("shortlist", variables);
  }

  /** What the working group sees: MOPAC's draft short list and the boroughs' comments. */
  String shortlistReview(Round round) {
    return renderer.render("shortlist-review", Map.of("round", round));
  }

  String prospectus(Round round) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("round", round);
    variables.put("workingGroupComments", workingGroupComments(round));
    return renderer.render("prospectus", variables);
  }

  /** The working group's comments on the short list, or {@code null} before its review. */
  private String workingGroupComments(Round round) {
    return rounds.workingGroupComments(round.roundId()).orElse(null);
  }

  /** What MOPAC records before the announcement: the awards the Leaders' Committee signed off. */
  String decisionOfRecord(Round round) {
    return renderer.render(
        "decision-of-record", Map.of("round", round, "decision", round.decision()));
  }

  String marketSession(Round round, String priorityCode) {
    Priority priority =
        round.priority(priorityCode).orElse(new Priority(priorityCode, priorityCode));
    return renderer.render("market-session", Map.of("round", round, "priority", priority));
  }

  String decision(Round round) {
    RecommendedPortfolio recommended = round.recommendedPortfolio();
    List<DecisionRow> rows =
        proposals.assessed(round.roundId()).stream()
            .map(p -> new DecisionRow(p, mark(recommended, p.reference())))
            .toList();
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("round", round);
    variables.put("rows", rows);
    variables.put("recommended", recommended);
    return renderer.render("decision", variables);
  }

  private static String mark(RecommendedPortfolio recommended, String reference) {
    if (recommended == null) {
      return "";
    }
    return recommended.funded().contains(reference)
        ? "FUND"
        : recommended.deferred().contains(reference) ? "defer" : "not funded";
  }

  String awards(Round round) {
    return renderer.render("awards", Map.of("round", round, "decision", round.decision()));
  }
}
