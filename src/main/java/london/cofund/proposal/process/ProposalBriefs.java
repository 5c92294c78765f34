package london.cofund.proposal.process;

import java.util.List;
import java.util.stream.Collectors;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.CriterionResult;
import london.cofund.proposal.BidForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.round.Round;
import london.cofund.system.Formats;
import london.cofund.system.Markdown;
import org.springframework.stereotype.Component;

/**
 * The Markdown that a proposal's task forms show first ({@code taskBrief}): the proposal, the
 * criteria results and the earlier feedback. Text typed by applicants is escaped, so that it cannot
 * restyle the form.
 */
@Component
public class ProposalBriefs {

  /** The proposal as a reviewer needs it: who, where, what, how much, and the criteria. */
  public String proposal(Proposal proposal, Round round) {
    BidForm bid = proposal.currentBid();
    StringBuilder text = new StringBuilder();
    text.append("### ")
        .append(md(proposal.title()))
        .append(" (")
        .append(proposal.reference())
        .append(")\n\n")
        .append("Round ")
        .append(md(round.name()))
        .append(" (")
        .append(round.roundId())
        .append("). ")
        .append(
            bid.scope() == london.cofund.eligibility.Scope.PAN_LONDON
                ? "Pan-London"
                : "Sub-regional")
        .append(", delivered in ")
        .append(
            bid.boroughs().isEmpty() ? "all 32 boroughs" : LondonBorough.namesOf(bid.boroughs()))
        .append(". Asks for **")
        .append(Formats.money(proposal.requestedAmount()))
        .append("**");
    if (bid instanceof FullProposalForm full) {
      text.append(" (")
          .append(
              full.budget().stream()
                  .map(line -> line.financialYear() + ": " + Formats.money(line.amount()))
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    text.append(".\n\n")
        .append("**Lead agency:** ")
        .append(md(bid.leadAgency().name()))
        .append(" (")
        .append(bid.leadAgency().type())
        .append("), contact ")
        .append(md(bid.leadAgency().contactName()))
        .append(" <")
        .append(md(bid.leadAgency().contactEmail()))
        .append(">\n\n")
        .append("**Partners:** ")
        .append(
            bid.partners() == null || bid.partners().isEmpty()
                ? "none"
                : bid.partners().stream()
                    .map(
                        p ->
                            md(p.name())
                                + " ("
                                + p.type()
                                + (p.boroughCode() != null
                                    ? ", " + LondonBorough.namesOf(List.of(p.boroughCode()))
                                    : "")
                                + (Boolean.TRUE.equals(p.coreSupporting())
                                    ? ", core supporting"
                                    : "")
                                + ")")
                    .collect(Collectors.joining("; ")))
        .append("\n\n")
        .append("**Priorities:** ")
        .append(
            bid.priorityThemes().stream()
                .map(code -> round.priority(code).map(p -> md(p.title())).orElse(code))
                .collect(Collectors.joining(", ")))
        .append("\n\n")
        .append("**Summary:** ")
        .append(md(bid.summary()))
        .append("\n\n")
        .append("**Leadership:** ")
        .append(md(bid.leadershipStatement()))
        .append("\n\n");
    if (bid instanceof FullProposalForm full) {
      text.append("**Outcomes:** ")
          .append(md(full.outcomes()))
          .append("\n\n")
          .append("**Delivery plan:** ")
          .append(md(full.deliveryPlan()))
          .append("\n\n")
          .append("**Risks:** ")
          .append(md(full.risks()))
          .append("\n\n");
    }
    return text.append(criteria(proposal.criteria())).toString();
  }

  public String criteria(List<CriterionResult> criteria) {
    if (criteria == null || criteria.isEmpty()) {
      return "";
    }
    return "**Criteria**\n\n"
        + criteria.stream()
            .map(
                c ->
                    "- "
                        + (c.passed() ? "PASS" : "**FAIL**")
                        + " `"
                        + c.code()
                        + "`: "
                        + md(c.reason()))
            .collect(Collectors.joining("\n"))
        + "\n\n";
  }

  public String feedback(Proposal proposal) {
    if (proposal.eoiOutcome() == null) {
      return "";
    }
    return "**MOPAC's EOI feedback ("
        + proposal.eoiOutcome()
        + "):** "
        + md(proposal.eoiFeedback())
        + "\n\n";
  }

  /** Escapes what users typed; see {@link Markdown#escape}. */
  public static String md(String text) {
    return Markdown.escape(text);
  }
}
