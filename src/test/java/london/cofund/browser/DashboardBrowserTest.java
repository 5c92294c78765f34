package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.dashboard.DashboardScenario;
import london.cofund.environment.RequiresChromium;
import london.cofund.round.RoundService;
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
 * The home page and the dashboard in Debian's Chromium, signed in through the webapps' login: the
 * figures on the page equal those computed from the API in the same test, and axe-core finds no
 * serious or critical violation. Screenshots go to {@code target/screenshots}.
 */
@CoFundSpringTest
@RequiresChromium
class DashboardBrowserTest {

  @LocalServerPort int port;
  @TempDir Path profile;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;

  private static final java.util.Set<String> AFTER_FULL_PROPOSAL =
      java.util.Set.of(
          "UNDER_ASSESSMENT", "ASSESSED", "FUNDED", "NOT_FUNDED", "DEFERRED", "SERVICE_STARTED");

  private WebDriver browser;
  private WebDriverWait wait;
  private PageSession pages;
  private HttpApi http;

  @BeforeEach
  void startChromium() {
    http = new HttpApi(port);
    browser = Chromium.start(profile, "the dashboard");
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
  void theHomePageIsCoFundsAndLinksToTheDashboard() {
    pages.open("/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("CoFund");
    assertThat(browser.findElement(By.linkText("Dashboard")).getAttribute("href"))
        .endsWith("/dashboard");
    pages.assertAccessible("home");
  }

  @Test
  void mopacsDashboardShowsTheFunnelAndMoneyThatTheApiGives() {
    DashboardScenario scenario = DashboardScenario.in(context);
    pages.logIn("mopac");
    pages.open("/dashboard");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-fund-chart] canvas")));
    pages.assertAccessible("dashboard-mopac");

    // The funnel, computed from each proposal as GET /api/proposals/{reference} gives it.
    long eois = 0;
    long eligible = 0;
    long accepted = 0;
    long full = 0;
    long assessed = 0;
    long funded = 0;
    for (String ref :
        List.of(scenario.funded(), scenario.deferred(), scenario.rejected(), scenario.lapsed())) {
      JsonNode p = http.get("/api/proposals/" + ref, "mopac").json();
      eois++;
      boolean hasOutcome = !p.path("eoiOutcome").isNull() && !p.path("eoiOutcome").isMissingNode();
      eligible += p.path("eligible").asBoolean(false) || hasOutcome ? 1 : 0;
      accepted += p.path("eoiOutcome").asText("").startsWith("ACCEPT") ? 1 : 0;
      // The API shows no full proposal's text; a submitted one is under assessment or past it.
      full += AFTER_FULL_PROPOSAL.contains(p.path("status").asText()) ? 1 : 0;
      assessed += p.path("totalScore").isNumber() ? 1 : 0;
      funded += "FUNDED".equals(p.path("decision").path("outcome").asText()) ? 1 : 0;
    }
    WebElement row =
        browser.findElement(
            By.cssSelector("#funnel-table tr[data-round='" + scenario.roundId() + "']"));
    Map<String, Long> expected =
        Map.of(
            "eois", eois,
            "eligible", eligible,
            "accepted", accepted,
            "fullProposals", full,
            "assessed", assessed,
            "funded", funded);
    expected.forEach(
        (step, count) ->
            assertThat(row.findElement(By.cssSelector("[data-step=" + step + "]")).getText())
                .as(step)
                .isEqualTo(Long.toString(count)));
    assertThat(funded).isEqualTo(1);

    // The money, year by year, as GET /api/funds/{fundId} gives it.
    String fundId = rounds.get(scenario.roundId()).fundId();
    JsonNode fund = http.get("/api/funds/" + fundId, "mopac").json();
    for (JsonNode year : fund.get("years")) {
      WebElement line =
          browser.findElement(
              By.cssSelector(
                  "[data-fund='"
                      + fundId
                      + "'] tr[data-year='"
                      + year.get("financialYear").asText()
                      + "']"));
      assertThat(cell(line, "coCommissioningBudget"))
          .isEqualTo(money(year.get("coCommissioningBudget").asLong()));
      assertThat(cell(line, "awarded")).isEqualTo(money(year.get("committed").asLong()));
      assertThat(cell(line, "left")).isEqualTo(money(year.get("available").asLong()));
    }
  }

  @Test
  void aFilterNamingNoBoroughShowsTheErrorSummary() {
    pages.logIn("mopac");
    pages.open("/dashboard?borough=E09000001");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("E09000001");
    pages.assertAccessible("dashboard-filter-error");
  }

  private static String cell(WebElement row, String field) {
    return row.findElement(By.cssSelector("[data-money=" + field + "]")).getText();
  }

  private static String money(long pounds) {
    return "£" + String.format(java.util.Locale.UK, "%,d", pounds);
  }
}
