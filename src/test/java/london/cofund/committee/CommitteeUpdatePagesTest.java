package london.cofund.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.identity.CurrentUser;
import london.cofund.system.ForbiddenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code /boroughs/{gssCode}/committee-updates}: a borough's updates as printable pages and as PDF,
 * signed in through the webapps, for the fund's roles, the borough's officers and its scrutiny
 * committee only. These pages need {@code /boroughs/**} in the session page chain
 * (identity/SecurityConfiguration, HttpPaths.SESSION_PAGES).
 */
@CoFundSpringTest
class CommitteeUpdatePagesTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CommitteeUpdateService updates;

  HttpApi http;
  CommitteeRounds.Scenario round;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
    round = new CommitteeRounds(context).published("CU-PG");
  }

  @AfterEach
  void cleanUp() {
    new CommitteeRounds(context).cleanUp(round == null ? null : round.roundId());
  }

  private String page() {
    return "/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates/" + round.roundId();
  }

  @Test
  void westminstersOfficersAndMopacReadThePrintablePage() {
    for (String user : new String[] {"westminster", "mopac"}) {
      HttpResponse<String> page = WebappLogin.tasklist(http, user).get(page());

      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body())
          .as(user)
          .contains(
              "govuk-frontend.min.css",
              "Committee update for Westminster",
              round.name(),
              round.bid(),
              "Women &amp; girls",
              "£473,766",
              "The gap before and after co-commissioning",
              "Questions the committee may want to ask",
              "media=\"print\" href=\"/pages/print.css\"",
              "href=\"" + page() + ".pdf\"");
    }
  }

  @Test
  void anotherBoroughsOfficerAndAnApplicantAreRefused() {
    for (String user : new String[] {"camden", "applicant1"}) {
      WebappLogin login = WebappLogin.tasklist(http, user);
      assertThat(login.get(page()).statusCode()).as(user).isEqualTo(403);
      assertThat(login.get(page() + ".pdf").statusCode()).as(user + ", PDF").isEqualTo(403);
      assertThat(login.get("/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates").statusCode())
          .as(user + ", list")
          .isEqualTo(403);
    }
  }

  @Test
  void thePdfIsServedAsAFileNamedForTheRoundAndTheBorough() throws Exception {
    WebappLogin westminster = WebappLogin.tasklist(http, "westminster");
    HttpResponse<byte[]> pdf = westminster.getBytes(page() + ".pdf");

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"committee-update-" + round.roundId() + "-Westminster.pdf\"");
    assertThat(CommitteeUpdatePdfTest.text(pdf.body()))
        .contains(round.name(), "Committee update for Westminster", "£473,766");
  }

  @Test
  void theListLinksEachRoundsUpdateAndItsPdf() {
    HttpResponse<String> list =
        WebappLogin.tasklist(http, "westminster")
            .get("/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("Committee updates", round.name(), "href=\"" + page() + "\"", page() + ".pdf");
  }

  @Test
  void pagesTakeTheWebappsSessionNeverBasic() {
    HttpApi.Response anonymous = http.get(page(), null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
    assertThat(http.get(page(), "mopac").status()).as("Basic is not a way in").isEqualTo(302);
  }

  @Test
  void anUnknownBoroughOrRoundIsNotFound() {
    WebappLogin mopac = WebappLogin.tasklist(http, "mopac");
    assertThat(mopac.get("/boroughs/E09000001/committee-updates/" + round.roundId()).statusCode())
        .as("the City of London is outside the fund")
        .isEqualTo(404);
    assertThat(
            mopac
                .get("/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates/no-such-round")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBoroughsScrutinyCommitteeReadsItsOwnUpdatesOnly() {
    CurrentUser scrutiny = new CurrentUser("westminster-scrutiny", Set.of("scrutiny-E09000033"));

    assertThat(updates.build(round.roundId(), Fixtures.WESTMINSTER, scrutiny).boroughName())
        .isEqualTo("Westminster");
    assertThatThrownBy(() -> updates.build(round.roundId(), Fixtures.CAMDEN, scrutiny))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("Camden's officers and its scrutiny committee");
  }
}
