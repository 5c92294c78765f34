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
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A bid's lead contact gets CoFund's mail only once their address is confirmed (ContactAddresses):
 * until then the first message about their bids is the link that confirms it, and nothing else goes
 * there. A user's own address is confirmed already.
 */
@CoFundSpringTest
class ContactConfirmationTest {

  static final Pattern LINK =
      Pattern.compile("(http\\S*/apply/register/address\\?token=[A-Za-z0-9_%-]+)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;

  @Test
  void anUnconfirmedLeadContactGetsOnlyTheLinkUntilTheyFollowIt() {
    HttpApi http = new HttpApi(port);
    String contact = "lead" + System.nanoTime() % 1_000_000_000L + "@charity.example.org";
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("CONF"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING", "CSE"));

    String first = fund.submit(roundId, Fixtures.eligibleEoi("First bid", contact), "applicant2");
    String second = fund.submit(roundId, Fixtures.eligibleEoi("Second bid", contact), "applicant2");
    Mailbox mailbox = new Mailbox(sink);
    List<Mailbox.Mail> before =
        mailbox.all().stream().filter(m -> m.to().contains(contact)).toList();
    assertThat(before)
        .as("an unconfirmed address gets the link, once, and no receipt for either bid")
        .extracting(Mailbox.Mail::template)
        .containsExactly("ADDRESS_CONFIRMATION");
    Mailbox.Mail link = before.get(0);
    assertThat(link.subject())
        .isEqualTo("CoFund: confirm your email address for \"First bid\" (" + first + ")");
    assertThat(link.text()).contains("What you need to do", "nothing else about the bid");
    assertThat(mailbox.of("EOI_RECEIVED", second))
        .as("the receipt is not sent elsewhere instead")
        .isEmpty();

    Matcher found = LINK.matcher(link.text());
    assertThat(found.find()).isTrue();
    String path = found.group(1).replaceFirst("^https?://[^/]+", "");
    String token = path.substring(path.indexOf("token=") + 6);
    HttpApi.Response page = http.get(path, null);
    assertThat(page.status())
        .as("opening the link confirms nothing: a scanner may open it")
        .isEqualTo(200);
    assertThat(page.body()).contains("Confirm your email address").contains(contact);

    HttpResponse<String> confirmed =
        PortalForms.postBody(null, http, "/apply/register/address", "token=" + token);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Your address is confirmed").contains(contact);
    assertThat(
            PortalForms.postBody(null, http, "/apply/register/address", "token=" + token)
                .statusCode())
        .as("a link works once")
        .isEqualTo(404);
    assertThat(http.get("/apply/register/address?token=not-a-token", null).status()).isEqualTo(404);

    String third = fund.submit(roundId, Fixtures.eligibleEoi("Third bid", contact), "applicant2");
    assertThat(mailbox.of("EOI_RECEIVED", third))
        .as("once confirmed, the contact gets the bid's mail")
        .extracting(Mailbox.Mail::to)
        .containsExactly(List.of(contact));
    assertThat(mailbox.all().stream().filter(m -> m.to().contains(contact)))
        .extracting(Mailbox.Mail::template)
        .containsExactly("ADDRESS_CONFIRMATION", "EOI_RECEIVED");
  }

  @Test
  void aUsersOwnAddressNeedsNoConfirmation() {
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("CONF"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING", "CSE"));
    String ref =
        fund.submit(roundId, Fixtures.eligibleEoi("Own address", FundDriver.CONTACT), "applicant1");
    assertThat(new Mailbox(sink).of("EOI_RECEIVED", ref))
        .extracting(Mailbox.Mail::to)
        .containsExactly(List.of(FundDriver.CONTACT));
    assertThat(new Mailbox(sink).of("ADDRESS_CONFIRMATION", ref)).isEmpty();
  }
}
