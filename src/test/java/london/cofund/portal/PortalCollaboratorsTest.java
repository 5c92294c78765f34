package london.cofund.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
 * Colleagues on one draft: the lead invites by email, the colleague edits (and submits only when
 * allowed), every save is recorded, and two saves from the same version give the second saver the
 * conflict page with the other's change, keeping what they typed.
 */
@CoFundSpringTest
class PortalCollaboratorsTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;

  HttpApi http;
  String roundId;

  @BeforeEach
  void openARound() {
    http = new HttpApi(port);
    FundDriver fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("COLLAB"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
  }

  @Test
  void aColleagueEditsTheLeadsDraftAndTheSecondOfTwoSavesGetsTheConflictPage() {
    WebappLogin lead = WebappLogin.tasklist(http, "applicant1");
    PortalForms leadForm = PortalForms.eligible("Shared " + roundId);
    String draftId =
        PortalForms.draftId(leadForm.post(lead, http, "/apply/rounds/" + roundId + "/eoi", "save"));
    String path = "/apply/drafts/" + draftId;

    // Step 1: the lead invites a colleague by email (not allowed to submit).
    HttpResponse<String> invited =
        leadForm
            .set("version", "1")
            .set("inviteEmail", "Applicant2@cofund.example.org")
            .post(lead, http, path, "invite");
    assertThat(invited.statusCode()).isEqualTo(302);
    assertThat(invited.headers().firstValue("Location").orElseThrow()).endsWith("?invited");

    // Step 2: the address alone opens nothing; the mailed link, followed signed in, does.
    WebappLogin colleague = WebappLogin.tasklist(http, "applicant2");
    assertThat(colleague.get(path).statusCode()).isEqualTo(404);
    String invitation =
        PortalForms.invitationPath(sink, "applicant2@cofund.example.org", "Shared " + roundId);
    HttpResponse<String> accepted = colleague.get(invitation);
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith(path);
    assertThat(WebappLogin.tasklist(http, "applicant1").get(invitation).statusCode())
        .as("a link works for the one who followed it first")
        .isEqualTo(404);
    assertThat(colleague.get("/apply/bids").body()).contains(path);
    HttpResponse<String> opened = colleague.get(path);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body())
        .contains("applicant2 (applicant2@cofund.example.org)")
        .contains("The lead has not allowed you to submit")
        .doesNotContain("id=\"submit\"")
        .doesNotContain("Invite a colleague");
    int version = PortalForms.version(opened.body());
    String leadsPage = lead.get(path).body();
    assertThat(PortalForms.version(leadsPage)).isEqualTo(version);

    // Step 3: both edit from the same version; the colleague saves first.
    PortalForms colleagueForm =
        PortalForms.eligible("Shared, as the colleague has it " + roundId)
            .set("version", String.valueOf(version));
    assertThat(colleagueForm.post(colleague, http, path, "save").statusCode()).isEqualTo(302);

    PortalForms leadsEdit =
        PortalForms.eligible("Shared, as the lead has it " + roundId)
            .set("version", String.valueOf(version));
    HttpResponse<String> conflict = leadsEdit.post(lead, http, path, "save");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("Someone else saved this draft")
        .contains("applicant2 saved this draft")
        .contains("<td class=\"govuk-table__cell\">Shared, as the colleague has it " + roundId)
        .contains("value=\"Shared, as the lead has it " + roundId + "\"");

    // Step 4: saving again from the version the conflict page carries keeps the lead's text.
    leadsEdit.set("version", String.valueOf(PortalForms.version(conflict.body())));
    assertThat(leadsEdit.post(lead, http, path, "save").statusCode()).isEqualTo(302);
    String after = lead.get(path).body();
    assertThat(after)
        .contains("value=\"Shared, as the lead has it " + roundId + "\"")
        .contains("applicant1 created")
        .contains("applicant1 invited applicant2@cofund.example.org")
        .contains("applicant2 accepted the invitation")
        .contains("applicant2 saved")
        .contains("applicant1 saved");

    // Step 5: the colleague may not submit until the lead allows it; then the bid is the lead's.
    PortalForms colleagueSubmit =
        PortalForms.eligible("Shared, as the lead has it " + roundId)
            .set("version", String.valueOf(PortalForms.version(after)));
    assertThat(colleagueSubmit.post(colleague, http, path, "submit").statusCode()).isEqualTo(403);
    String now = lead.get(path).body();
    assertThat(
            PortalForms.eligible("Shared, as the lead has it " + roundId)
                .set("version", String.valueOf(PortalForms.version(now)))
                .set("inviteEmail", "applicant2@cofund.example.org")
                .set("inviteMaySubmit", "true")
                .post(lead, http, path, "invite")
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> submitted =
        colleagueSubmit
            .set("version", String.valueOf(PortalForms.version(colleague.get(path).body())))
            .post(colleague, http, path, "submit");
    assertThat(submitted.statusCode()).isEqualTo(302);
    String reference =
        submitted
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/apply/bids/([^?]+).*", "$1");
    // The EOI is the lead's: the API shows it to applicant1, its submitter, and not to applicant2.
    assertThat(http.get("/api/proposals/" + reference, "applicant1").status()).isEqualTo(200);
    assertThat(http.get("/api/proposals/" + reference, "applicant2").status()).isEqualTo(404);
    assertThat(colleague.get("/apply/bids/" + reference).statusCode()).isEqualTo(200);
    assertThat(colleague.get("/apply/bids").body()).contains("/apply/bids/" + reference);
    assertThat(lead.get("/apply/bids").body()).contains("/apply/bids/" + reference);
  }

  @Test
  void onlyTheLeadInvitesAndABadAddressIsRefusedBesideTheField() {
    WebappLogin lead = WebappLogin.tasklist(http, "applicant1");
    PortalForms form = PortalForms.eligible("Invites " + roundId);
    String draftId =
        PortalForms.draftId(form.post(lead, http, "/apply/rounds/" + roundId + "/eoi", "save"));
    HttpResponse<String> refused =
        form.set("version", "1")
            .set("inviteEmail", "not an address")
            .post(lead, http, "/apply/drafts/" + draftId, "invite");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("href=\"#inviteEmail\"")
        .contains("Colleague&#39;s email must be an email address")
        .contains("value=\"not an address\"")
        .contains("value=\"Invites " + roundId + "\"");

    // An address nobody registered gets no mail: CoFund mails only confirmed addresses.
    String nobody = "nobody-" + roundId.toLowerCase() + "@charity.example.org";
    HttpResponse<String> unknown =
        form.set("inviteEmail", nobody)
            .set("version", String.valueOf(PortalForms.version(refused.body())))
            .post(lead, http, "/apply/drafts/" + draftId, "invite");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("belongs to nobody registered");
    assertThat(new london.cofund.Mailbox(sink).all().stream().filter(m -> m.to().contains(nobody)))
        .isEmpty();
  }
}
