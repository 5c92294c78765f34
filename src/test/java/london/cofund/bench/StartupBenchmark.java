package london.cofund.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up and memory (issue 15's last row): the time to ready and the resident set of the CoFund
 * jar, started as {@code java -jar} with its default (demo) profile on a fresh H2 directory,
 * against a bare Camunda 7.24 Spring Boot starter with webapps and engine-rest ({@code
 * bench/bare-starter/}, built here with the wrapper if its jar is missing), started the same way.
 * Each is started {@value #RUNS} times, alternating; the median is reported. Ready: the moment the
 * process prints Spring Boot's "Started … in" line, timed from the launch of {@code java}, so the
 * JVM's own start counts. RSS: {@code VmRSS} of {@code /proc/<pid>/status} once ready, and its peak
 * ({@code VmHWM}). Target: CoFund at most {@value #TARGET_RATIO} times the bare starter's, for
 * both. Not a test: run it with {@code ./mvnw -Pbench verify} (the jar must be built: the {@code
 * package} phase comes first); the table goes to {@code target/bench/startup.md}.
 */
public final class StartupBenchmark {

  static final int RUNS = Integer.getInteger("bench.runs", 3);
  static final double TARGET_RATIO = 1.3;
  static final Path BARE_POM = Path.of("bench", "bare-starter", "pom.xml");
  static final Path BARE_JAR = Path.of("bench", "bare-starter", "target", "bare-starter.jar");
  private static final Pattern STARTED = Pattern.compile("Started (\\w+) in ([0-9.]+) seconds");

  private StartupBenchmark() {}

  record Run(double readySeconds, double reportedSeconds, long rssKb, long peakKb) {}

  public static void main(String[] args) throws Exception {
    Path cofund = cofundJar();
    Path bare = bareJar();
    List<Run> cofundRuns = new ArrayList<>();
    List<Run> bareRuns = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      bareRuns.add(start(bare, "bare"));
      cofundRuns.add(start(cofund, "cofund"));
      System.out.printf(
          Locale.UK, "run %d: bare %s, CoFund %s%n", i + 1, bareRuns.get(i), cofundRuns.get(i));
    }
    double bareReady = median(bareRuns.stream().mapToDouble(Run::readySeconds).toArray());
    double cofundReady = median(cofundRuns.stream().mapToDouble(Run::readySeconds).toArray());
    double bareRss = median(bareRuns.stream().mapToDouble(Run::rssKb).toArray()) / 1024;
    double cofundRss = median(cofundRuns.stream().mapToDouble(Run::rssKb).toArray()) / 1024;
    double bareLog = median(bareRuns.stream().mapToDouble(Run::reportedSeconds).toArray());
    double cofundLog = median(cofundRuns.stream().mapToDouble(Run::reportedSeconds).toArray());
    double barePeak = median(bareRuns.stream().mapToDouble(Run::peakKb).toArray()) / 1024;
    double cofundPeak = median(cofundRuns.stream().mapToDouble(Run::peakKb).toArray()) / 1024;
    String report =
        String.format(
            Locale.UK,
            "Start-up and memory, median of %d starts each (alternating), `java -jar` with default "
                + "JVM settings, the default profile, a fresh H2 directory, %s, %d cores. Target: "
                + "CoFund at most %.1fx the bare starter's, for both.%n%n"
                + "| measure | bare Camunda 7.24 starter with webapps | CoFund | ratio | target |%n"
                + "|---|---|---|---|---|%n"
                + "| time to ready, from launch to \"Started … in\" (s) | %.1f | %.1f | %.2f | %s |%n"
                + "| Spring Boot's own \"Started … in\" figure (s) | %.1f | %.1f | %.2f | |%n"
                + "| RSS when ready, VmRSS (MB) | %.0f | %.0f | %.2f | %s |%n"
                + "| peak RSS up to then, VmHWM (MB) | %.0f | %.0f | %.2f | |%n",
            RUNS,
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            TARGET_RATIO,
            bareReady,
            cofundReady,
            cofundReady / bareReady,
            cofundReady <= TARGET_RATIO * bareReady ? "met" : "NOT MET",
            bareLog,
            cofundLog,
            cofundLog / bareLog,
            bareRss,
            cofundRss,
            cofundRss / bareRss,
            cofundRss <= TARGET_RATIO * bareRss ? "met" : "NOT MET",
            barePeak,
            cofundPeak,
            cofundPeak / barePeak);
    System.out.println(report);
    Files.createDirectories(BenchApplication.DIR);
    Files.writeString(BenchApplication.DIR.resolve("startup.md"), report);
    System.exit(0);
  }

  private static Path cofundJar() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      return jars.filter(p -> p.toString().endsWith(".jar"))
          .filter(p -> !p.toString().endsWith(".original"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No CoFund jar in target/: build it first, ./mvnw -DskipTests package"))
          .toAbsolutePath();
    }
  }

  private static Path bareJar() throws Exception {
    if (!Files.exists(BARE_JAR)) {
      System.out.println("Building the bare starter: ./mvnw -q -f " + BARE_POM + " package");
      Process build =
          new ProcessBuilder("./mvnw", "-q", "-f", BARE_POM.toString(), "package", "-DskipTests")
              .inheritIO()
              .start();
      if (build.waitFor() != 0 || !Files.exists(BARE_JAR)) {
        throw new IllegalStateException("The bare starter did not build");
      }
    }
    return BARE_JAR.toAbsolutePath();
  }

  /** Starts the jar in a fresh directory (so ./data/ is fresh), waits until ready, stops it. */
  private static Run start(Path jar, String name) throws Exception {
    Path dir = Files.createDirectories(BenchApplication.DIR.resolve("startup"));
    Path cwd = Files.createTempDirectory(dir, name + "-");
    Process process =
        new ProcessBuilder(
                "java",
                "-jar",
                jar.toString(),
                "--server.port=0",
                // The demo's embedded SMTP sink, on a free port: another CoFund may hold 2525.
                "--cofund.mail.sink-port=0")
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    long launched = System.nanoTime();
    try {
      CompletableFuture<Double> ready = new CompletableFuture<>();
      java.util.Deque<String> last = new java.util.ArrayDeque<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    last.addLast(line);
                    if (last.size() > 30) {
                      last.removeFirst();
                    }
                    Matcher started = STARTED.matcher(line);
                    if (started.find() && !ready.isDone()) {
                      ready.complete(Double.parseDouble(started.group(2)));
                    }
                  }
                  ready.completeExceptionally(
                      new IllegalStateException(name + " exited:\n" + String.join("\n", last)));
                } catch (IOException e) {
                  ready.completeExceptionally(e);
                }
              });
      reader.setDaemon(true);
      reader.start();
      double reported = ready.get(180, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - launched) / 1e9;
      return new Run(
          seconds, reported, status(process.pid(), "VmRSS"), status(process.pid(), "VmHWM"));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** A figure in kB from /proc/<pid>/status, such as VmRSS. */
  private static long status(long pid, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException(key + " not in /proc/" + pid + "/status");
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
