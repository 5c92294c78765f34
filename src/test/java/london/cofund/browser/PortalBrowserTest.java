package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.Mailbox;
import london.cofund.WebappLogin;
import london.cofund.environment.RequiresChromium;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.notification.ContactAddresses;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The applicant portal in Debian's Chromium, with JavaScript on: a person registers, confirms by
 * the mailed link, starts an EOI, sees BOROUGH_COVERAGE fail live with two boroughs and pass with a
 * third, is refused a bad amount with everything kept, saves a draft, comes back and submits. A
 * second test gives a lead the conflict page. axe-core checks every portal page on the way.
 */
@CoFundSpringTest
@RequiresChromium
class PortalBrowserTest {

  static final Pattern LINK =
      Pattern.compile("(http\\S*/apply/register/confirm\\?token=[A-Za-z0-9_-]+)");
  static final String PASSWORD = "a long enough password";

  @LocalServerPort int port;
  @TempDir Path profile;
  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;
  @Autowired IdentityService identity;

  private WebDriver browser;
  private WebDriverWait wait;
  private PageSession pages;
  private String roundId;
  private String registered;

  @BeforeEach
  void startChromiumAndOpenARound() {
    FundDriver fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("PB"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    browser = Chromium.start(profile, "the applicant portal");
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    pages = new PageSession(browser, wait, port);
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
    // Other tests count every user (the prospectus goes to all): the new applicant leaves.
    if (registered != null && identity.createUserQuery().userId(registered).count() > 0) {
      identity.deleteUser(registered);
    }
  }

  @Test
  void anApplicantRegistersConfirmsStartsAnEoiSavesADraftComesBackAndSubmits() {
    String name = "pb" + System.nanoTime() % 1_000_000_000L;
    registered = name;
    String email = name + "@charity.example.org";

    // Register, with one refusal first.
    pages.open("/apply/register");
    pages.assertAccessible("portal-register");
    type("firstName", "Rae");
    type("userId", name);
    type("email", email);
    browser.findElement(By.id("register")).click();
    waitForErrorSummary("Last name must be given");
    assertThat(value("userId")).isEqualTo(name);
    pages.assertAccessible("portal-register-refused");
    type("lastName", "Gister");
    browser.findElement(By.id("register")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your email"));
    pages.assertAccessible("portal-register-sent");

    // Confirm by the mailed link and choose a password.
    List<Mailbox.Mail> mails =
        new Mailbox(sink).all().stream().filter(m -> m.to().contains(email)).toList();
    assertThat(mails).hasSize(1);
    Matcher link = LINK.matcher(mails.get(0).text());
    assertThat(link.find()).isTrue();
    browser.get(link.group(1).replaceFirst("^https?://[^/]+", pages.url("")));
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Choose your password"));
    pages.assertAccessible("portal-confirm");
    type("password", PASSWORD);
    type("passwordAgain", "something else entirely");
    browser.findElement(By.id("confirm")).click();
    waitForErrorSummary("Password again must be the same password again");
    pages.assertAccessible("portal-confirm-refused");
    type("password", PASSWORD);
    type("passwordAgain", PASSWORD);
    browser.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your account is ready"));
    pages.assertAccessible("portal-registered");

    // Sign in as the new applicant and start an EOI from the round's prospectus.
    logIn(name, PASSWORD);
    pages.open("/apply");
    assertThat(browser.findElement(By.id("round-" + roundId)).getText()).contains(roundId);
    pages.assertAccessible("portal-open-rounds");
    browser.findElement(By.cssSelector("a[href$='/apply/rounds/" + roundId + "/eoi']")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Expression of interest"));
    assertThat(value("leadAgency-contactEmail")).isEqualTo(email);
    pages.assertAccessible("portal-eoi-new");

    type("title", "Women's centres " + roundId);
    type("summary", "Women's centres across three boroughs");
    type("leadAgency-name", "Advance");
    new Select(browser.findElement(By.id("leadAgency-type"))).selectByValue("VOLUNTARY_SECTOR");
    type("leadAgency-contactName", "Rae Gister");
    type("leadershipStatement", "Advance has led consortia across London since 2010.");
    partner(0, "Westminster City Council", "E09000033");
    partner(1, "Camden Council", "E09000007");
    browser.findElement(By.id("add-partner")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("partners-2-name")));
    assertThat(value("partners-1-name")).isEqualTo("Camden Council");
    partner(2, "Islington Council", "E09000019");
    check("priorityThemes");
    type("durationMonths", "36");
    type("requestedAmount", "lots");

    // Two boroughs: BOROUGH_COVERAGE fails as the form is filled, then passes with a third.
    check("deliveryBoroughs-E09000033");
    check("deliveryBoroughs-E09000007");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("criterion-BOROUGH_COVERAGE"), "covers 2 boroughs (Camden, Westminster)"));
    assertThat(browser.findElement(By.id("criterion-BOROUGH_COVERAGE")).getText())
        .startsWith("Not met");
    assertThat(browser.findElement(By.id("criterion-BOROUGH_COVERAGE")).getAttribute("data-passed"))
        .isEqualTo("false");

    // A bad amount: the error summary, the message, and everything typed kept.
    browser.findElement(By.id("submit")).click();
    waitForErrorSummary("Amount requested must be a whole number of pounds");
    assertThat(value("requestedAmount")).isEqualTo("lots");
    assertThat(value("partners-2-name")).isEqualTo("Islington Council");
    assertThat(browser.findElement(By.id("deliveryBoroughs-E09000007")).isSelected()).isTrue();
    assertThat(browser.switchTo().activeElement().getAttribute("class"))
        .contains("govuk-error-summary");
    pages.assertAccessible("portal-eoi-refused");

    type("requestedAmount", "1200000");
    check("deliveryBoroughs-E09000019");
    waitForCriterion("BOROUGH_COVERAGE", "true");
    browser.findElement(By.id("save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".govuk-notification-banner"), "Your draft is saved"));
    pages.assertAccessible("portal-eoi-draft");

    // Come back later: the draft is listed, opens with what was typed, and is submitted.
    pages.open("/apply/bids");
    pages.assertAccessible("portal-bids");
    browser.findElement(By.linkText("Women's centres " + roundId)).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Expression of interest"));
    assertThat(value("requestedAmount")).isEqualTo("1200000");
    assertThat(browser.findElement(By.id("deliveryBoroughs-E09000019")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("criterion-BOROUGH_COVERAGE")).getAttribute("data-passed"))
        .isEqualTo("true");
    browser.findElement(By.id("submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".govuk-notification-banner"), "is submitted as " + roundId + "-"));
    assertThat(browser.findElement(By.id("status")).getText())
        .isEqualTo("Awaiting borough sign off");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("Next: ");
    pages.assertAccessible("portal-bid");
  }

  @Test
  void twoSavesFromOneVersionGiveTheSecondSaverTheConflictPage() throws Exception {
    HttpApi http = new HttpApi(port);
    WebappLogin lead = WebappLogin.tasklist(http, "applicant1");
    String form =
        "title="
            + enc("Conflict " + roundId)
            + "&summary=s&scope=SUB_REGIONAL&leadAgency.name=Advance&deliveryBoroughs=E09000033";
    String location =
        post(lead, http, "/apply/rounds/" + roundId + "/eoi", "action=save&" + form)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
    assertThat(
            post(
                    lead,
                    http,
                    path,
                    "action=invite&version=1&"
                        + form
                        + "&inviteEmail=applicant2@cofund.example.org")
                .statusCode())
        .isEqualTo(302);

    WebappLogin colleague = WebappLogin.tasklist(http, "applicant2");
    Matcher invitation =
        Pattern.compile("https?://[^/\\s]+(/apply/invitations/[A-Za-z0-9_-]+)")
            .matcher(
                new Mailbox(sink)
                    .all().stream()
                        .filter(m -> m.subject().contains("Conflict " + roundId))
                        .findFirst()
                        .orElseThrow()
                        .text());
    assertThat(invitation.find()).isTrue();
    assertThat(colleague.get(invitation.group(1)).statusCode()).isEqualTo(302);

    pages.logIn("applicant1");
    pages.open(path);
    type("title", "Conflict, as the lead has it " + roundId);

    // The colleague saves first, from the same version.
    String version =
        colleague.get(path).body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
    assertThat(
            post(
                    colleague,
                    http,
                    path,
                    "action=save&version="
                        + version
                        + "&"
                        + form.replace(
                            enc("Conflict " + roundId),
                            enc("Conflict, as the colleague has it " + roundId)))
                .statusCode())
        .isEqualTo(302);

    browser.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
    assertThat(browser.findElement(By.id("differences")).getText())
        .contains("Conflict, as the colleague has it " + roundId)
        .contains("Conflict, as the lead has it " + roundId);
    assertThat(value("title")).isEqualTo("Conflict, as the lead has it " + roundId);
    pages.assertAccessible("portal-eoi-conflict");

    browser.findElement(By.id("save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".govuk-notification-banner"), "Your draft is saved"));
    assertThat(value("title")).isEqualTo("Conflict, as the lead has it " + roundId);
    assertThat(browser.findElement(By.id("edits")).getText())
        .contains("applicant2 saved")
        .contains("applicant1 saved");

    // A draft that is nobody's: the portal's own error page.
    pages.open("/apply/drafts/no-such-draft");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    pages.assertAccessible("portal-not-found");
  }

  @Test
  void aLeadContactConfirmsTheirAddressWithTheMailedLinksButton() {
    String email = "contact" + System.nanoTime() % 1_000_000_000L + "@charity.example.org";
    String token = context.getBean(ContactAddresses.class).token(email);

    pages.open("/apply/register/address?token=" + token);
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Confirm your email address"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(email);
    pages.assertAccessible("portal-address");
    browser.findElement(By.id("confirm-address")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your address is confirmed"));
    pages.assertAccessible("portal-address-confirmed");
    assertThat(context.getBean(ContactAddresses.class).confirmed(email)).isTrue();

    pages.open("/apply/register/address?token=" + token);
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "This link does not work"));
    pages.assertAccessible("portal-address-used");
  }

  private void logIn(String user, String password) {
    browser.get(pages.url("/camunda/app/tasklist/default/"));
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
        .sendKeys(password);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters")));
  }

  private void partner(int row, String name, String borough) {
    type("partners-" + row + "-name", name);
    new Select(browser.findElement(By.id("partners-" + row + "-type")))
        .selectByValue("LOCAL_AUTHORITY");
    new Select(browser.findElement(By.id("partners-" + row + "-boroughCode")))
        .selectByValue(borough);
    check("partners-" + row + "-coreSupporting");
  }

  private void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
  }

  /** Ticks a GOV.UK checkbox by its label (the input itself is covered by its styled box). */
  private void check(String id) {
    WebElement input = browser.findElement(By.id(id));
    if (!input.isSelected()) {
      browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }
  }

  private void waitForCriterion(String code, String passed) {
    wait.until(ExpectedConditions.attributeToBe(By.id("criterion-" + code), "data-passed", passed));
  }

  private void waitForErrorSummary(String text) {
    WebElement summary =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(summary.getText()).contains(text);
  }

  private static java.net.http.HttpResponse<String> post(
      WebappLogin user, HttpApi http, String path, String body) {
    return user.send(
        HttpRequest.newBuilder(URI.create(http.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", http.url(""))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
