package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.environment.RequiresChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin in Debian's Chromium, as CoFund's officers see them: named CoFund,
 * without Camunda 7's end-of-life banner ({@code user-styles.css} and {@code config.js} under
 * {@code META-INF/resources/webjars/camunda/app/}), and in London time whatever the browser's zone
 * ({@code london-time.js}).
 */
@CoFundSpringTest
@RequiresChromium
class WebappsBrandingBrowserTest {

  @LocalServerPort int port;
  @TempDir Path profile;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    browser = Chromium.start(profile, "the webapps' branding");
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void eachWebappIsCoFundsAndShowsNoEndOfLifeBanner(String app) {
    signIn(app, "admin".equals(app) || "cockpit".equals(app) ? "admin" : "mopac");

    String title = browser.getTitle();
    assertThat(title).as("the page title").contains("CoFund").doesNotContain("Camunda");
    List<WebElement> banners = browser.findElements(By.cssSelector(".ce-eol-banner"));
    System.out.println(
        app
            + ": title '"
            + title
            + "', end-of-life banners in the page "
            + banners.size()
            + ", shown "
            + banners.stream().filter(WebElement::isDisplayed).count());
    assertThat(banners).as("Camunda 7.24 renders the banner; CoFund's style hides it").isNotEmpty();
    assertThat(banners.stream().filter(WebElement::isDisplayed).toList())
        .as("a visible end-of-life banner in " + app)
        .isEmpty();
  }

  /** Tasklist shows London time, even to a browser whose own zone is Tokyo's. */
  @Test
  void tasklistShowsLondonTimeWhateverTheBrowsersZone() {
    ((ChromeDriver) browser)
        .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
    signIn("tasklist", "mopac");
    wait.until(
        d ->
            "Europe/London"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.documentElement.getAttribute('data-cofund-time-zone')")));
    // 09:00 UTC on 1 July 2027: 10:00 in London (BST), 18:00 in the browser's Tokyo.
    String browsers =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return String(new Date('2027-07-01T09:00:00Z').getHours()).padStart(2, '0')");
    String webapps =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const moment = angular.element(document.querySelector('.ng-scope'))"
                        + ".injector().get('moment');"
                        + "return moment('2027-07-01T09:00:00Z').format('YYYY-MM-DD HH:mm Z');");
    String footer =
        wait.until(
            d -> {
              List<WebElement> zone = d.findElements(By.cssSelector("#footer-timezone"));
              return zone.isEmpty() || !zone.get(0).getText().contains("London")
                  ? null
                  : zone.get(0).getText();
            });
    String shown =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const $filter = angular.element(document.querySelector('.ng-scope'))"
                        + ".injector().get('$filter');"
                        + "return $filter('camDate')('2027-07-01T09:00:00Z', 'long');");
    System.out.println(
        "tasklist: 2027-07-01T09:00Z as a due date's tooltip '"
            + shown
            + "'; in the browser's zone "
            + browsers
            + ":00, in the webapp "
            + webapps
            + "; footer '"
            + footer
            + "'");
    assertThat(browsers).isEqualTo("18");
    assertThat(webapps).isEqualTo("2027-07-01 10:00 +01:00");
    assertThat(shown).as("Tasklist's own date filter").contains("1 July 2027 10:00");
    assertThat(footer).contains("London time (Europe/London)").doesNotContain("Tokyo");
  }

  private void signIn(String app, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
        .sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
                && !d.findElements(By.cssSelector(".navbar-brand, [cam-widget-header]")).isEmpty());
  }
}
