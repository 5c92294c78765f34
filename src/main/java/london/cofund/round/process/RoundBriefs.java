package london.cofund.round.process;

import java.util.List;
import java.util.stream.Collectors;
import london.cofund.borough.LondonBorough;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.FundingDecision;
import london.cofund.round.Priority;
import london.cofund.round.PriorityComment;
import london.cofund.round.Round;
import london.cofund.round.RoundProposals;
import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.round.RoundRepository;
import london.cofund.system.Formats;
import london.cofund.system.Markdown;
import london.cofund.system.Scores;
import org.springframework.stereotype.Component;

/**
 * The Markdown that a round's task forms show first ({@code taskBrief}): what the person needs in
 * front of them to decide. Values typed by users are escaped, so that a comment cannot restyle the
 * form.
 */
@Component
class RoundBriefs {

  private final RoundRepository rounds;
  private final RoundProposals proposals;

  RoundBriefs(RoundRepository rounds, RoundProposals proposals) {
    this.rounds = rounds;
    this.proposals = proposals;
  }

  String heading(Round round) {
    return "### "
        + md(round.name())
        + " ("
        + md(round.roundId())
        + "), tranche "
        + round.tranche()
        + "\n\n"
        + "Pot "
        + Formats.money(round.potAmount())
        + ", "
        + round.minProjects()
        + " to "
        + round.maxProjects()
        + " projects. EOIs close "
        + Formats.dateTime(round.dates().eoiDeadline())
        + "; full proposals close "
        + Formats.dateTime(round.dates().fullProposalDeadline())
        + "; decision by "
        + Formats.dateTime(round.dates().decisionDate())
        + ".\n\n";
  }

  String longList(Round round) {
    return "**Long list of priorities**\n\n"
        + round.priorityLongList().stream()
            .map(
                p ->
                    "- `"
                        + p.code()
                        + "` "
                        + md(p.title())
                        + (round.shortlist().contains(p.code()) ? " (short-listed)" : ""))
            .collect(Collectors.joining("\n"))
        + "\n\n";
  }

  String consultation(Round round) {
    return heading(round)
        + longList(round)
        + "Comment on the long list for your borough by **"
        + Formats.dateTime(round.dates().consultationDeadline())
        + "**.";
  }

  String shortlist(Round round) {
    List<PriorityComment> comments = rounds.comments(round.roundId());
    StringBuilder text = new StringBuilder(heading(round)).append(longList(round));
    text.append("**Boroughs' comments** (").append(comments.size()).append(" of 32)\n\n");
    comments.forEach(
        c ->
            text.append("- ")
                .append(
                    LondonBorough.byCode(c.boroughCode())
                        .map(LondonBorough::displayName)
                        .orElse(c.boroughCode()))
                .append(": ")
                .append(md(c.comment()))
                .append('\n'));
    if (round.prospectusSignOffComments() != null) {
      text.append("\n**The Leaders' Committee did not sign off the last prospectus:** ")
          .append(md(round.prospectusSignOffComments()))
          .append('\n');
    }
    return text.append("\nChoose the short list: at least one code from the long list.").toString();
  }

  String prospectus(Round round) {
    return heading(round)
        + "**Short-listed priorities**\n\n"
        + round.shortlistPriorities().stream()
            .map(p -> "- `" + p.code() + "` " + md(p.title()))
            .collect(Collectors.joining("\n"))
        + "\n\nFundable threshold: "
        + Scores.ofTotal(round.fundableThreshold())
        + "; "
        + round.assessorsPerProposal()
        + " assessors per proposal. Services start "
        + Formats.dateTime(round.dates().serviceStartDate())
        + ".";
  }

  String marketSession(Round round, String priorityCode) {
    Priority priority =
        round.priority(priorityCode).orElse(new Priority(priorityCode, priorityCode));
    return heading(round)
        + "Record the market development session for **"
        + md(priority.title())
        + "** (`"
        + priority.code()
        + "`): when it was held, who came, and what was said.";
  }

  String decision(Round round) {
    RecommendedPortfolio recommended = round.recommendedPortfolio();
    StringBuilder text = new StringBuilder(heading(round));
    text.append("Short list: ")
        .append(round.shortlist().stream().collect(Collectors.joining(", ")))
        .append("\n\n");
    text.append("| | proposal | lead | cost | score | priorities |\n|---|---|---|---|---|---|\n");
    for (AssessedProposal p : proposals.assessed(round.roundId())) {
      String mark =
          recommended == null
              ? ""
              : recommended.funded().contains(p.reference())
                  ? "FUND"
                  : recommended.deferred().contains(p.reference()) ? "defer" : "not funded";
      text.append("| ")
          .append(mark)
          .append(" | ")
          .append(p.reference())
          .append(" ")
          .append(md(p.title()))
          .append(" | ")
          .append(md(p.leadAgency()))
          .append(" | ")
          .append(Formats.money(p.requestedAmount()))
          .append(" | ")
          .append(Formats.score(p.totalScore()))
          .append(" | ")
          .append(String.join(", ", p.priorityThemes()))
          .append(" |\n");
    }
    if (recommended != null) {
      text.append("\n**Recommended:** fund ")
          .append(String.join(", ", recommended.funded()))
          .append(" (")
          .append(Formats.money(recommended.totalCost()))
          .append(", ")
          .append(recommended.prioritiesCovered())
          .append(" priorities covered, ")
          .append(Formats.money(recommended.unspent()))
          .append(" unspent); defer ")
          .append(
              recommended.deferred().isEmpty()
                  ? "none"
                  : String.join(", ", recommended.deferred()));
      if (!recommended.flags().isEmpty()) {
        text.append(". **Flags:** ").append(String.join(", ", recommended.flags()));
      }
      text.append(".\n\n");
    }
    if (round.awardsSignOffComments() != null) {
      text.append("**The Leaders' Committee did not sign off the last decision:** ")
          .append(md(round.awardsSignOffComments()))
          .append("\n\n");
    }
    return text.append("A decision that departs from the recommendation needs a rationale.")
        .toString();
  }

  String awards(Round round) {
    FundingDecision decision = round.decision();
    StringBuilder text = new StringBuilder(heading(round));
    text.append("**Funded:** ")
        .append(String.join(", ", decision.funded()))
        .append("\n\n")
        .append("**Deferred to the next tranche:** ")
        .append(decision.deferred().isEmpty() ? "none" : String.join(", ", decision.deferred()))
        .append("\n\n");
    if (decision.departsFromRecommendation()) {
      text.append("The panel departed from the recommended portfolio.\n\n");
    }
    if (decision.rationale() != null) {
      text.append("**Rationale:** ").append(md(decision.rationale())).append("\n\n");
    }
    return text.append("Sign off the awards, or return them to the panel with your comments.")
        .toString();
  }

  /** Escapes what users typed; see {@link Markdown#escape}. */
  static String md(String text) {
    return Markdown.escape(text);
  }
}
