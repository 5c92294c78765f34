package london.cofund.portal.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.identity.CurrentUser;
import london.cofund.portal.Applicant;
import london.cofund.portal.BidTimeline;
import london.cofund.portal.CriteriaInPlainWords;
import london.cofund.portal.Draft;
import london.cofund.portal.DraftService;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.process.ProposalSteps;
import london.cofund.round.MarketSession;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's reading pages: the open rounds with their prospectus ({@code /apply}), the
 * applicant's drafts and bids ({@code /apply/bids}) and one bid ({@code /apply/bids/{reference}}),
 * where its submitter withdraws it through the API's step.
 */
@Controller
class ApplyPages {

  private final RoundService rounds;
  private final DraftService drafts;
  private final ProposalQueries queries;
  private final ProposalService proposals;
  private final ProposalSteps steps;
  private final PortalUsers users;
  private final Clock clock;

  ApplyPages(
      RoundService rounds,
      DraftService drafts,
      ProposalQueries queries,
      ProposalService proposals,
      ProposalSteps steps,
      PortalUsers users,
      Clock clock) {
    this.rounds = rounds;
    this.drafts = drafts;
    this.queries = queries;
    this.proposals = proposals;
    this.steps = steps;
    this.users = users;
    this.clock = clock;
  }

  /** A round as its prospectus shows it to applicants. */
  record Prospectus(
      Round round,
      Map<String, String> criteria,
      List<MarketSession> marketSessions,
      Map<String, String> priorityTitles) {}

  @GetMapping({"/apply", "/apply/"})
  String rounds(Model model, Authentication authentication) {
    List<Prospectus> open =
        rounds.all().stream()
            .filter(r -> r.acceptsEois(clock.instant()))
            .sorted(Comparator.comparing(r -> r.dates().eoiDeadline()))
            .map(
                r -> {
                  Map<String, String> criteria = new LinkedHashMap<>();
                  CriteriaInPlainWords.of(r.thresholds())
                      .forEach((c, words) -> criteria.put(CriteriaInPlainWords.name(c), words));
                  Map<String, String> titles = new LinkedHashMap<>();
                  r.priorityLongList().forEach(pr -> titles.put(pr.code(), pr.title()));
                  return new Prospectus(r, criteria, rounds.marketSessions(r.roundId()), titles);
                })
            .toList();
    model.addAttribute("prospectuses", open);
    model.addAttribute(
        "applicant", CurrentUser.of(authentication).isIn(london.cofund.identity.Roles.APPLICANTS));
    return "portal/rounds";
  }

  /** A line of "My bids": a draft (no reference yet) or a submitted bid. */
  record BidLine(String href, String reference, String title, String roundName, String status) {}

  @GetMapping("/apply/bids")
  String bids(Model model, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    Applicant applicant = users.applicant(authentication);
    List<BidLine> lines = new ArrayList<>();
    for (Draft d : drafts.drafts(applicant)) {
      if (!d.submitted()) {
        lines.add(
            new BidLine(
                "/apply/drafts/" + d.draftId(),
                null,
                d.form().title().isBlank() ? "Untitled draft" : d.form().title(),
                rounds.get(d.roundId()).name(),
                "Draft, last saved by " + d.updatedBy()));
      }
    }
    for (Proposal p : ownBids(user, applicant)) {
      lines.add(
          new BidLine(
              "/apply/bids/" + p.reference(),
              p.reference(),
              p.title(),
              rounds.get(p.roundId()).name(),
              words(p.status().name())));
    }
    model.addAttribute("lines", lines);
    return "portal/bids";
  }

  @GetMapping("/apply/bids/{reference}")
  String bid(
      @PathVariable String reference,
      @RequestParam(required = false) String submitted,
      @RequestParam(required = false) String withdrawn,
      @RequestParam(required = false) String revised,
      @RequestParam(required = false) String fullProposal,
      Model model,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    Applicant applicant = users.applicant(authentication);
    Proposal proposal = ownBid(reference, user, applicant);
    Round round = rounds.get(proposal.roundId());
    model.addAttribute("proposal", proposal);
    model.addAttribute("round", round);
    model.addAttribute("status", words(proposal.status().name()));
    model.addAttribute("timeline", BidTimeline.of(proposal, round));
    model.addAttribute(
        "eoiOutcome",
        proposal.eoiOutcome() == null ? null : BidTimeline.outcome(proposal.eoiOutcome().name()));
    model.addAttribute(
        "fundingOutcome",
        proposal.fundingOutcome() == null
            ? null
            : BidTimeline.outcome(proposal.fundingOutcome().name()));
    Map<String, String> names = new LinkedHashMap<>();
    for (london.cofund.eligibility.Criterion c : london.cofund.eligibility.Criterion.values()) {
      names.put(c.name(), CriteriaInPlainWords.name(c));
    }
    model.addAttribute("criterionNames", names);
    model.addAttribute(
        "mayWithdraw", proposal.submittedBy().equals(user.id()) && !proposal.status().isSettled());
    model.addAttribute("submitted", submitted != null);
    model.addAttribute("withdrawn", withdrawn != null);
    model.addAttribute("revised", revised != null);
    model.addAttribute("fullProposalSent", fullProposal != null);
    boolean submitter = proposal.submittedBy().equals(user.id());
    // The applicant's open task, as the status says it (the API's steps refuse with a 409 else).
    model.addAttribute(
        "mayRevise",
        submitter
            && proposal.status() == london.cofund.proposal.ProposalStatus.NOT_ELIGIBLE
            && proposal.fullProposal() == null);
    model.addAttribute(
        "mayFullProposal",
        submitter
            && (proposal.status() == london.cofund.proposal.ProposalStatus.FULL_PROPOSAL_DUE
                || (proposal.status() == london.cofund.proposal.ProposalStatus.NOT_ELIGIBLE
                    && proposal.fullProposal() != null)));
    return "portal/bid";
  }

  @PostMapping("/apply/bids/{reference}/withdraw")
  String withdraw(@PathVariable String reference, Authentication authentication) {
    CurrentUser user = PortalUsers.requireApplicant(authentication);
    ownBid(reference, user, users.applicant(authentication));
    steps.withdraw(reference, user);
    return "redirect:/apply/bids/" + reference + "?withdrawn";
  }

  /** The bids the user submitted, and those they were invited to work on, newest first. */
  private List<Proposal> ownBids(CurrentUser user, Applicant applicant) {
    Map<String, Proposal> bids = new LinkedHashMap<>();
    queries.visible(user).stream()
        .filter(p -> p.submittedBy().equals(user.id()))
        .forEach(p -> bids.put(p.reference(), p));
    for (Draft d : drafts.drafts(applicant)) {
      if (d.submitted()) {
        bids.putIfAbsent(d.proposalReference(), proposals.get(d.proposalReference()));
      }
    }
    return bids.values().stream()
        .sorted(Comparator.comparing(Proposal::createdAt).reversed())
        .toList();
  }

  /**
   * The bid, if the user submitted it or works on it; a 404 otherwise (also for MOPAC, who reads
   * bids through the API and Tasklist: the portal shows applicants their own).
   */
  private Proposal ownBid(String reference, CurrentUser user, Applicant applicant) {
    Proposal proposal;
    try {
      proposal = proposals.get(reference);
    } catch (NotFoundException e) {
      throw new NotFoundException("No bid '" + reference + "' of yours.");
    }
    if (proposal.submittedBy().equals(user.id())
        || drafts.submittedAs(reference, applicant).isPresent()) {
      return proposal;
    }
    throw new NotFoundException("No bid '" + reference + "' of yours.");
  }

  private static String words(String code) {
    String text = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
