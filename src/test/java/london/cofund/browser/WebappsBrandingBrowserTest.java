package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.environment.RequiresChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin in Debian's Chromium, as CoFund's officers see them: named CoFund,
 * and without Camunda 7's end-of-life banner ({@code user-styles.css} and {@code config.js} under
 * {@code META-INF/resources/webjars/camunda/app/}).
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
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys("admin".equals(app) || "cockpit".equals(app) ? "admin" : "mopac");
    browser
        .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
        .sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
                && !d.findElements(By.cssSelector(".navbar-brand, [cam-widget-header]")).isEmpty());

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
}
