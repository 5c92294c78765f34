package london.cofund.environment;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether Chromium and its chromedriver are on the {@code PATH} (Debian's {@code chromium} and
 * {@code chromium-driver} packages put both in /usr/bin). Browser tests start exactly these, so
 * that Selenium never looks for, or downloads, a browser of its own.
 */
public final class ChromiumCondition extends RequiredEnvironment {

  static final String BROWSER = "chromium";
  static final String DRIVER = "chromedriver";

  /** The Chromium on the PATH. */
  public static Path browser() {
    return onPath(BROWSER).orElseThrow(() -> new IllegalStateException(BROWSER + " not on PATH"));
  }

  /** The chromedriver on the PATH. */
  public static Path driver() {
    return onPath(DRIVER).orElseThrow(() -> new IllegalStateException(DRIVER + " not on PATH"));
  }

  @Override
  Optional<String> missing() {
    List<String> absent = new ArrayList<>();
    for (String program : List.of(BROWSER, DRIVER)) {
      if (onPath(program).isEmpty()) {
        absent.add(program);
      }
    }
    return absent.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(" and ", absent) + " not found on PATH");
  }

  static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isBlank()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
