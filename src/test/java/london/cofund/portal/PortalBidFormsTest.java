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
 * A bid's later steps in the portal, through the API's own steps: revising an EOI that failed
 * screening, reading MOPAC's feedback, the full proposal with its budget by financial year, and
 * withdrawing.
 */
@CoFundSpringTest
class PortalBidFormsTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  HttpApi http;
  FundDriver fund;
  String roundId;

  @BeforeEach
  void openARound() {
    http = new HttpApi(port);
    fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("BIDF"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
  }

  @Test
  void anEoiThatFailsScreeningIsRevisedInThePortal() {
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    PortalForms form =
        PortalForms.eligible("Two boroughs " + roundId)
            .boroughs(PortalForms.WESTMINSTER, PortalForms.CAMDEN);
    String reference =
        reference(form.post(applicant, http, "/apply/rounds/" + roundId + "/eoi", "submit"));
    assertThat(http.get("/api/proposals/" + reference, "applicant1").json().get("status").asText())
        .isEqualTo("NOT_ELIGIBLE");
    assertThat(applicant.get("/apply/bids/" + reference).body())
        .contains("Not eligible")
        .contains("covers 2 boroughs (Camden, Westminster)")
        .contains("Revise your expression of interest by the EOI deadline")
        .contains("/apply/bids/" + reference + "/eoi");

    HttpResponse<String> opened = applicant.get("/apply/bids/" + reference + "/eoi");
    assertThat(opened.body())
        .contains("Revise your expression of interest")
        .contains("value=\"Two boroughs " + roundId + "\"")
        .doesNotContain("id=\"save\"");

    HttpResponse<String> refused =
        form.set("requestedAmount", "a lot")
            .post(applicant, http, "/apply/bids/" + reference + "/eoi", "submit");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("href=\"#requestedAmount\"")
        .contains("value=\"a lot\"")
        .contains("value=\"Two boroughs " + roundId + "\"");

    HttpResponse<String> revised =
        form.set("requestedAmount", "1200000")
            .boroughs(PortalForms.WESTMINSTER, PortalForms.CAMDEN, PortalForms.ISLINGTON)
            .post(applicant, http, "/apply/bids/" + reference + "/eoi", "submit");
    assertThat(revised.statusCode()).isEqualTo(302);
    assertThat(http.get("/api/proposals/" + reference, "applicant1").json().get("status").asText())
        .isEqualTo("AWAITING_BOROUGH_SIGN_OFF");
    assertThat(applicant.get("/apply/bids/" + reference + "?revised").body())
        .contains("Your revised expression of interest is submitted")
        .contains("covers 3 boroughs");
    assertThat(
            WebappLogin.tasklist(http, "applicant2")
                .get("/apply/bids/" + reference + "/eoi")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theApplicantReadsFeedbackSubmitsTheFullProposalByYearAndWithdraws() {
    String reference =
        fund.submit(
            roundId, Fixtures.eligibleEoi("Feedback " + roundId, FundDriver.CONTACT), "applicant1");
    fund.confirmEveryBorough(reference);
    fund.feedback(reference, "ACCEPT_WITH_MODIFICATION", "Add a youth offending strand " + roundId);
    WebappLogin applicant = WebappLogin.tasklist(http, "applicant1");
    HttpResponse<String> bid = applicant.get("/apply/bids/" + reference);
    assertThat(bid.body())
        .contains("Full proposal due")
        .contains("Accept with modification")
        .contains("Add a youth offending strand " + roundId)
        .contains("Submit your full proposal by the deadline")
        .contains("/apply/bids/" + reference + "/full-proposal");

    HttpResponse<String> form = applicant.get("/apply/bids/" + reference + "/full-proposal");
    assertThat(form.body())
        .contains("Budget by financial year")
        .contains("id=\"budget-0-financialYear\"")
        .doesNotContain("id=\"requestedAmount\"");
    String year =
        form.body()
            .replaceAll("(?s).*id=\"budget-0-financialYear\"[^>]*value=\"([^\"]+)\".*", "$1");

    PortalForms full =
        PortalForms.eligible("Feedback " + roundId)
            .set("budget[0].financialYear", year)
            .set("budget[0].amount", "400000")
            .set("budget[1].financialYear", "")
            .set("budget[1].amount", "four hundred")
            .set("outcomes", "Fewer women reoffend.")
            .set("deliveryPlan", "Three centres.")
            .set("risks", "");
    HttpResponse<String> refused =
        full.post(applicant, http, "/apply/bids/" + reference + "/full-proposal", "submit");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("href=\"#budget-1-amount\"")
        .contains("value=\"four hundred\"")
        .contains("Fewer women reoffend.");

    HttpResponse<String> sent =
        full.set("budget[1].amount", "")
            .set("risks", "Staff turnover.")
            .post(applicant, http, "/apply/bids/" + reference + "/full-proposal", "submit");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    var api = http.get("/api/proposals/" + reference, "applicant1").json();
    assertThat(api.get("status").asText()).isNotEqualTo("FULL_PROPOSAL_DUE");
    assertThat(applicant.get("/apply/bids/" + reference + "?fullProposal").body())
        .contains("Your full proposal is submitted")
        .contains("Full proposal submitted")
        .contains(year)
        .contains("£400,000");

    HttpResponse<String> withdrawn =
        PortalForms.postBody(applicant, http, "/apply/bids/" + reference + "/withdraw", "");
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    assertThat(http.get("/api/proposals/" + reference, "applicant1").json().get("status").asText())
        .isEqualTo("WITHDRAWN");
    assertThat(applicant.get("/apply/bids/" + reference + "?withdrawn").body())
        .contains("Your bid is withdrawn")
        .doesNotContain("id=\"withdraw\"");
  }

  private static String reference(HttpResponse<String> submitted) {
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
    return submitted
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*/apply/bids/([^?]+).*", "$1");
  }
}
