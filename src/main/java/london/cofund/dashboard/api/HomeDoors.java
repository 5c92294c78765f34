package london.cofund.dashboard.api;

import java.util.ArrayList;
import java.util.List;
import london.cofund.borough.LondonBorough;
import london.cofund.dashboard.DashboardService;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;

/**
 * Where each role's work is, for the home page: the doors a person would use, in the order they
 * would use them.
 *
 * @param label the link's words
 * @param href where it goes
 * @param why what the person does there
 */
record HomeDoors(String label, String href, String why) {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  static List<HomeDoors> of(CurrentUser user) {
    List<HomeDoors> doors = new ArrayList<>();
    boolean scrutinyOnly =
        user.groups().stream().allMatch(g -> g.startsWith("scrutiny-")) && !user.groups().isEmpty();
    if (user.isIn(Roles.APPLICANTS)) {
      doors.add(
          new HomeDoors(
              "Apply for funding", "/apply", "open rounds, your bids, drafts and decisions"));
    }
    if (!scrutinyOnly) {
      doors.add(
          new HomeDoors(
              "Tasklist",
              TASKLIST,
              user.isIn(Roles.APPLICANTS)
                  ? "revise an EOI, submit a full proposal"
                  : "sign-offs, feedback, assessments and decisions waiting on you"));
    }
    if (DashboardService.mayOpen(user)) {
      doors.add(
          new HomeDoors(
              "Dashboard", "/dashboard", "the rounds, the funnel, the money and what is late"));
    }
    for (String code : user.boroughCodes()) {
      String name = LondonBorough.byCode(code).map(LondonBorough::displayName).orElse(code);
      doors.add(
          new HomeDoors(
              name + "'s page",
              "/boroughs/" + code,
              "allocations, services at risk, bids and funded projects"));
    }
    user.groups().stream()
        .filter(g -> g.startsWith("scrutiny-"))
        .map(g -> g.substring("scrutiny-".length()))
        .forEach(
            code ->
                doors.add(
                    new HomeDoors(
                        LondonBorough.byCode(code).map(LondonBorough::displayName).orElse(code)
                            + "'s committee updates",
                        "/boroughs/" + code + "/committee-updates",
                        "where each round stands for the borough, as HTML or PDF")));
    if (user.isInAny(Roles.MOPAC, Roles.ADMIN)) {
      doors.add(
          new HomeDoors(
              "Cockpit",
              "/camunda/app/cockpit/default/",
              "process instances, incidents and retries"));
      doors.add(new HomeDoors("Funds", "/funds", "each fund's years, split and what is left"));
      doors.add(new HomeDoors("Mailbox", "/mailbox", "what CoFund sent, and what failed"));
    }
    if (user.isIn(Roles.ADMIN)) {
      doors.add(new HomeDoors("Admin", "/camunda/app/admin/default/", "users, groups, grants"));
    }
    return doors;
  }
}
