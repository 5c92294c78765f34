package london.cofund.grant.api;

import london.cofund.borough.LondonBorough;
import london.cofund.grant.GrantSpending;
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

  private final GrantSpending spending;

  GrantPages(GrantSpending spending) {
    this.spending = spending;
  }

  @GetMapping({"/grants", "/grants/"})
  String list(
      @RequestParam(required = false) String borough, Model model, Authentication authentication) {
    LondonBorough chosen =
        borough == null || borough.isBlank()
            ? null
            : LondonBorough.byCode(borough)
                .orElseThrow(() -> new NotFoundException("No London borough '" + borough + "'."));
    String code = chosen == null ? null : chosen.code();
    GrantSpending.SpendAgainstBudget spend =
        spending.spendAgainstBudget(CurrentUser.of(authentication), null, code);
    model.addAttribute("grants", spend.grants());
    model.addAttribute("totals", spend.byYear());
    model.addAttribute("boroughs", LondonBorough.values());
    model.addAttribute("borough", chosen);
    return "grants/list";
  }
}
