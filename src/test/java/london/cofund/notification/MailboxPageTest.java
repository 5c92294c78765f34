package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.identity.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /mailbox}: the sent mail and every delivery's status, for MOPAC and admins only. */
@CoFundSpringTest
class MailboxPageTest {

  @LocalServerPort int port;
  @Autowired MailService mail;
  @Autowired TestFundFacts facts;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mailbox"));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
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
            "R/PT1H",
            "Next sweep")
        .doesNotContain("<b>two</b>");
  }

  @Test
  void adminsMayLookToo() throws Exception {
    assertThat(get("admin").statusCode()).isEqualTo(200);
  }

  @Test
  void othersMayNot() throws Exception {
    assertThat(get("wg").statusCode()).isEqualTo(403);
    assertThat(get("applicant1").statusCode()).isEqualTo(403);
    assertThat(get(null).statusCode()).isEqualTo(401);
  }
}
