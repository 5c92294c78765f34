package london.cofund.proposal.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.BidForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.system.BriefRenderer;
import org.springframework.stereotype.Component;

/**
 * The Markdown that a proposal's task forms show first ({@code taskBrief}): the proposal, the
 * criteria results and the earlier feedback, from the templates in {@code templates/briefs/}. Text
 * typed by applicants is escaped there, so that it cannot restyle the form.
 */
@Component
public class ProposalBriefs {

  private final BriefRenderer renderer;

  ProposalBriefs(BriefRenderer renderer) {
    this.renderer = renderer;
  }

  /** The proposal as a reviewer needs it: who, where, what, how much, and the criteria. */
  public String proposal(Proposal proposal, Round round) {
    BidForm bid = proposal.currentBid();
    Map<String, Object> variables = new HashMap<>();
    variables.put("proposal", proposal);
    variables.put("round", round);
    variables.put("bid", bid);
    variables.put("full", bid instanceof FullProposalForm full ? full : null);
    variables.put("panLondon", bid.scope() == Scope.PAN_LONDON);
    variables.put(
        "deliveredIn",
        bid.boroughs().isEmpty() ? "all 32 boroughs" : LondonBorough.namesOf(bid.boroughs()));
    Map<String, String> boroughNames = new HashMap<>();
    if (bid.partners() != null) {
      bid.partners().stream()
          .filter(p -> p.boroughCode() != null)
          .forEach(
              p ->
                  boroughNames.put(
                      p.boroughCode(), LondonBorough.namesOf(List.of(p.boroughCode()))));
    }
    variables.put("boroughNames", boroughNames);
    variables.put(
        "priorities",
        bid.priorityThemes().stream()
            .map(code -> round.priority(code).orElse(new Priority(code, code)))
            .toList());
    variables.put("criteria", proposal.criteria());
    return renderer.render("proposal", variables);
  }

  public String criteria(List<CriterionResult> criteria) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("criteria", criteria);
    return renderer.render("criteria", variables);
  }

  public String feedback(Proposal proposal) {
    return renderer.render("feedback", Map.of("proposal", proposal));
  }
}
