package london.cofund.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.AgencyType;
import london.cofund.eligibility.Criterion;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.EligibilityService;
import london.cofund.portal.CriteriaInPlainWords;
import london.cofund.portal.EoiDraftForm;
import london.cofund.proposal.BidForm;
import london.cofund.proposal.BidFormChecks;
import london.cofund.round.Round;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every EOI-shaped page of the portal shows (a draft, a revision, a full proposal): the form
 * as typed, the criteria as it stands (the API's {@link EligibilityService}), and refusals as the
 * GOV.UK error summary, each linking to its input.
 */
@Component
class EoiFormView {

  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)](?:\\.(\\w+))?");

  private final EligibilityService eligibility;
  private final BidFormChecks checks;

  EoiFormView(EligibilityService eligibility, BidFormChecks checks) {
    this.eligibility = eligibility;
    this.checks = checks;
  }

  /** The page's model; the caller adds what its mode needs (draft, action, buttons). */
  ModelAndView page(Round round, EoiDraftForm form, List<FieldProblem> problems) {
    ModelAndView page = new ModelAndView("portal/eoi");
    page.addObject("round", round);
    page.addObject("form", form);
    page.addObject("draft", null);
    page.addObject("version", 0);
    page.addObject("full", null);
    page.addObject("reference", null);
    page.addObject("boroughs", LondonBorough.values());
    page.addObject("agencyTypes", AgencyType.values());
    page.addObject("criteria", screen(round, form));
    page.addObject("criterionNames", criterionNames());
    page.addObject("saved", false);
    page.addObject("invited", false);
    page.addObject("checked", false);
    page.addObject("inviteEmail", "");
    page.addObject("owner", false);
    page.addObject("maySubmit", true);
    page.addObject("collaborators", List.of());
    page.addObject("edits", List.of());
    List<ErrorLink> links = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      String key = fieldKey(problem.field(), form);
      errors.merge(key, problem.message(), (a, b) -> a + "; " + b);
      links.add(new ErrorLink(anchor(key), label(key) + " " + problem.message()));
    }
    page.addObject("problems", links);
    page.addObject("errors", errors);
    return page;
  }

  /**
   * The criteria as the form stands. A form has no borough declines of its own: the bid's screening
   * after submission also counts any borough that declined (docs/portal.md).
   */
  List<CriterionResult> screen(Round round, EoiDraftForm form) {
    return eligibility
        .screen(
            form.toEoiForm(new ArrayList<>()).toBid(),
            round.shortlist(),
            List.of(),
            round.thresholds())
        .criteria();
  }

  /** The API's shape checks of a form, as problems rather than an exception. */
  List<FieldProblem> shapeProblems(BidForm form, Round round) {
    try {
      checks.check(form, round);
      return List.of();
    } catch (InvalidRequestException e) {
      return e.problems();
    }
  }

  static Map<String, String> criterionNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Criterion c : Criterion.values()) {
      names.put(c.name(), CriteriaInPlainWords.name(c));
    }
    return names;
  }

  /** A link of the error summary: the input's id, and the message with the field's name. */
  record ErrorLink(String anchor, String text) {}

  /**
   * The page's key for an API field: a checkbox group's entries are the group ({@code
   * deliveryBoroughs[1]} is {@code deliveryBoroughs}); a partner's index counts the rows the
   * applicant filled in, so it is turned back into the row on the page.
   */
  static String fieldKey(String field, EoiDraftForm form) {
    Matcher m = INDEXED.matcher(field);
    if (m.matches()) {
      if (m.group(1).equals("partners")) {
        int row = form.rowOfPartner(Integer.parseInt(m.group(2)));
        return "partners[" + row + "]." + (m.group(3) == null ? "name" : m.group(3));
      }
      if (m.group(1).equals("budget")) {
        return "budget[" + m.group(2) + "]." + (m.group(3) == null ? "amount" : m.group(3));
      }
      return m.group(1);
    }
    return switch (field) {
      case "partners" -> "partners[0].name";
      case "leadAgency" -> "leadAgency.name";
      case "budget" -> "budget[0].amount";
      default -> field;
    };
  }

  /** The id of the input a key's message links to. */
  static String anchor(String key) {
    return key.replace("[", "-").replace("].", "-").replace(".", "-").replace("]", "");
  }

  private static String label(String key) {
    Matcher m = INDEXED.matcher(key);
    if (m.matches() && m.group(1).equals("partners")) {
      return "Partner " + (Integer.parseInt(m.group(2)) + 1) + partnerPart(m.group(3));
    }
    if (m.matches() && m.group(1).equals("budget")) {
      return "Budget line "
          + (Integer.parseInt(m.group(2)) + 1)
          + ("financialYear".equals(m.group(3)) ? ": the year" : ": the amount");
    }
    return switch (key) {
      case "title" -> "Title";
      case "summary" -> "Summary";
      case "scope" -> "Scope";
      case "deliveryBoroughs" -> "Boroughs";
      case "outsideLondonLocation" -> "Location outside London";
      case "leadAgency.name" -> "Lead agency";
      case "leadAgency.type" -> "Lead agency's kind of organisation";
      case "leadAgency.contactName" -> "Contact name";
      case "leadAgency.contactEmail" -> "Contact email";
      case "leadAgency.boroughCode" -> "Lead agency's borough";
      case "priorityThemes" -> "Priorities";
      case "requestedAmount" -> "Amount requested";
      case "durationMonths" -> "Duration";
      case "leadershipStatement" -> "Leadership statement";
      case "outcomes" -> "Outcomes";
      case "deliveryPlan" -> "Delivery plan";
      case "risks" -> "Risks";
      case "inviteEmail" -> "Colleague's email";
      case "submit" -> "Submission:";
      default -> key;
    };
  }

  private static String partnerPart(String part) {
    return switch (part == null ? "name" : part) {
      case "type" -> "'s kind of organisation";
      case "boroughCode" -> "'s borough";
      case "coreSupporting" -> "'s core support";
      default -> "'s name";
    };
  }
}
