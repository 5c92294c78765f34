package london.cofund.dashboard.api;

import london.cofund.dashboard.Dashboard;
import london.cofund.dashboard.DashboardService;
import london.cofund.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard}: the dashboard's figures for scripts, with HTTP Basic; the same as the
 * page {@code /dashboard} shows the same user. {@code priority} and {@code borough} filter the
 * funnel.
 */
@RestController
class DashboardController {

  private final DashboardService dashboard;

  DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  Dashboard dashboard(
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) String borough,
      Authentication authentication) {
    return dashboard.build(CurrentUser.of(authentication), priority, borough);
  }
}
