package london.cofund.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.Mailbox;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Self-registration over HTTP: the confirmation mail (through the outbox and GreenMail) is the only
 * thing an unconfirmed address gets; following its link and choosing a password creates an
 * applicant who can sign in and start an EOI.
 */
@CoFundSpringTest
class PortalRegistrationTest {

  static final Pattern LINK =
      Pattern.compile("(http\\S*/apply/register/confirm\\?token=[A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;
  @Autowired IdentityService identity;

  HttpApi http;
  String name;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
    name = "reg" + System.nanoTime() % 1_000_000_000L;
  }

  /** Other tests count every user (the prospectus goes to all): the new applicant leaves. */
  @AfterEach
  void deleteTheRegisteredUser() {
    if (identity.createUserQuery().userId(name).count() > 0) {
      identity.deleteUser(name);
    }
  }

  @Test
  void aPersonRegistersConfirmsByTheMailedLinkAndBecomesAnApplicant() {
    String email = name + "@charity.example.org";
    HttpResponse<String> sent =
        PortalForms.postBody(
            null,
            http,
            "/apply/register",
            "firstName=Rae&lastName=Gister&userId=" + name + "&email=" + PortalForms.encode(email));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Check your email").contains(email);

    List<Mailbox.Mail> mails =
        new Mailbox(sink).all().stream().filter(m -> m.to().contains(email)).toList();
    assertThat(mails)
        .as("an unconfirmed address gets the confirmation and nothing else")
        .hasSize(1);
    Mailbox.Mail mail = mails.get(0);
    assertThat(mail.template()).isEqualTo("REGISTRATION_CONFIRMATION");
    assertThat(mail.subject()).isEqualTo("CoFund: confirm your email address to apply for funding");
    assertThat(mail.text()).contains("Dear Rae Gister", "user name " + name, "What you need to do");
    Matcher link = LINK.matcher(mail.text());
    assertThat(link.find()).isTrue();
    String path = link.group(1).replaceFirst("^https?://[^/]+", "");

    // Before the link is followed there is no user to sign in as.
    assertThat(WebappLogin.to(http, "tasklist", name, "a long enough password").status())
        .isEqualTo(401);

    assertThat(http.get(path, null).body()).contains("Choose your password").contains(email);

    String token = path.substring(path.indexOf("token=") + 6);
    HttpResponse<String> tooShort =
        PortalForms.postBody(
            null,
            http,
            "/apply/register/confirm",
            "token=" + token + "&password=short&passwordAgain=short");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body())
        .contains("href=\"#password\"")
        .contains("Password must be at least 10");

    HttpResponse<String> done =
        PortalForms.postBody(
            null,
            http,
            "/apply/register/confirm",
            "token="
                + token
                + "&password=a+long+enough+password&passwordAgain=a+long+enough+password");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Your account is ready").contains(name);
    assertThat(http.get(path, null).status()).as("a link works once").isEqualTo(404);

    WebappLogin applicant = WebappLogin.to(http, "tasklist", name, "a long enough password");
    assertThat(applicant.status()).isEqualTo(200);
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("REG"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    assertThat(applicant.get("/apply/rounds/" + roundId + "/eoi").body())
        .contains("value=\"" + email + "\"");
  }

  @Test
  void aRefusedRegistrationKeepsWhatWasTypedAndMailsNobody() {
    String email = name + "@charity.example.org";
    HttpResponse<String> refused =
        PortalForms.postBody(
            null,
            http,
            "/apply/register",
            "firstName=Rae&lastName=&userId=applicant1&email=" + PortalForms.encode(email));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#lastName\"")
        .contains("href=\"#userId\"")
        .contains("User name is taken")
        .contains("value=\"Rae\"")
        .contains("value=\"" + email + "\"");
    assertThat(new Mailbox(sink).all().stream().filter(m -> m.to().contains(email))).isEmpty();

    HttpResponse<String> badEmail =
        PortalForms.postBody(
            null,
            http,
            "/apply/register",
            "firstName=Rae&lastName=G&userId=" + name + "&email=nope");
    assertThat(badEmail.body()).contains("href=\"#email\"").contains("value=\"" + name + "\"");
    assertThat(http.get("/apply/register/confirm?token=made-up", null).status()).isEqualTo(404);

    // An address that already has a user: the same answer as any other, and no mail.
    HttpResponse<String> known =
        PortalForms.postBody(
            null,
            http,
            "/apply/register",
            "firstName=Rae&lastName=G&userId="
                + name
                + "&email="
                + PortalForms.encode("applicant2@cofund.example.org"));
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.body()).contains("Check your email");
    assertThat(
            new Mailbox(sink)
                .all().stream()
                    .filter(m -> "REGISTRATION_CONFIRMATION".equals(m.template()))
                    .filter(m -> m.text().contains("user name " + name)))
        .isEmpty();
  }
}
