package london.cofund.portal.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.eligibility.CriterionResult;
import london.cofund.portal.Applicant;
import london.cofund.portal.Draft;
import london.cofund.portal.DraftConflictException;
import london.cofund.portal.DraftDifferences;
import london.cofund.portal.DraftService;
import london.cofund.portal.EoiDraftForm;
import london.cofund.proposal.EoiForm;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.ForbiddenException;
import london.cofund.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The EOI form ({@code /apply/rounds/{roundId}/eoi}, then {@code /apply/drafts/{draftId}}). One
 * form, several buttons ({@code action}): add or remove a partner row, check the criteria, save the
 * draft, invite a colleague, submit. Without JavaScript each is a round trip that re-renders what
 * was typed; with it, the criteria update as the form is filled ({@code POST
 * /apply/rounds/{roundId}/criteria}). The criteria and the shape checks are the API's ({@link
 * EoiFormView}), and submitting goes through the API's step ({@link PortalSubmissions}).
 */
@Controller
class EoiPages {

  private static final Pattern REMOVE = Pattern.compile("remove-partner-(\\d+)");

  private final RoundService rounds;
  private final DraftService drafts;
  private final PortalSubmissions submissions;
  private final PortalUsers users;
  private final EoiFormView view;
  private final Clock clock;

  EoiPages(
      RoundService rounds,
      DraftService drafts,
      PortalSubmissions submissions,
      PortalUsers users,
      EoiFormView view,
      Clock clock) {
    this.rounds = rounds;
    this.drafts = drafts;
    this.submissions = submissions;
    this.users = users;
    this.view = view;
    this.clock = clock;
  }

  @GetMapping("/apply/rounds/{roundId}/eoi")
  ModelAndView start(@PathVariable String roundId, Authentication authentication) {
    PortalUsers.requireApplicant(authentication);
    Applicant applicant = users.applicant(authentication);
    Round round = openRound(roundId);
    return page(round, null, EoiDraftForm.blank(applicant.email()), 0, List.of(), applicant);
  }

  @PostMapping("/apply/rounds/{roundId}/eoi")
  ModelAndView startPost(
      @PathVariable String roundId,
      @RequestParam MultiValueMap<String, String> params,
      Authentication authentication) {
    PortalUsers.requireApplicant(authentication);
    Applicant applicant = users.applicant(authentication);
    Round round = openRound(roundId);
    EoiDraftForm form = EoiDraftForm.of(params);
    String action = action(params);
    if (action.equals("save") || action.equals("submit") || action.equals("invite")) {
      String draftId = drafts.start(roundId, form, applicant);
      if (action.equals("save")) {
        return redirect("/apply/drafts/" + draftId + "?saved");
      }
      return act(round, drafts.get(draftId, applicant), form, params, action, applicant);
    }
    return act(round, null, form, params, action, applicant);
  }

  @GetMapping("/apply/drafts/{draftId}")
  ModelAndView draft(
      @PathVariable String draftId,
      @RequestParam(required = false) String saved,
      @RequestParam(required = false) String invited,
      Authentication authentication) {
    PortalUsers.requireApplicant(authentication);
    Applicant applicant = users.applicant(authentication);
    Draft draft = drafts.get(draftId, applicant);
    if (draft.submitted()) {
      return redirect("/apply/bids/" + draft.proposalReference());
    }
    ModelAndView page =
        page(
            rounds.get(draft.roundId()),
            draft,
            draft.form(),
            draft.version(),
            List.of(),
            applicant);
    page.addObject("saved", saved != null);
    page.addObject("invited", invited != null);
    return page;
  }

  @PostMapping("/apply/drafts/{draftId}")
  ModelAndView draftPost(
      @PathVariable String draftId,
      @RequestParam MultiValueMap<String, String> params,
      Authentication authentication) {
    PortalUsers.requireApplicant(authentication);
    Applicant applicant = users.applicant(authentication);
    Draft draft = drafts.get(draftId, applicant);
    if (draft.submitted()) {
      return redirect("/apply/bids/" + draft.proposalReference());
    }
    EoiDraftForm form = EoiDraftForm.of(params);
    int version = version(params.getFirst("version"));
    String action = action(params);
    Round round = rounds.get(draft.roundId());
    if (action.equals("save") || action.equals("submit") || action.equals("invite")) {
      try {
        draft = drafts.save(draftId, version, form, applicant);
      } catch (DraftConflictException e) {
        return conflict(round, e.current(), form, applicant);
      }
      if (action.equals("save")) {
        return redirect("/apply/drafts/" + draftId + "?saved");
      }
    }
    return act(round, draft, form, params, action, applicant);
  }

  /** The mailed invitation's link: the signed-in applicant who follows it joins the draft. */
  @GetMapping("/apply/invitations/{token}")
  ModelAndView accept(@PathVariable String token, Authentication authentication) {
    PortalUsers.requireApplicant(authentication);
    return redirect("/apply/drafts/" + drafts.accept(token, users.applicant(authentication)));
  }

  /** The criteria as the form stands, for the page's script: the same screening as the API's. */
  @PostMapping("/apply/rounds/{roundId}/criteria")
  @ResponseBody
  List<CriterionResult> criteria(
      @PathVariable String roundId, @RequestParam MultiValueMap<String, String> params) {
    return screen(rounds.get(roundId), EoiDraftForm.of(params));
  }

  /** What a button does once the form is read (and, for save, invite and submit, saved). */
  private ModelAndView act(
      Round round,
      Draft draft,
      EoiDraftForm form,
      MultiValueMap<String, String> params,
      String action,
      Applicant applicant) {
    int version = draft == null ? 0 : draft.version();
    Matcher remove = REMOVE.matcher(action);
    if (action.equals("add-partner")) {
      return page(round, draft, form.withPartnerAdded(), version, List.of(), applicant);
    }
    if (remove.matches()) {
      return page(
          round,
          draft,
          form.withPartnerRemoved(Integer.parseInt(remove.group(1))),
          version,
          List.of(),
          applicant);
    }
    if (action.equals("invite") && draft != null) {
      try {
        drafts.invite(
            draft.draftId(),
            params.getFirst("inviteEmail"),
            "true".equals(params.getFirst("inviteMaySubmit")),
            applicant);
        return redirect("/apply/drafts/" + draft.draftId() + "?invited");
      } catch (InvalidRequestException e) {
        ModelAndView page = page(round, draft, form, version, e.problems(), applicant);
        page.addObject("inviteEmail", params.getFirst("inviteEmail"));
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    EoiForm eoi = form.toEoiForm(problems);
    if (action.equals("submit") && draft != null) {
      if (!drafts.maySubmit(draft, applicant)) {
        throw new ForbiddenException(
            "The lead has not allowed you to submit this bid: your changes are saved.");
      }
      if (problems.isEmpty()) {
        try {
          return redirect(
              "/apply/bids/" + submissions.submit(draft, eoi, applicant) + "?submitted");
        } catch (InvalidRequestException e) {
          problems.addAll(e.problems());
        } catch (ConflictException e) {
          problems.add(new FieldProblem("submit", e.getMessage()));
        }
      } else {
        problems.addAll(shapeProblems(eoi, round));
      }
    } else {
      // "Check criteria": the criteria are shown on every render; here the shapes too.
      problems.addAll(shapeProblems(eoi, round));
    }
    ModelAndView page = page(round, draft, form, version, problems, applicant);
    if (!problems.isEmpty()) {
      page.setStatus(HttpStatus.BAD_REQUEST);
    }
    page.addObject("checked", true);
    return page;
  }

  private List<FieldProblem> shapeProblems(EoiForm eoi, Round round) {
    return view.shapeProblems(eoi, round);
  }

  private ModelAndView conflict(
      Round round, Draft current, EoiDraftForm mine, Applicant applicant) {
    // What this person typed stays in the form; saving again (from the stored version) keeps it.
    ModelAndView page = page(round, current, mine, current.version(), List.of(), applicant);
    page.addObject("conflict", current);
    page.addObject("differences", DraftDifferences.between(current.form(), mine));
    page.setStatus(HttpStatus.CONFLICT);
    return page;
  }

  private ModelAndView page(
      Round round,
      Draft draft,
      EoiDraftForm form,
      int version,
      List<FieldProblem> problems,
      Applicant applicant) {
    ModelAndView page = view.page(round, form, problems);
    page.addObject("mode", "draft");
    page.addObject("draft", draft);
    page.addObject("version", version);
    page.addObject(
        "action",
        draft == null
            ? "/apply/rounds/" + round.roundId() + "/eoi"
            : "/apply/drafts/" + draft.draftId());
    page.addObject("owner", draft == null || draft.ownerId().equals(applicant.id()));
    page.addObject("maySubmit", draft == null || drafts.maySubmit(draft, applicant));
    page.addObject(
        "collaborators", draft == null ? List.of() : drafts.collaborators(draft.draftId()));
    page.addObject("edits", draft == null ? List.of() : drafts.edits(draft.draftId()));
    return page;
  }

  /** The criteria as the form stands (for the page's script). */
  private List<CriterionResult> screen(Round round, EoiDraftForm form) {
    return view.screen(round, form);
  }

  private Round openRound(String roundId) {
    Round round = rounds.get(roundId);
    if (!round.acceptsEois(clock.instant())) {
      throw new ConflictException("Round " + roundId + " is not taking expressions of interest.");
    }
    return round;
  }

  static String action(MultiValueMap<String, String> params) {
    String action = params.getFirst("action");
    return action == null ? "check" : action;
  }

  private static int version(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ModelAndView redirect(String path) {
    return new ModelAndView("redirect:" + path);
  }
}
