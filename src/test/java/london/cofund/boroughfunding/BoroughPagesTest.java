package london.cofund.boroughfunding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.borough.LondonBorough;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code /boroughs/{gssCode}}: a borough's page, signed in through the webapps. Its officers, its
 * scrutiny committee and the fund's roles see it in full; anyone else signed in sees the public
 * parts (the allocation and the funded projects). A scrutiny committee reaches its own borough and
 * nothing else. Unknown codes are a GOV.UK 404 page; HTTP Basic opens no page.
 *
 * <p>The Spring tests share one database, so the counts asserted here are of this test's own data:
 * bids and a service at risk in Sutton, Merton and Kingston, where no other test delivers.
 */
@CoFundSpringTest
class BoroughPagesTest {

  static final String WESTMINSTER = "E09000033";
  static final String CAMDEN = "E09000007";
  static final String SUTTON = "E09000029";
  static final String MERTON = "E09000024";
  static final String KINGSTON = "E09000021";
  static final String LONDON = "E12000007";

  static final String SERVICES_HEADING = ">Services at risk</h2>";
  static final String GAP_HEADING = ">Funding gap by year</h2>";
  static final String PUBLIC_NOTE = "You see the public parts of this page";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ServicesAtRiskService services;
  @Autowired RoundService rounds;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theBoroughsOfficersItsScrutinyCommitteeAndTheFundsRolesSeeThePageInFull() {
    for (String user :
        List.of("westminster", "westminster-scrutiny", "mopac", "wg", "leaders", "admin")) {
      HttpResponse<String> page = WebappLogin.tasklist(http, user).get("/boroughs/" + WESTMINSTER);
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body())
          .as(user)
          .contains("govuk-frontend.min.css")
          .contains("<h1 class=\"govuk-heading-l\">Westminster</h1>")
          .contains("From <span>2017/18</span> to")
          .contains("<strong>\u221256%</strong>")
          .contains("\u2212£597,240")
          .contains("£473,766")
          .contains(SERVICES_HEADING)
          .contains(GAP_HEADING)
          .contains(">Bids delivered in <span>Westminster</span></h2>")
          .contains("How the money is apportioned.")
          .contains("divided by its number of delivery boroughs, or by 32 for a pan-London project")
          .doesNotContain(PUBLIC_NOTE);
    }
  }

  @Test
  void anyoneElseSignedInSeesThePublicPartsAndIsToldTheRestIsForTheBoroughsOfficers() {
    for (String user : List.of("camden", "applicant1", "assessor1")) {
      HttpResponse<String> page = WebappLogin.tasklist(http, user).get("/boroughs/" + WESTMINSTER);
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body())
          .as(user)
          .contains("<strong>\u221256%</strong>")
          .contains("£1,071,006")
          .contains("£473,766")
          .contains(PUBLIC_NOTE)
          .contains("<span>Westminster</span>'s officers, its scrutiny committee and the fund")
          .contains(">Funded projects in <span>Westminster</span></h2>")
          .contains("How the money is apportioned.")
          .doesNotContain(SERVICES_HEADING)
          .doesNotContain(GAP_HEADING)
          .doesNotContain("Bids delivered in")
          .doesNotContain("id=\"bids\"");
    }
  }

  @Test
  void theFullPageListsTheBoroughsBidsAndServicesAndThePublicPartsItsFundedProjects() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("BP"), Fixtures.NOW));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    List<String> southWest = List.of(SUTTON, MERTON, KINGSTON);
    // £1,200,000 as £400,000 a year over three years: £133,333 a year in each of the three.
    String funded =
        fund.toAssessment(
            roundId,
            Fixtures.eoi(
                "South-west women's centres " + roundId,
                FundDriver.CONTACT,
                southWest,
                1_200_000L,
                List.of("FEMALE_OFFENDING")),
            "applicant1");
    String waiting =
        fund.submit(
            roundId,
            Fixtures.ledBy(
                Fixtures.eoi(
                    "South-west mentoring " + roundId,
                    FundDriver.CONTACT,
                    southWest,
                    600_000L,
                    List.of("FEMALE_OFFENDING")),
                "Catch22",
                FundDriver.CONTACT),
            "applicant2");
    String elsewhere =
        fund.submit(
            roundId,
            Fixtures.eoi(
                "North London only " + roundId,
                FundDriver.CONTACT,
                List.of(CAMDEN, Fixtures.ISLINGTON, "E09000012"),
                600_000L,
                List.of("FEMALE_OFFENDING")),
            "applicant1");
    String service = "Sutton women's outreach " + roundId;
    services.record(
        SUTTON,
        new ServiceAtRiskRequest(service, "FEMALE_OFFENDING", 250_000L, List.of("2026/27"), null),
        new CurrentUser("sutton-officer", Set.of(Roles.boroughGroup(SUTTON))));

    fund.assess(funded, "assessor1", 4, 4, 4, 4, 4);
    fund.assess(funded, "assessor2", 4, 4, 4, 4, 4);
    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        funded,
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        "");
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        FundingRoundProcess.VAR_AWARDS_APPROVED,
        true);
    fund.recordDecisionOfRecord(roundId, "PCD 310");
    // The grant agreement is signed and the services start, so that no task of this round stays
    // open for the other tests' reminder sweeps.
    fund.complete(
        fund.task(funded, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT),
        ProposalProcess.VAR_GRANT_AGREEMENT_SIGNED,
        true,
        ProposalProcess.VAR_AGREEMENT_DATE,
        "2026-09-15");
    fund.moveTo(rounds.get(roundId).dates().serviceStartDate().toInstant().plusSeconds(60));

    String full = WebappLogin.tasklist(http, "mopac").get("/boroughs/" + SUTTON).body();
    String roundName = "Tranche 1 " + roundId;
    // The second bid was never signed off by the boroughs, and lapsed at the full proposal
    // deadline.
    assertThat(bidRows(full, roundName))
        .as("the two bids of this round delivered in Sutton, by reference")
        .containsExactly(
            funded
                + "|"
                + roundName
                + "|South-west women&#39;s centres "
                + roundId
                + "|Advance|Service started",
            waiting + "|" + roundName + "|South-west mentoring " + roundId + "|Catch22|Lapsed");
    assertThat(full).doesNotContain(elsewhere);
    assertThat(full)
        .contains("Sutton women&#39;s outreach " + roundId)
        .contains("£250,000")
        .contains(GAP_HEADING)
        .contains("South-west women&#39;s centres " + roundId)
        .contains("£133,333");

    String open = WebappLogin.tasklist(http, "camden").get("/boroughs/" + SUTTON).body();
    assertThat(open)
        .as("another borough's officer: the funded project and its money, nothing else")
        .contains(PUBLIC_NOTE)
        .contains("South-west women&#39;s centres " + roundId)
        .contains("£400,000")
        .contains("3 boroughs")
        .contains("£133,333")
        .doesNotContain(service.replace("'", "&#39;"))
        .doesNotContain("South-west mentoring")
        .doesNotContain(waiting)
        .doesNotContain(GAP_HEADING);
  }

  @Test
  void aScrutinyCommitteeReadsItsOwnBoroughAndNothingElse() {
    WebappLogin scrutiny = WebappLogin.tasklist(http, "westminster-scrutiny");
    assertThat(scrutiny.status()).as("signs in through Tasklist's login").isEqualTo(200);
    assertThat(scrutiny.get("/boroughs/" + WESTMINSTER).statusCode()).isEqualTo(200);

    HttpResponse<String> camden = html(scrutiny, "/boroughs/" + CAMDEN);
    assertThat(camden.statusCode()).isEqualTo(403);
    assertThat(camden.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(camden.body())
        .as("a GOV.UK page, and not even Camden's public parts")
        .contains("govuk-frontend.min.css")
        .contains("You cannot see this page")
        .doesNotContain("Camden")
        .doesNotContain("£");
    for (String refused :
        List.of(
            "/boroughs",
            "/boroughs/" + LONDON,
            "/boroughs/" + CAMDEN + "/committee-updates",
            "/funds",
            "/funds/LCPF-2017",
            "/mailbox",
            "/tasks/open?processInstanceId=x",
            "/swagger-ui.html")) {
      assertThat(scrutiny.get(refused).statusCode()).as(refused).isEqualTo(403);
    }
    assertThat(scrutiny.get("/v3/api-docs").statusCode()).isEqualTo(403);
    assertThat(scrutiny.get("/boroughs/" + WESTMINSTER + "/committee-updates").statusCode())
        .as("its own committee updates are let through (to whatever serves them)")
        .isNotIn(401, 403);
    assertThat(scrutiny.get("/boroughs/" + WESTMINSTER + "/committee-updates/x/y").statusCode())
        .isNotIn(401, 403);

    assertThat(http.get("/api/boroughs/" + WESTMINSTER, "westminster-scrutiny").status())
        .isEqualTo(200);
    for (String refused :
        List.of(
            "/api/boroughs/" + CAMDEN,
            "/api/boroughs/" + LONDON,
            "/api/rounds",
            "/api/proposals/ANY-001",
            "/api/funds",
            "/api/funds/LCPF-2017")) {
      assertThat(http.get(refused, "westminster-scrutiny").status()).as(refused).isEqualTo(403);
    }
    assertThat(
            http.post(
                    "/api/boroughs/" + WESTMINSTER + "/services-at-risk",
                    "westminster-scrutiny",
                    java.util.Map.of())
                .status())
        .isEqualTo(403);
  }

  @Test
  void aBoroughsCommitteeUpdatesAreForItsOfficersItsScrutinyCommitteeAndTheFundsRolesOnly() {
    String updates = "/boroughs/" + WESTMINSTER + "/committee-updates";
    for (String user : List.of("westminster", "westminster-scrutiny", "mopac", "wg", "leaders")) {
      assertThat(WebappLogin.tasklist(http, user).get(updates).statusCode())
          .as(user)
          .isNotIn(401, 403);
    }
    for (String user : List.of("camden", "applicant1", "assessor1")) {
      HttpResponse<String> refused = html(WebappLogin.tasklist(http, user), updates + "/latest");
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).contains("You cannot see this page");
    }
  }

  @Test
  void anUnknownCodeIsAGovukNotFoundPageAndLondonShowsTheTotals() {
    WebappLogin mopac = WebappLogin.tasklist(http, "mopac");
    for (String code : List.of("E09000099", LondonBorough.CITY_OF_LONDON, "westminster")) {
      HttpResponse<String> missing = mopac.get("/boroughs/" + code);
      assertThat(missing.statusCode()).as(code).isEqualTo(404);
      assertThat(missing.body())
          .as(code)
          .contains("govuk-frontend.min.css")
          .contains("Page not found")
          .contains("E09000002 to E09000033")
          .doesNotContain("Whitelabel");
    }

    HttpResponse<String> london = mopac.get("/boroughs/" + LONDON);
    assertThat(london.statusCode()).isEqualTo(200);
    assertThat(london.body())
        .contains("<h1 class=\"govuk-heading-l\">London</h1>")
        .contains("£12,725,764")
        .contains("<strong>\u221235%</strong>")
        .contains(">Bids by status</h2>")
        .contains("London receives each funded project&#39;s whole annual cost");
    assertThat(WebappLogin.tasklist(http, "westminster").get("/boroughs/" + LONDON).body())
        .as("every borough's officers compare themselves with London")
        .contains(GAP_HEADING);
    assertThat(WebappLogin.tasklist(http, "applicant1").get("/boroughs/" + LONDON).body())
        .contains(PUBLIC_NOTE)
        .contains("£12,725,764")
        .doesNotContain(GAP_HEADING);
  }

  @Test
  void theListLinksLondonAndThe32Boroughs() {
    String list = WebappLogin.tasklist(http, "westminster").get("/boroughs").body();
    assertThat(list.split("href=\"/boroughs/E", -1)).hasSize(34);
    assertThat(list)
        .contains("href=\"/boroughs/E12000007\"")
        .contains("href=\"/boroughs/E09000002\"")
        .contains("href=\"/boroughs/E09000033\"")
        .doesNotContain("E09000001")
        .contains("Your borough");
    assertThat(WebappLogin.tasklist(http, "camden").get("/funds").body())
        .as("every page's menu leads to the boroughs")
        .contains("href=\"/boroughs\">Boroughs</a>");
  }

  @Test
  void pagesTakeTheWebappsSessionNeverBasic() {
    for (String page : List.of("/boroughs", "/boroughs/" + WESTMINSTER)) {
      HttpApi.Response anonymous = http.get(page, null);
      assertThat(anonymous.status()).as(page).isEqualTo(302);
      assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
      HttpApi.Response basic = http.get(page, "mopac");
      assertThat(basic.status()).as(page + ": Basic is not a way in").isEqualTo(302);
    }
  }

  /** A page as a browser asks for it: error pages are HTML only for those who accept it. */
  private HttpResponse<String> html(WebappLogin user, String path) {
    return user.send(
        HttpRequest.newBuilder(URI.create(http.url(path))).header("Accept", "text/html").GET());
  }

  /** The rows of the bids table whose round is the one named, cells joined by "|". */
  private static List<String> bidRows(String page, String roundName) {
    int table = page.indexOf("id=\"bids\"");
    assertThat(table).as("the bids table").isPositive();
    String body = page.substring(table, page.indexOf("</table>", table));
    return java.util.Arrays.stream(body.split("<tr class=\"govuk-table__row\">"))
        .skip(2)
        .map(
            row ->
                java.util.Arrays.stream(row.split("\n"))
                    .map(String::strip)
                    .filter(cell -> cell.startsWith("<th scope=\"row\"") || cell.startsWith("<td"))
                    .map(cell -> cell.replaceAll("<[^>]+>", ""))
                    .reduce((a, b) -> a + "|" + b)
                    .orElse(""))
        .filter(row -> row.contains("|" + roundName + "|"))
        .toList();
  }
}
