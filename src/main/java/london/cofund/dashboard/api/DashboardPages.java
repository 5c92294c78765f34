package london.cofund.dashboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import london.cofund.borough.LondonBorough;
import london.cofund.dashboard.Dashboard;
import london.cofund.dashboard.DashboardService;
import london.cofund.identity.CurrentUser;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.InvalidRequestException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CoFund's home page ({@code /}, open to everyone) and the dashboard ({@code /dashboard}, signed in
 * through the webapps' login), with the figures of {@code GET /api/dashboard}.
 */
@Controller
class DashboardPages {

  private final DashboardService dashboard;
  private final RoundService rounds;
  private final ObjectMapper json;

  DashboardPages(DashboardService dashboard, RoundService rounds, ObjectMapper json) {
    this.dashboard = dashboard;
    this.rounds = rounds;
    this.json = json;
  }

  /** The home page: open to all; a signed-in person sees where their work is and what is due. */
  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      CurrentUser user = CurrentUser.of(authentication);
      model.addAttribute("user", user);
      model.addAttribute("doors", HomeDoors.of(user));
      List<Dashboard.DueTask> due = dashboard.dueFor(user);
      model.addAttribute("due", due);
      model.addAttribute("late", due.stream().filter(Dashboard.DueTask::late).count());
    }
    return "home";
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard(
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) String borough,
      Model model,
      Authentication authentication)
      throws JsonProcessingException {
    CurrentUser user = CurrentUser.of(authentication);
    Dashboard figures;
    try {
      figures = dashboard.build(user, priority, borough);
    } catch (InvalidRequestException e) {
      // A filter typed into the address: show the error and the unfiltered dashboard.
      model.addAttribute("problems", e.problems());
      figures = dashboard.build(user, null, null);
    }
    model.addAttribute("d", figures);
    model.addAttribute("user", user);
    model.addAttribute("priorities", priorities());
    model.addAttribute(
        "boroughs",
        List.of(LondonBorough.values()).stream()
            .map(b -> Map.of("code", b.code(), "name", b.displayName()))
            .toList());
    model.addAttribute("roundNames", roundNames(figures));
    model.addAttribute("moneyJson", json.writeValueAsString(figures.money()));
    return "dashboard/dashboard";
  }

  private Map<String, String> priorities() {
    Map<String, String> codes = new TreeMap<>();
    for (Round round : rounds.all()) {
      round.priorityLongList().forEach(p -> codes.putIfAbsent(p.code(), p.title()));
    }
    return codes;
  }

  private static Map<String, String> roundNames(Dashboard d) {
    Map<String, String> names = new TreeMap<>();
    d.rounds().forEach(r -> names.put(r.roundId(), r.name()));
    return names;
  }
}
