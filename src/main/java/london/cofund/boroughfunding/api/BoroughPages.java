package london.cofund.boroughfunding.api;

import java.util.List;
import london.cofund.boroughfunding.Area;
import london.cofund.boroughfunding.BoroughFunding.YearAllocation;
import london.cofund.boroughfunding.BoroughFundingService;
import london.cofund.boroughfunding.BoroughPage;
import london.cofund.identity.CurrentUser;
import london.cofund.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The borough pages, for people signed in to the webapps: {@code /boroughs} lists London and the 32
 * boroughs; {@code /boroughs/{gssCode}} shows one. The fund's roles, the borough's officers and its
 * scrutiny committee see it in full: the allocation and its change, the services at risk, the gap
 * before and after co-commissioned delivery, the bids delivered there and the funded projects'
 * money. Anyone else signed in sees the public parts, the allocation and the funded projects (see
 * {@link BoroughFundingService#page}). Who may open which page is decided at the door ({@code
 * identity.BoroughAccess}); the figures are those of {@code GET /api/boroughs/{gssCode}}.
 */
@Controller
class BoroughPages {

  static final String BOROUGHS = "/boroughs";

  private final BoroughFundingService boroughs;

  BoroughPages(BoroughFundingService boroughs) {
    this.boroughs = boroughs;
  }

  @GetMapping({BOROUGHS, BOROUGHS + "/"})
  String list(Model model, Authentication authentication) {
    model.addAttribute("areas", Area.all());
    model.addAttribute("own", CurrentUser.of(authentication).boroughCodes());
    return "boroughs/list";
  }

  @GetMapping(BOROUGHS + "/{gssCode}")
  String borough(@PathVariable String gssCode, Model model, Authentication authentication) {
    BoroughPage page = boroughs.page(gssCode, CurrentUser.of(authentication));
    model.addAttribute("page", page);
    model.addAttribute("show", BoroughFormats.INSTANCE);
    model.addAttribute("latest", latestChange(page.funding().allocations()));
    return "boroughs/borough";
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound() {
    return BoroughErrorPages.page(HttpStatus.NOT_FOUND);
  }

  /** The last year whose change from the year before is known: the headline of the page. */
  private static YearAllocation latestChange(List<YearAllocation> allocations) {
    YearAllocation latest = null;
    for (YearAllocation allocation : allocations) {
      if (allocation.changePercent() != null) {
        latest = allocation;
      }
    }
    return latest;
  }
}
