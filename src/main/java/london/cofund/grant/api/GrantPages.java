package london.cofund.grant.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.borough.LondonBorough;
import london.cofund.grant.GrantService;
import london.cofund.grant.Pence;
import london.cofund.grant.process.GrantSteps;
import london.cofund.identity.CurrentUser;
import london.cofund.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fund's grants as a page ({@code /grants}): spend against budget per project and per year, for
 * the grants the signed-in user may see, optionally those delivered in one borough. The same
 * figures, by the same rule of who sees what, as {@code GET /api/grants}.
 */
@Controller
class GrantPages {

  private final GrantSteps steps;

  GrantPages(GrantSteps steps) {
    this.steps = steps;
  }

  /** One financial year's figures over the listed grants. */
  record YearTotal(String financialYear, long budgetPence, long spentPence, long paidPence) {}

  @GetMapping({"/grants", "/grants/"})
  String list(
      @RequestParam(required = false) String borough, Model model, Authentication authentication) {
    LondonBorough chosen =
        borough == null || borough.isBlank()
            ? null
            : LondonBorough.byCode(borough)
                .orElseThrow(() -> new NotFoundException("No London borough '" + borough + "'."));
    String code = chosen == null ? null : chosen.code();
    List<GrantSteps.GrantSummary> grants =
        steps.visible(CurrentUser.of(authentication), null, code);
    Map<String, long[]> byYear = new LinkedHashMap<>();
    for (GrantSteps.GrantSummary grant : grants) {
      for (GrantService.YearFigures year : grant.years()) {
        long[] sums = byYear.computeIfAbsent(year.financialYear(), y -> new long[3]);
        sums[0] += year.budgetPence();
        sums[1] += year.spentPence();
        sums[2] += year.paidPence();
      }
    }
    List<YearTotal> totals = new ArrayList<>();
    byYear.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                totals.add(
                    new YearTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])));
    model.addAttribute("grants", grants);
    model.addAttribute("totals", totals);
    model.addAttribute("boroughs", LondonBorough.values());
    model.addAttribute("borough", chosen);
    model.addAttribute("pence", new PenceFormat());
    return "grants/list";
  }

  /** {@code pence.format(…)} in the template: £1,234.56. */
  static final class PenceFormat {
    public String format(long pence) {
      return Pence.format(pence);
    }
  }
}
