package london.cofund.fund.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.fund.Fund;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundRequest;
import london.cofund.fund.FundRequest.YearItem;
import london.cofund.fund.FundService;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.system.FieldProblem;
import london.cofund.system.ForbiddenException;
import london.cofund.system.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fund's pages ({@code /funds}): everyone signed in to the webapps sees the funds; MOPAC
 * changes a fund's years, split and target here, with a reason, under the same rules as {@code PUT
 * /api/funds/{fundId}}. A refused change shows the GOV.UK error summary and keeps what was typed.
 */
@Controller
class FundPages {

  private final FundService funds;

  FundPages(FundService funds) {
    this.funds = funds;
  }

  @GetMapping({"/funds", "/funds/"})
  String list(Model model) {
    model.addAttribute("funds", funds.all().stream().map(f -> funds.position(f.fundId())).toList());
    return "funds/list";
  }

  @GetMapping("/funds/{fundId}")
  String fund(
      @PathVariable String fundId,
      @RequestParam(required = false) String saved,
      Model model,
      Authentication authentication) {
    FundPosition position = funds.position(fundId);
    model.addAttribute("form", Form.of(position.fund()));
    model.addAttribute("saved", saved != null);
    return page(position, List.of(), model, authentication);
  }

  @PostMapping("/funds/{fundId}")
  String change(
      @PathVariable String fundId,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC changes funds.");
    }
    Form form = Form.of(params);
    List<FieldProblem> problems = new ArrayList<>();
    FundRequest request = form.toRequest(fundId, problems);
    if (problems.isEmpty()) {
      try {
        funds.update(fundId, request, user.id());
        return "redirect:/funds/" + fundId + "?saved";
      } catch (InvalidRequestException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("form", form);
    model.addAttribute("saved", false);
    return page(funds.position(fundId), problems, model, authentication);
  }

  private String page(
      FundPosition position, List<FieldProblem> problems, Model model, Authentication auth) {
    model.addAttribute("position", position);
    model.addAttribute("changes", funds.changes(position.fund().fundId()));
    model.addAttribute("mayChange", CurrentUser.of(auth).isIn(Roles.MOPAC));
    Form form = (Form) model.getAttribute("form");
    model.addAttribute("problems", problems.stream().map(p -> Shown.of(p, form)).toList());
    Map<String, String> byField = new LinkedHashMap<>();
    problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
    model.addAttribute("errors", byField);
    return "funds/fund";
  }

  /**
   * A refusal as the error summary shows it: the field's words (2018/19's total), what is wrong,
   * and the id of the input it links to.
   */
  record Shown(String anchor, String text) {

    private static final java.util.regex.Pattern YEAR_FIELD =
        java.util.regex.Pattern.compile("years\\[(\\d+)]\\.(\\w+)");

    static Shown of(FieldProblem problem, Form form) {
      String field = problem.field();
      java.util.regex.Matcher year = YEAR_FIELD.matcher(field);
      if (year.matches()) {
        int index = Integer.parseInt(year.group(1));
        String label =
            (index < form.years().size() ? form.years().get(index).financialYear() : "The year")
                + (year.group(2).equals("total") ? " total" : " co-commissioning share");
        return new Shown("years-" + index + "-" + year.group(2), label + " " + problem.message());
      }
      String label =
          switch (field) {
            case "name" -> "The name";
            case "reason" -> "The reason";
            case "minProjects" -> "The fewest projects";
            case "maxProjects" -> "The most projects";
            default -> "The years";
          };
      return new Shown(
          field.equals("years") || field.equals("fundId") ? "name" : field,
          label + " " + problem.message());
    }
  }

  /** The form as typed: text, so that nothing typed is lost when it is refused. */
  record Form(
      String name, String minProjects, String maxProjects, String reason, List<YearRow> years) {

    record YearRow(String financialYear, String total, String coCommissioningPercent) {}

    static Form of(Fund fund) {
      return new Form(
          fund.name(),
          String.valueOf(fund.minProjects()),
          String.valueOf(fund.maxProjects()),
          "",
          fund.years().stream()
              .map(
                  y ->
                      new YearRow(
                          y.financialYear(),
                          String.valueOf(y.total()),
                          String.valueOf(y.coCommissioningPercent())))
              .toList());
    }

    static Form of(MultiValueMap<String, String> params) {
      List<String> years = params.getOrDefault("financialYear", List.of());
      List<String> totals = params.getOrDefault("total", List.of());
      List<String> percents = params.getOrDefault("coCommissioningPercent", List.of());
      List<YearRow> rows = new ArrayList<>();
      for (int i = 0; i < years.size(); i++) {
        rows.add(
            new YearRow(
                years.get(i),
                i < totals.size() ? totals.get(i) : "",
                i < percents.size() ? percents.get(i) : ""));
      }
      return new Form(
          params.getFirst("name"),
          params.getFirst("minProjects"),
          params.getFirst("maxProjects"),
          params.getFirst("reason"),
          rows);
    }

    /** The request the API would take; a number that is not one is named in {@code problems}. */
    FundRequest toRequest(String fundId, List<FieldProblem> problems) {
      List<YearItem> items = new ArrayList<>();
      for (int i = 0; i < years.size(); i++) {
        YearRow row = years.get(i);
        items.add(
            new YearItem(
                row.financialYear(),
                whole(row.total(), "years[" + i + "].total", problems),
                small(
                    whole(
                        row.coCommissioningPercent(),
                        "years[" + i + "].coCommissioningPercent",
                        problems))));
      }
      return new FundRequest(
          fundId,
          name,
          items,
          small(whole(minProjects, "minProjects", problems)),
          small(whole(maxProjects, "maxProjects", problems)),
          reason);
    }

    /** An int for a field whose limits are far below int's; out-of-range values stay refused. */
    private static Integer small(Long value) {
      return value == null ? null : (int) Math.max(-1, Math.min(1_000_000, value));
    }

    private static Long whole(String text, String field, List<FieldProblem> problems) {
      String value = text == null ? "" : text.trim().replace(",", "").replace("£", "");
      if (value.isEmpty()) {
        problems.add(new FieldProblem(field, "must not be empty"));
        return null;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem(field, "must be a whole number, such as 18179663"));
        return null;
      }
    }
  }
}
