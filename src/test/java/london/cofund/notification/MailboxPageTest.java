package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /mailbox}: the sent mail and every delivery's status, for MOPAC and admins only,
 * signed in through the webapps' login.
 */
@CoFundSpringTest
class MailboxPageTest {

  @LocalServerPort int port;
  @Autowired MailService mail;
  @Autowired TestFundFacts facts;

  /** The page as the user sees it after signing in to Tasklist. */
  private HttpResponse<String> get(String user) {
    return WebappLogin.tasklist(new HttpApi(port), user).get("/mailbox");
  }

  @Test
  void mopacSeesTheSentMailAndTheOutboxWithValuesEscaped() throws Exception {
    RoundFacts round =
        facts.put(
            new RoundFacts(
                "test-mailbox-round",
                "Tranche <b>two</b>",
                2,
                4_500_000L,
                List.of(),
                null,
                Samples.EOI_DEADLINE,
                null,
                null,
                null));
    Recipient to = new Recipient("mailbox-page@test.example.org", "Page Reader", null);
    mail.send(
        new Outgoing(
            new MailContent(
                MailTemplate.PROSPECTUS_PUBLISHED, round, null, null, Samples.EOI_DEADLINE, null),
            List.of(to),
            recipient -> "test:mailbox-page:" + recipient.key(),
            recipient -> null,
            new OutboxEntry(
                null,
                MailTemplate.PROSPECTUS_PUBLISHED,
                null,
                null,
                null,
                round.roundId(),
                null,
                null,
                null,
                null,
                null,
                null,
                null)));

    HttpResponse<String> page = get("mopac");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body())
        .contains(
            "CoFund mailbox",
            "mailbox-page@test.example.org",
            "PROSPECTUS_PUBLISHED",
            "SENT",
            "CoFund: prospectus published for Tranche &lt;b&gt;two&lt;/b&gt; (tranche 2)",
            "every hour",
            "3 days before",
            "from the moment it is overdue",
            "Next sweep")
        .doesNotContain("<b>two</b>")
        // People read settings in words, not ISO 8601.
        .doesNotContain("R/PT1H", "P3D", "PT72H", "PT0S");
  }

  @Test
  void adminsMayLookToo() throws Exception {
    assertThat(get("admin").statusCode()).isEqualTo(200);
  }

  @Test
  void othersMayNot() throws Exception {
    assertThat(get("wg").statusCode()).isEqualTo(403);
    assertThat(get("applicant1").statusCode()).isEqualTo(403);
  }

  @Test
  void strangersAreSentToTheLoginAndBasicCredentialsAreNoLogin() {
    HttpApi http = new HttpApi(port);
    HttpApi.Response anonymous = http.get("/mailbox", null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
    HttpApi.Response basic = http.get("/mailbox", "mopac");
    assertThat(basic.status()).isEqualTo(302);
    assertThat(basic.body()).doesNotContain("CoFund mailbox");
  }
}
