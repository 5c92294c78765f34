package london.cofund.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The applicant portal over HTTP, as a browser without JavaScript uses it: the open rounds, the EOI
 * form with its criteria, drafts kept on the server, submission through the API's rules, the
 * applicant's bids, and who may reach what.
 */
@CoFundSpringTest
class PortalPagesTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  HttpApi http;
  String roundId;

  @BeforeEach
  void openARound() {
    http = new HttpApi(port);
    FundDriver fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("PORTAL"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING", "CSE"));
  }

  @Test
  void openRoundsShowTheirProspectus() {
    HttpResponse<String> page = WebappLogin.tasklist(http, "applicant1").get("/apply");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("govuk-frontend.min.css")
        .contains("id=\"round-" + roundId + "\"")
        .contains("Tranche 1 " + roundId)
        .contains("Female offending")
        .contains("Child sexual exploitation")
        .contains("£10,000,000")
        .contains("A sub-regional project covers at least 3 boroughs")
        .contains("At least 3 different partner agencies")
        .contains("Market development sessions")
        .contains("/apply/rounds/" + roundId + "/eoi");
  }

  @Test
  void anApplicantChecksTheCriteriaSavesADraftComesBackAndSubmits() {
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    assertThat(applicant.get("/apply/rounds/" + roundId + "/eoi").body())
        .contains("value=\"applicant1@cofund.example.org\"");

    PortalForms form =
        PortalForms.eligible("Women's centres " + roundId)
            .boroughs(PortalForms.WESTMINSTER, PortalForms.CAMDEN);
    HttpResponse<String> checked =
        form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "check");
    assertThat(checked.body())
        .contains("id=\"criterion-BOROUGH_COVERAGE\" data-passed=\"false\"")
        .contains("covers 2 boroughs (Camden, Westminster)")
        .contains("id=\"criterion-PARTNERSHIP\" data-passed=\"true\"")
        .contains("value=\"Women&#39;s centres " + roundId + "\"");

    form.boroughs(PortalForms.WESTMINSTER, PortalForms.CAMDEN, PortalForms.ISLINGTON);
    HttpResponse<String> saved =
        form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "save");
    assertThat(saved.statusCode()).isEqualTo(302);
    String draftId = PortalForms.draftId(saved);

    HttpResponse<String> draft = applicant.get("/apply/drafts/" + draftId + "?saved");
    assertThat(draft.body())
        .contains("Your draft is saved")
        .contains("id=\"criterion-BOROUGH_COVERAGE\" data-passed=\"true\"")
        .contains("value=\"E09000019\" checked=\"checked\"")
        .contains("applicant1 created");
    assertThat(applicant.get("/apply/bids").body())
        .contains("/apply/drafts/" + draftId)
        .contains("Women&#39;s centres " + roundId);

    HttpResponse<String> submitted =
        form.set("version", String.valueOf(PortalForms.version(draft.body())))
            .post(applicant, http, "/apply/drafts/" + draftId, "submit");
    assertThat(submitted.statusCode()).isEqualTo(302);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/apply/bids/" + roundId + "-").endsWith("?submitted");
    String reference = location.replaceAll(".*/apply/bids/([^?]+).*", "$1");

    // The API sees the same bid, screened by the same rules, as applicant1's.
    var api = http.get("/api/proposals/" + reference, "applicant1");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.json().get("status").asText()).isEqualTo("AWAITING_BOROUGH_SIGN_OFF");

    HttpResponse<String> bid = applicant.get("/apply/bids/" + reference + "?submitted");
    assertThat(bid.body())
        .contains("is submitted as " + reference)
        .contains("Awaiting borough sign off")
        .contains("Next: ")
        .contains("id=\"criterion-BOROUGH_COVERAGE\"")
        .contains("covers 3 boroughs");
    assertThat(applicant.get("/apply/bids").body()).contains("/apply/bids/" + reference);
    // The submitted draft is not edited again: it leads to the bid.
    assertThat(applicant.get("/apply/drafts/" + draftId).statusCode()).isEqualTo(302);
  }

  @Test
  void aBadFieldGivesTheErrorSummaryAndKeepsEverythingTyped() {
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    PortalForms form =
        PortalForms.eligible("Kept <b>title</b> " + roundId)
            .set("requestedAmount", "lots")
            .set("leadAgency.contactEmail", "not-an-email")
            .set("title", "Kept <b>title</b> " + roundId);
    form.set("partners[1].type", "");
    HttpResponse<String> refused =
        form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "submit");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#requestedAmount\"")
        .contains("Amount requested must be a whole number of pounds")
        .contains("href=\"#leadAgency-contactEmail\"")
        .contains("href=\"#partners-1-type\"")
        .contains("value=\"lots\"")
        .contains("value=\"not-an-email\"")
        .contains("value=\"Kept &lt;b&gt;title&lt;/b&gt; " + roundId + "\"")
        .contains("Women&#39;s centres across three boroughs")
        .contains("value=\"E09000019\" checked=\"checked\"");
    // The refused submission kept a draft: nothing typed is lost on the way back either.
    assertThat(applicant.get("/apply/bids").body())
        .contains("Kept &lt;b&gt;title&lt;/b&gt; " + roundId);
  }

  @Test
  void partnerRowsAreAddedAndRemovedWithoutJavaScript() {
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    PortalForms form = PortalForms.eligible("Rows " + roundId);
    HttpResponse<String> added =
        form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "add-partner");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("id=\"partners-3-name\"").contains("Partner 4");

    HttpResponse<String> removed =
        form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "remove-partner-0");
    assertThat(removed.body())
        .doesNotContain("Westminster City Council")
        .contains("value=\"Camden Council\"")
        .doesNotContain("id=\"partners-2-name\"")
        .contains("id=\"criterion-LA_CORE_PARTNERS\" data-passed=\"false\"");
  }

  @Test
  void theCriteriaEndpointScreensTheFormAsItStands() {
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    String body =
        PortalForms.eligible("Live " + roundId)
            .boroughs(PortalForms.WESTMINSTER, PortalForms.CAMDEN)
            .encoded("check");
    HttpResponse<String> json =
        PortalForms.postBody(applicant, http, "/apply/rounds/" + roundId + "/criteria", body);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body())
        .contains("{\"code\":\"BOROUGH_COVERAGE\",\"passed\":false")
        .contains("{\"code\":\"LONDON\",\"passed\":true");
  }

  @Test
  void anotherApplicantCannotReadOrEditSomeoneElsesDraftOrBid() {
    WebappLogin owner = WebappLogin.tasklist(http, "applicant1");
    PortalForms form = PortalForms.eligible("Private " + roundId);
    String draftId =
        PortalForms.draftId(form.post(owner, http, "/apply/rounds/" + roundId + "/eoi", "save"));
    WebappLogin other = WebappLogin.tasklist(http, "applicant2");
    HttpResponse<String> notTheirs = other.get("/apply/drafts/" + draftId);
    assertThat(notTheirs.statusCode()).isEqualTo(404);
    assertThat(notTheirs.body())
        .as("a page for people, naming nothing of the draft")
        .contains("Page not found", "govuk-frontend.min.css")
        .doesNotContain("Private " + roundId);
    assertThat(
            form.set("version", "2")
                .post(other, http, "/apply/drafts/" + draftId, "save")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.get("/apply/bids").body()).doesNotContain("Private " + roundId);

    form.set("version", "1");
    String location =
        form.post(owner, http, "/apply/drafts/" + draftId, "submit")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String reference = location.replaceAll(".*/apply/bids/([^?]+).*", "$1");
    assertThat(other.get("/apply/bids/" + reference).statusCode()).isEqualTo(404);
    assertThat(
            PortalForms.postBody(other, http, "/apply/bids/" + reference + "/withdraw", "")
                .statusCode())
        .isEqualTo(404);
    assertThat(owner.get("/apply/bids/" + reference).statusCode()).isEqualTo(200);
  }

  @Test
  void otherRolesGetA403OnTheWritePagesAndNobodyGetsInWithBasic() {
    WebappLogin mopac = WebappLogin.tasklist(http, "mopac");
    assertThat(mopac.get("/apply").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = mopac.get("/apply/rounds/" + roundId + "/eoi");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You cannot use this page", "/apply/register");
    assertThat(
            PortalForms.eligible("MOPAC " + roundId)
                .post(mopac, http, "/apply/rounds/" + roundId + "/eoi", "save")
                .statusCode())
        .isEqualTo(403);
    WebappLogin assessor = WebappLogin.tasklist(http, "assessor1");
    assertThat(assessor.get("/apply/rounds/" + roundId + "/eoi").statusCode()).isEqualTo(403);

    HttpApi.Response anonymous = http.get("/apply", null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
    assertThat(http.get("/apply/bids", "applicant1").status())
        .as("Basic is not a way in")
        .isEqualTo(302);
  }
}
