package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.borough.LondonBorough;
import london.cofund.environment.RequiresChromium;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.IdentityBootstrap;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.SignOff;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The real Camunda Tasklist in a real, headless Chromium: a person logs in, opens a CoFund task,
 * reads the brief its Camunda Form shows (the task-local {@code taskBrief}, Markdown in a form-js
 * text view), claims the task, fills the fields and completes it; the engine then holds the answer.
 * The engine clock is left alone, so the tasks made here are the newest in Tasklist's lists, which
 * sort by creation time, newest first, 15 to a page. Skipped where Chromium or chromedriver is not
 * on the PATH, required under {@code CI=true}.
 */
@CoFundSpringTest
@RequiresChromium
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired FilterService filters;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @TempDir Path profile;

  private WebDriver browser;
  private WebDriverWait wait;
  private FundDriver fund;

  @BeforeEach
  void startChromium() {
    ClockUtil.reset();
    fund = new FundDriver(context);
    browser = chromium(profile);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
    ClockUtil.reset();
  }

  @Test
  void mopacAgreesTheShortListInTasklistFromTheLongListChecklist() {
    String roundId = Fixtures.newRoundId("TL");
    fund.openRound(Fixtures.round(roundId, Instant.now()));
    for (Task comment : fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES)) {
      String borough =
          (String) tasks.getVariable(comment.getId(), FundingRoundProcess.VAR_BOROUGH_GROUP);
      tasks.complete(
          comment.getId(),
          Map.of(
              FundingRoundProcess.VAR_PRIORITY_COMMENTS,
              borough.equals(LondonBorough.WESTMINSTER.groupId())
                  ? "Keep youth offending in."
                  : "No comment."));
    }
    fund.run();
    Task shortlist = fund.task(roundId, FundingRoundProcess.TASK_AGREE_SHORTLIST);

    logIn("mopac");
    openTask(shortlist.getId());
    WebElement brief = browser.findElement(By.cssSelector(".fjs-form-field-text"));
    assertThat(brief.findElement(By.tagName("h3")).getText())
        .isEqualTo("Tranche 1 " + roundId + " (" + roundId + "), tranche 1");
    assertThat(brief.findElements(By.tagName("code")).stream().map(WebElement::getText))
        .containsExactly("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING", "GANGS");
    assertThat(brief.getText())
        .contains("Boroughs' comments (32 of 32)", "Westminster: Keep youth offending in.")
        .doesNotContain("###", "**");
    assertThat(checklistLabels())
        .containsExactly(
            "CSE: Child sexual exploitation",
            "FEMALE_OFFENDING: Female offending",
            "SEXUAL_VIOLENCE: Sexual violence",
            "YOUTH_OFFENDING: Youth offending",
            "GANGS: Gangs and serious youth violence");

    claim(shortlist.getId(), "mopac");
    tick("CSE: Child sexual exploitation");
    tick("SEXUAL_VIOLENCE: Sexual violence");
    complete(shortlist.getId());

    assertCompletedBy(shortlist.getId(), "mopac");
    assertThat(rounds.get(roundId).shortlist()).containsExactly("CSE", "SEXUAL_VIOLENCE");
    assertThat(
            runtime.getVariable(
                shortlist.getProcessInstanceId(), FundingRoundProcess.VAR_SHORTLIST))
        .as("the checklist's answer, sent by Tasklist as JSON")
        .hasToString("[\"CSE\",\"SEXUAL_VIOLENCE\"]");
    assertThat(
            runtime.getVariable(
                shortlist.getProcessInstanceId(), FundingRoundProcess.VAR_SHORTLIST_CODES))
        .isEqualTo(List.of("CSE", "SEXUAL_VIOLENCE"));
    assertThat(fund.tasks(roundId, FundingRoundProcess.TASK_REVIEW_SHORTLIST))
        .as("the round moved on, to the working group's review")
        .hasSize(1);
  }

  @Test
  void camdenSeesOnlyItsOwnSignOffInTasklistAndConfirmsIt() {
    String roundId = Fixtures.newRoundId("TL");
    rounds.register(Fixtures.round(roundId, Instant.now()), "mopac");
    rounds.agreeShortlist(
        roundId, List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(roundId);
    String ref =
        fund.submit(
            roundId,
            Fixtures.eligibleEoi("Women's centres in Tasklist", FundDriver.CONTACT),
            "applicant1");
    Task camden = signOffTask(ref, LondonBorough.CAMDEN);
    Task westminster = signOffTask(ref, LondonBorough.WESTMINSTER);

    logIn("camden");
    openGroupTasks();
    WebElement camdenLink =
        wait.until(ExpectedConditions.presenceOfElementLocated(taskLink(camden.getId())));
    List<String> listed =
        browser.findElements(By.cssSelector(".tasks-list li.task h4.task a")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(listed)
        .as("Camden's list: the two sign-offs were created together, newest first")
        .anyMatch(href -> href.endsWith("?task=" + camden.getId()))
        .noneMatch(href -> href.contains(westminster.getId()));
    By camdenItem =
        By.xpath(
            "//li[contains(@class,'task')][.//a[contains(@href,'task=" + camden.getId() + "')]]");
    String item =
        wait.until(
            driver -> {
              try {
                String text = driver.findElement(camdenItem).getText();
                return text.contains("Women's centres in Tasklist") ? text : null;
              } catch (WebDriverException listRedrawn) {
                return null;
              }
            });
    assertThat(item)
        .as("the list shows the bid's reference and title")
        .contains(ref, "Women's centres in Tasklist");
    camdenLink = wait.until(ExpectedConditions.elementToBeClickable(taskLink(camden.getId())));
    click(camdenLink);
    waitForForm(camden.getId());
    String brief = browser.findElement(By.cssSelector(".fjs-form-field-text")).getText();
    assertThat(brief)
        .contains(
            "Confirm that Camden council is a core supporting partner",
            "Women's centres in Tasklist (" + ref + ")",
            "delivered in Camden, Islington, Westminster");
    assertThat(
            browser
                .findElements(
                    By.cssSelector(".fjs-form-field-radio label.fjs-form-field-label input"))
                .stream()
                .map(input -> input.findElement(By.xpath("..")).getText()))
        .containsExactly("Yes, we confirm", "No, we decline");

    claim(camden.getId(), "camden");
    click(
        browser.findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)="
                    + "'Yes, we confirm']/input")));
    WebElement comment = browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea"));
    click(comment);
    comment.sendKeys("Camden's community safety team will host the referral hub.");
    complete(camden.getId());

    assertCompletedBy(camden.getId(), "camden");
    assertThat(proposals.signOffs(ref))
        .containsExactly(
            new SignOff(
                LondonBorough.CAMDEN.groupId(),
                true,
                "Camden's community safety team will host the referral hub.",
                "camden"));
    assertThat(tasks.createTaskQuery().taskId(westminster.getId()).count())
        .as("Westminster's is still its own")
        .isOne();

    // Even with a link to Westminster's task, Camden gets no form, only "no matching task".
    browser
        .navigate()
        .to(
            tasklist()
                + "#/?filter="
                + filterId(IdentityBootstrap.FILTER_MY_GROUPS)
                + "&task="
                + westminster.getId());
    wait.until(driver -> !errors().isEmpty());
    assertThat(errors())
        .singleElement()
        .asString()
        .contains("No matching task with id " + westminster.getId());
    assertThat(browser.findElements(By.cssSelector(".fjs-form"))).isEmpty();
  }

  @Test
  void mopacGivesFeedbackInTasklistAndTheApplicantReadsItInThePortal() {
    String roundId = Fixtures.newRoundId("TL");
    rounds.register(Fixtures.round(roundId, Instant.now()), "mopac");
    rounds.agreeShortlist(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    rounds.publish(roundId);
    String ref =
        fund.submit(
            roundId,
            Fixtures.eligibleEoi("Feedback in the portal", FundDriver.CONTACT),
            "applicant1");
    fund.confirmEveryBorough(ref);
    Task feedback = fund.task(ref, ProposalProcess.TASK_GIVE_EOI_FEEDBACK);

    logIn("mopac");
    openTask(feedback.getId());
    claim(feedback.getId(), "mopac");
    click(
        browser.findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)="
                    + "'Accept with modification']/input")));
    WebElement text = browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea"));
    click(text);
    text.sendKeys("Name the referral pathway from probation in the full proposal.");
    complete(feedback.getId());
    assertCompletedBy(feedback.getId(), "mopac");

    // The applicant signs in (the webapps' login, as the portal asks) and reads it on the bid.
    browser.manage().deleteAllCookies();
    logIn("applicant1");
    browser.navigate().to("http://localhost:" + port + "/apply/bids/" + ref);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("eoi-feedback")));
    assertThat(browser.findElement(By.id("eoi-outcome")).getText())
        .isEqualTo("Accept with modification");
    assertThat(browser.findElement(By.id("eoi-feedback")).getText())
        .isEqualTo("Name the referral pathway from probation in the full proposal.");
  }

  // ---- Tasklist, as a person uses it

  private void logIn(String user) {
    browser.get(tasklist());
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
        .sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters")));
  }

  /** Opens the list of tasks offered to the user's groups, newest first. */
  private void openGroupTasks() {
    String filter = filterId(IdentityBootstrap.FILTER_MY_GROUPS);
    browser.navigate().to(tasklist() + "#/?filter=" + filter);
    wait.until(
        driver ->
            driver.getCurrentUrl().contains("filter=" + filter)
                && !driver
                    .findElements(By.cssSelector("[cam-tasks] .tasks-list, [cam-tasks] .well"))
                    .isEmpty());
  }

  /**
   * Opens the task by its link, as from an email, once the list of the user's groups' tasks is
   * shown (Tasklist forgets a task opened together with a change of filter).
   */
  private void openTask(String taskId) {
    openGroupTasks();
    browser
        .navigate()
        .to(
            tasklist()
                + "#/?filter="
                + filterId(IdentityBootstrap.FILTER_MY_GROUPS)
                + "&task="
                + taskId);
    waitForForm(taskId);
  }

  private void waitForForm(String taskId) {
    waitOrExplain(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".fjs-form .fjs-form-field-text")),
        "the Camunda Form of task " + taskId);
  }

  /**
   * Claims the task, as Tasklist asks before a form can be completed. Tasklist then reloads the
   * task and may render the form again; reloading the page once the engine has the claim gives one
   * stable form to fill.
   */
  private void claim(String taskId, String user) {
    click(browser.findElement(By.cssSelector("button.claim")));
    wait.until(
        driver -> user.equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
    browser.navigate().refresh();
    waitForForm(taskId);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  private List<String> checklistLabels() {
    return browser
        .findElements(By.cssSelector(".fjs-form-field-checklist label.fjs-form-field-label input"))
        .stream()
        .map(input -> input.findElement(By.xpath("..")).getText())
        .toList();
  }

  private void tick(String label) {
    WebElement box =
        browser.findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-checklist')]"
                    + "//label[normalize-space(.)='"
                    + label
                    + "']/input"));
    click(box);
    assertThat(box.isSelected()).as(label).isTrue();
  }

  /** Clicks an element once it is in the middle of the window, clear of Tasklist's fixed footer. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Clicks Complete and waits until the engine no longer has the task, or Tasklist shows an error.
   */
  private void complete(String taskId) {
    click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
    wait.until(
        driver -> tasks.createTaskQuery().taskId(taskId).count() == 0 || !errors().isEmpty());
    assertThat(errors()).as("Tasklist's notifications").isEmpty();
  }

  private List<String> errors() {
    return browser.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void waitOrExplain(ExpectedCondition<?> condition, String what) {
    try {
      wait.until(condition);
    } catch (WebDriverException e) {
      throw new AssertionError(
          "Tasklist did not show "
              + what
              + "; notifications "
              + errors()
              + "; page saved to "
              + savePage(),
          e);
    }
  }

  private String savePage() {
    try {
      Path page = Files.createTempFile("tasklist-", ".html");
      Files.writeString(page, browser.getPageSource());
      return page.toString();
    } catch (java.io.IOException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }

  private static By taskLink(String taskId) {
    return By.cssSelector(".tasks-list li.task h4.task a[href$='?task=" + taskId + "']");
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  // ---- the engine's side

  private Task signOffTask(String ref, LondonBorough borough) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(ProposalProcess.TASK_CONFIRM_CORE_PARTNER)
        .taskCandidateGroup(borough.groupId())
        .singleResult();
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private void assertCompletedBy(String taskId, String user) {
    HistoricTaskInstance done =
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(user);
  }

  /**
   * Debian's Chromium through Debian's chromedriver, both as found on the PATH and named explicitly
   * so that Selenium never looks for (or downloads) a browser or a driver; headless, with a profile
   * of its own.
   */
  private static WebDriver chromium(Path profile) {
    return Chromium.start(profile, "Tasklist");
  }
}
