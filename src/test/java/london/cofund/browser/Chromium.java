package london.cofund.browser;

import java.io.File;
import java.nio.file.Path;
import london.cofund.environment.ChromiumCondition;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by Debian's chromedriver: never a downloaded browser. */
final class Chromium {

  private Chromium() {}

  /**
   * A fresh headless Chromium with its own profile.
   *
   * @param what what the browser is for, named in the failure if it cannot start
   */
  static WebDriver start(Path profile, String what) {
    String chromium = ChromiumCondition.browser().toString();
    String chromedriver = ChromiumCondition.driver().toString();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000");
    try {
      return new ChromeDriver(service, options);
    } catch (WebDriverException | IllegalStateException e) {
      throw new AssertionError(
          "Chromium could not start on this machine ("
              + chromium
              + " driven by "
              + chromedriver
              + "), so "
              + what
              + " cannot be tested in a browser: "
              + e.getMessage(),
          e);
    }
  }
}
