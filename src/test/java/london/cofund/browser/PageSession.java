package london.cofund.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at CoFund's pages in Chromium: signs in once through the webapps' login, opens pages,
 * keeps screenshots under {@code target/screenshots} and has axe-core check each page for serious
 * or critical violations. One place for what every browser test of the pages does.
 */
final class PageSession {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final int port;

  PageSession(WebDriver browser, WebDriverWait wait, int port) {
    this.browser = browser;
    this.wait = wait;
    this.port = port;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs in through Tasklist's login, which every page's sign-in sends people to. */
  void logIn(String user) {
    browser.get(url("/camunda/app/tasklist/default/"));
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

  /** Opens a page and waits for its heading. */
  void open(String path) {
    browser.get(url(path));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
  }

  void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps a screenshot, then fails on any serious or critical axe-core violation. */
  void assertAccessible(String name) {
    screenshot(name);
    Results results = new AxeBuilder().analyze(browser);
    List<String> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .map(PageSession::describe)
            .toList();
    System.out.println(
        "axe-core on "
            + name
            + ": "
            + results.getPasses().size()
            + " rules passed, "
            + results.getViolations().size()
            + " violated, "
            + serious.size()
            + " serious or critical");
    assertThat(serious).as(name).isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp();
  }
}
