package london.cofund.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.fund.FinancialYear;
import london.cofund.identity.CurrentUser;
import london.cofund.portal.EoiDraftForm;
import london.cofund.portal.FullProposalExtras;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.process.ProposalSteps;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A submitted bid's next documents, by its submitter: the revised EOI ({@code
 * /apply/bids/{reference}/eoi}, completing {@code Task_ReviseEoi}) and the full proposal with its
 * budget by financial year ({@code /apply/bids/{reference}/full-proposal}, completing {@code
 * Task_SubmitFullProposal}), both through the API's steps ({@link ProposalSteps}) and so under its
 * rules. These are not kept as drafts: they are sent, or refused with everything typed kept.
 */
@Controller
class BidFormPages {

  private static final Pattern REMOVE = Pattern.compile("remove-partner-(\\d+)");

  private final ProposalService proposals;
  private final ProposalSteps steps;
  private final RoundService rounds;
  private final EoiFormView view;

  BidFormPages(
      ProposalService proposals, ProposalSteps steps, RoundService rounds, EoiFormView view) {
    this.proposals = proposals;
    this.steps = steps;
    this.rounds = rounds;
    this.view = view;
  }

  @GetMapping("/apply/bids/{reference}/eoi")
  ModelAndView revision(@PathVariable String reference, Authentication authentication) {
    Proposal proposal = submitted(reference, authentication);
    return page(proposal, EoiDraftForm.from(proposal.eoi()), null, List.of());
  }

  @PostMapping("/apply/bids/{reference}/eoi")
  ModelAndView revise(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> params,
      Authentication authentication) {
    Proposal proposal = submitted(reference, authentication);
    EoiDraftForm form = rowsChanged(EoiDraftForm.of(params), EoiPages.action(params));
    String action = EoiPages.action(params);
    List<FieldProblem> problems = new ArrayList<>();
    EoiForm eoi = form.toEoiForm(problems);
    if (action.equals("submit") && problems.isEmpty()) {
      try {
        steps.reviseEoi(reference, eoi, CurrentUser.of(authentication));
        return new ModelAndView("redirect:/apply/bids/" + reference + "?revised");
      } catch (InvalidRequestException e) {
        problems.addAll(e.problems());
      } catch (ConflictException e) {
        problems.add(new FieldProblem("submit", e.getMessage()));
      }
    } else if (isCheckOrSubmit(action)) {
      problems.addAll(view.shapeProblems(eoi, rounds.get(proposal.roundId())));
    }
    return refused(page(proposal, form, null, isCheckOrSubmit(action) ? problems : List.of()));
  }

  @GetMapping("/apply/bids/{reference}/full-proposal")
  ModelAndView fullProposal(@PathVariable String reference, Authentication authentication) {
    Proposal proposal = submitted(reference, authentication);
    Round round = rounds.get(proposal.roundId());
    FullProposalExtras extras =
        proposal.fullProposal() != null
            ? FullProposalExtras.from(proposal.fullProposal())
            : FullProposalExtras.blank(FinancialYear.of(round.dates().serviceStartDate()));
    return page(proposal, EoiDraftForm.from(proposal.currentBid()), extras, List.of());
  }

  @PostMapping("/apply/bids/{reference}/full-proposal")
  ModelAndView submitFullProposal(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> params,
      Authentication authentication) {
    Proposal proposal = submitted(reference, authentication);
    String action = EoiPages.action(params);
    EoiDraftForm form = rowsChanged(EoiDraftForm.of(params), action);
    FullProposalExtras extras = FullProposalExtras.of(params);
    List<FieldProblem> problems = new ArrayList<>();
    FullProposalForm full = extras.toForm(form.toEoiForm(problems), problems);
    if (action.equals("submit") && problems.isEmpty()) {
      try {
        steps.submitFullProposal(reference, full, CurrentUser.of(authentication));
        return new ModelAndView("redirect:/apply/bids/" + reference + "?fullProposal");
      } catch (InvalidRequestException e) {
        problems.addAll(e.problems());
      } catch (ConflictException e) {
        problems.add(new FieldProblem("submit", e.getMessage()));
      }
    } else if (isCheckOrSubmit(action)) {
      problems.addAll(view.shapeProblems(full, rounds.get(proposal.roundId())));
    }
    return refused(page(proposal, form, extras, isCheckOrSubmit(action) ? problems : List.of()));
  }

  private ModelAndView page(
      Proposal proposal, EoiDraftForm form, FullProposalExtras full, List<FieldProblem> problems) {
    ModelAndView page = view.page(rounds.get(proposal.roundId()), form, problems);
    page.addObject("mode", full == null ? "revise" : "full");
    page.addObject("full", full);
    page.addObject("reference", proposal.reference());
    page.addObject(
        "action",
        "/apply/bids/" + proposal.reference() + (full == null ? "/eoi" : "/full-proposal"));
    return page;
  }

  private static ModelAndView refused(ModelAndView page) {
    Object problems = page.getModel().get("problems");
    if (problems instanceof List<?> list && !list.isEmpty()) {
      page.setStatus(HttpStatus.BAD_REQUEST);
    }
    return page;
  }

  private static boolean isCheckOrSubmit(String action) {
    return action.equals("check") || action.equals("submit");
  }

  private static EoiDraftForm rowsChanged(EoiDraftForm form, String action) {
    Matcher remove = REMOVE.matcher(action);
    if (action.equals("add-partner")) {
      return form.withPartnerAdded();
    }
    return remove.matches() ? form.withPartnerRemoved(Integer.parseInt(remove.group(1))) : form;
  }

  /**
   * The bid, for its submitter only: the API's steps complete the applicant's tasks for the
   * submitter alone. Others are told there is no such bid of theirs.
   */
  private Proposal submitted(String reference, Authentication authentication) {
    CurrentUser user = PortalUsers.requireApplicant(authentication);
    Proposal proposal;
    try {
      proposal = proposals.get(reference);
    } catch (NotFoundException e) {
      throw new NotFoundException("No bid '" + reference + "' of yours.");
    }
    if (!proposal.submittedBy().equals(user.id())) {
      throw new NotFoundException("No bid '" + reference + "' of yours.");
    }
    if (proposal.status().isSettled()) {
      throw new ConflictException("Bid " + reference + " is " + proposal.status() + ".");
    }
    return proposal;
  }
}
