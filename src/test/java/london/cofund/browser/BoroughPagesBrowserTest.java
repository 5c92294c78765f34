package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.environment.RequiresChromium;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.IdentityBootstrap;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import london.cofund.system.Formats;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The borough page in Debian's Chromium: Westminster's officer sees the −56% and every figure of
 * {@code GET /api/boroughs/E09000033}, fetched in the same test, once a project delivered there is
 * funded; Westminster's scrutiny committee reaches its own borough's page and nothing else, and has
 * no task. Screenshots go to {@code target/screenshots/}; {@link PagesAccessibilityTest} runs
 * axe-core on the same pages.
 */
@CoFundSpringTest
@RequiresChromium
class BoroughPagesBrowserTest {

  static final String WESTMINSTER = "E09000033";
  static final String CAMDEN = "E09000007";

  @LocalServerPort int port;
  @TempDir Path profile;
  @Autowired FilterService filters;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;

  private WebDriver browser;
  private WebDriverWait wait;
  private PageSession pages;

  @BeforeEach
  void startChromium() {
    browser = Chromium.start(profile, "the borough pages");
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
  void westminstersPageShowsTheFallOf56PercentAndTheApisFigures() {
    String funded = fundAProjectInWestminster();
    pages.logIn("westminster");
    pages.open("/boroughs/" + WESTMINSTER);
    pages.screenshot("borough-westminster");
    JsonNode api = new HttpApi(port).get("/api/boroughs/" + WESTMINSTER, "westminster").json();

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Westminster");
    assertThat(browser.findElement(By.id("headline")).getText())
        .isEqualTo(
            "From 2017/18 to 2018/19 Westminster's direct allocation changed by \u221256%"
                + " (\u2212£597,240).");
    assertThat(browser.findElements(By.id("public-parts"))).as("in full").isEmpty();

    List<List<String>> allocations = new ArrayList<>();
    for (JsonNode a : api.get("allocations")) {
      allocations.add(
          List.of(
              a.get("financialYear").asText(),
              money(a.get("amount")),
              change(a.get("change")),
              percent(a.get("changePercent")),
              money(a.get("londonTotal")),
              a.get("source").asText()));
    }
    assertThat(rows("allocations")).isEqualTo(allocations);
    assertThat(rows("allocations"))
        .contains(
            List.of(
                "2018/19",
                "£473,766",
                "\u2212£597,240",
                "\u221256%",
                "£12,725,764",
                "Seed Table 1"));

    List<List<String>> gaps = new ArrayList<>();
    for (JsonNode g : api.get("gapByYear")) {
      gaps.add(
          List.of(
              g.get("financialYear").asText(),
              money(g.get("allocation")),
              money(g.get("fall")),
              money(g.get("servicesAtRisk")),
              money(g.get("coCommissionedDelivery")),
              money(g.get("gapLeft"))));
    }
    assertThat(rows("funding-gap")).isEqualTo(gaps);

    List<List<String>> delivered = new ArrayList<>();
    for (JsonNode year : api.get("coCommissioned").get("byYear")) {
      for (JsonNode p : year.get("projects")) {
        delivered.add(
            List.of(
                year.get("financialYear").asText(),
                p.get("title").asText() + " (" + p.get("reference").asText() + ")",
                p.get("scope").asText().equals("PAN_LONDON") ? "Pan-London" : "Sub-regional",
                money(p.get("annualCost")),
                p.get("sharedBy").asInt() + " boroughs",
                money(p.get("share"))));
      }
      delivered.add(
          List.of(year.get("financialYear").asText() + " total", "", money(year.get("total"))));
    }
    assertThat(rows("funded-projects")).isEqualTo(delivered);
    assertThat(delivered).anyMatch(row -> row.get(1).endsWith("(" + funded + ")"));
    assertThat(browser.findElement(By.id("apportioning-rule")).getText())
        .contains(api.get("coCommissioned").get("apportioningRule").asText());

    List<String> services = new ArrayList<>();
    api.get("servicesAtRisk").forEach(s -> services.add(s.get("name").asText()));
    assertThat(
            services.isEmpty()
                ? List.of()
                : rows("services-at-risk").stream().map(r -> r.get(0)).toList())
        .isEqualTo(services);
    System.out.println(
        "Westminster's page equals GET /api/boroughs/E09000033: "
            + allocations.size()
            + " allocation years, "
            + gaps.size()
            + " gap years, "
            + delivered.size()
            + " delivery rows, "
            + services.size()
            + " services at risk");
  }

  @Test
  void westminstersScrutinyCommitteeReachesItsOwnPageOnlyAndHasNoTask() {
    pages.logIn("westminster-scrutiny");
    openTasks(IdentityBootstrap.FILTER_MY_GROUPS);
    assertThat(browser.findElements(By.cssSelector(".tasks-list li.task"))).isEmpty();
    openTasks(IdentityBootstrap.FILTER_MY_TASKS);
    assertThat(browser.findElements(By.cssSelector(".tasks-list li.task"))).isEmpty();
    pages.screenshot("scrutiny-tasklist");
    assertThat(fetch("/camunda/api/engine/engine/default/task/count"))
        .as("Tasklist's own API counts no task for a scrutiny committee")
        .isEqualTo("200 {\"count\":0}");

    pages.open("/boroughs/" + WESTMINSTER);
    pages.screenshot("scrutiny-westminster");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Westminster");
    assertThat(browser.findElement(By.id("headline")).getText()).contains("\u221256%");
    assertThat(browser.findElements(By.id("public-parts"))).as("in full").isEmpty();
    assertThat(browser.getPageSource()).contains("Funding gap by year");

    pages.open("/boroughs/" + CAMDEN);
    pages.screenshot("scrutiny-camden-refused");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("You cannot see this page");
    assertThat(browser.getPageSource()).doesNotContain("Camden").doesNotContain("£");

    browser.get(pages.url("/funds"));
    pages.screenshot("scrutiny-funds-refused");
    assertThat(browser.findElements(By.cssSelector("table"))).isEmpty();
    // The API takes HTTP Basic, never this session; BoroughPagesTest checks it with Basic.
    for (String refused : List.of("/boroughs/" + CAMDEN, "/boroughs", "/funds")) {
      assertThat(fetch(refused)).as(refused).startsWith("403 ");
    }
    assertThat(fetch("/boroughs/" + WESTMINSTER)).startsWith("200 ");
  }

  /**
   * A project delivered in Westminster, Camden and Islington, funded through the whole round, so
   * that the page has funded projects to show whether or not other tests funded any. (No service at
   * risk is added: Westminster's are BoroughFundingApiTest's.)
   */
  private String fundAProjectInWestminster() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    try {
      FundDriver fund = new FundDriver(context);
      String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("BB"), Fixtures.NOW));
      fund.publish(roundId, List.of("FEMALE_OFFENDING"));
      String ref =
          fund.toAssessment(
              roundId,
              Fixtures.eligibleEoi("Westminster women's centres", FundDriver.CONTACT),
              "applicant1");
      fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
      fund.assess(ref, "assessor2", 4, 4, 4, 4, 4);
      fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
      fund.complete(
          fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
          FundingRoundProcess.VAR_FUNDED_REFERENCES,
          ref,
          FundingRoundProcess.VAR_DEFERRED_REFERENCES,
          "");
      fund.complete(
          fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
          FundingRoundProcess.VAR_AWARDS_APPROVED,
          true);
      fund.recordDecisionOfRecord(roundId, "PCD 310");
      // The grant agreement is signed and the services start, so that no task of this round stays
      // open for the other tests' reminder sweeps.
      fund.complete(
          fund.task(ref, ProposalProcess.TASK_CONFIRM_GRANT_AGREEMENT),
          ProposalProcess.VAR_GRANT_AGREEMENT_SIGNED,
          true,
          ProposalProcess.VAR_AGREEMENT_DATE,
          "2026-09-15");
      fund.moveTo(rounds.get(roundId).dates().serviceStartDate().toInstant().plusSeconds(60));
      return ref;
    } finally {
      ClockUtil.reset();
    }
  }

  /** A page's GET from within the signed-in browser: its status, a space, and its body. */
  private String fetch(String path) {
    Object result =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t)))"
                    + ".catch(e => done('failed ' + e));",
                path);
    return String.valueOf(result);
  }

  /** The table's body rows, each as its cells' text. */
  private List<List<String>> rows(String tableId) {
    WebElement table = browser.findElement(By.id(tableId));
    List<List<String>> rows = new ArrayList<>();
    for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
      rows.add(
          row.findElements(By.cssSelector("th, td")).stream()
              .map(cell -> cell.getText().strip())
              .toList());
    }
    return rows;
  }

  /** Money as the page writes it: £1,234, a true minus sign below zero, "-" for none. */
  private static String money(JsonNode amount) {
    if (amount == null || amount.isNull()) {
      return "-";
    }
    long value = amount.asLong();
    return value < 0 ? "\u2212" + Formats.money(-value) : Formats.money(value);
  }

  private static String change(JsonNode change) {
    if (change == null || change.isNull()) {
      return "";
    }
    return (change.asLong() > 0 ? "+" : "") + money(change);
  }

  private static String percent(JsonNode percent) {
    if (percent == null || percent.isNull()) {
      return "";
    }
    int value = percent.asInt();
    return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + Math.abs(value) + "%";
  }

  private void openTasks(String filterName) {
    String filter = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    browser.navigate().to(pages.url("/camunda/app/tasklist/default/#/?filter=" + filter));
    wait.until(
        driver ->
            driver.getCurrentUrl().contains("filter=" + filter)
                && !driver
                    .findElements(By.cssSelector("[cam-tasks] .tasks-list, [cam-tasks] .well"))
                    .isEmpty());
  }
}
