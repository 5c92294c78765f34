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
    return renderer.render("shortlist", Map.of("round", round, "comments", comments));
  }

  String prospectus(Round round) {
    return renderer.render("prospectus", Map.of("round", round));
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
