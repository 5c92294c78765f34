package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.boroughfunding.ServiceAtRiskRequest;
import london.cofund.boroughfunding.ServicesAtRiskService;
import london.cofund.environment.RequiresChromium;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * CoFund's own pages in Debian's Chromium, checked by axe-core: no serious or critical violation,
 * on the page as it first shows and as it shows a refused form. Screenshots go to {@code
 * target/screenshots/}.
 */
@CoFundSpringTest
@RequiresChromium
class PagesAccessibilityTest {

  static final String HILLINGDON = "E09000017";

  @LocalServerPort int port;
  @TempDir Path profile;
  @Autowired ApplicationContext context;
  @Autowired ServicesAtRiskService services;

  private WebDriver browser;
  private WebDriverWait wait;
  private PageSession pages;

  @BeforeEach
  void startChromium() {
    browser = Chromium.start(profile, "CoFund's pages");
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    pages = new PageSession(browser, wait, port);
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theFundPagesHaveNoSeriousAccessibilityViolations() {
    pages.logIn("mopac");

    pages.open("/funds");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Funds");
    pages.assertAccessible("funds");

    pages.open("/grants?borough=E09000033");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Grants delivered in Westminster");
    pages.assertAccessible("grants-westminster");

    pages.open("/funds/LCPF-2017");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("London Crime Prevention Fund 2017-21");
    pages.assertAccessible("fund-lcpf-2017");

    // A refused change: the error summary, the field's message, and what was typed kept.
    WebElement total = browser.findElement(By.id("years-1-total"));
    total.clear();
    total.sendKeys("eighteen million");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    WebElement summary =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
    assertThat(summary.getText()).contains("total must be a whole number");
    assertThat(browser.findElement(By.id("years-1-total")).getAttribute("value"))
        .isEqualTo("eighteen million");
    assertThat(browser.switchTo().activeElement().getAttribute("class"))
        .as("GOV.UK Frontend moves focus to the error summary")
        .contains("govuk-error-summary");
    pages.assertAccessible("fund-refused-change");
  }

  @Test
  void theBoroughPagesHaveNoSeriousAccessibilityViolations() {
    // A bid and a service at risk in Hillingdon, where no other test delivers, so that every table
    // of a borough's page is shown.
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("AX"), Instant.now()));
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    String bid =
        fund.submit(
            roundId,
            Fixtures.eoi(
                "West London women's centres",
                FundDriver.CONTACT,
                List.of(HILLINGDON, "E09000015", "E09000005"),
                900_000L,
                List.of("FEMALE_OFFENDING")),
            "applicant1");
    services.record(
        HILLINGDON,
        new ServiceAtRiskRequest(
            "Women's outreach " + roundId,
            "FEMALE_OFFENDING",
            120_000L,
            List.of("2026/27", "2027/28"),
            List.of(bid)),
        new CurrentUser("hillingdon-officer", Set.of(Roles.boroughGroup(HILLINGDON))));

    pages.logIn("mopac");
    pages.open("/boroughs");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Boroughs");
    pages.assertAccessible("boroughs");

    pages.open("/boroughs/" + HILLINGDON);
    assertThat(browser.findElement(By.id("services-at-risk")).getText()).contains(bid);
    assertThat(browser.findElement(By.id("bids")).getText()).contains(bid);
    pages.assertAccessible("borough-hillingdon-in-full");

    pages.open("/boroughs/E12000007");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("London");
    pages.assertAccessible("borough-london");

    pages.open("/boroughs/E09000099");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    pages.assertAccessible("borough-not-found");
  }

  @Test
  void aBoroughsPublicPartsAndTheRefusalPageHaveNoSeriousAccessibilityViolations() {
    pages.logIn("westminster-scrutiny");
    pages.open("/boroughs/E09000033");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Westminster");
    pages.assertAccessible("borough-westminster-scrutiny");

    pages.open("/boroughs/E09000007");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("You cannot see this page");
    pages.assertAccessible("borough-refused");

    browser.manage().deleteAllCookies();
    pages.logIn("camden");
    pages.open("/boroughs/E09000033");
    assertThat(browser.findElement(By.id("public-parts")).getText())
        .contains("is for Westminster's officers");
    pages.assertAccessible("borough-westminster-public-parts");
  }

  @Test
  void theCommitteeUpdatePagesHaveNoSeriousAccessibilityViolations() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Fixtures.NOW));
    String roundId;
    try {
      FundDriver fund = new FundDriver(context);
      roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("A11Y-CU"), Fixtures.NOW));
      fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    pages.logIn("mopac");

    pages.open("/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates");
    pages.assertAccessible("committee-updates-westminster");

    pages.open("/boroughs/" + Fixtures.WESTMINSTER + "/committee-updates/" + roundId);
    assertThat(browser.getPageSource()).contains("Westminster");
    pages.assertAccessible("committee-update-westminster");
  }
}
