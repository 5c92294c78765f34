package london.cofund.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CoFund's jar in a process of its own, as people run it, for the tests that kill it with {@code
 * kill -9} or take its database away: started with the demo logins, waited for until healthy,
 * spoken to over HTTP. Each start writes its own log under the work directory.
 */
final class AppProcess {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final List<String> settings;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final List<Path> logs = new ArrayList<>();
  final int port;
  private Process process;
  private volatile boolean up;
  private final java.util.Map<String, String> passwords =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param work where the logs go
   * @param settings the run's own {@code --key=value} settings (its database, its mail)
   */
  AppProcess(Path work, List<String> settings) throws IOException {
    this.work = work;
    this.settings = settings;
    this.port = freePort();
  }

  /** The password of a login other than the demo's ({@code demo}), such as prod's admin. */
  AppProcess password(String user, String password) {
    passwords.put(user, password);
    return this;
  }

  /** The process, to learn its pid or whether it is alive. */
  Process process() {
    return process;
  }

  /** Starts the jar and waits until {@code /actuator/health} answers UP. */
  void start() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches("cofund-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw verify"));
    }
    Path log = work.resolve("app-" + logs.size() + ".log");
    logs.add(log);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--camunda.bpm.job-execution.wait-time-in-millis=500");
    command.add("--camunda.bpm.job-execution.max-wait=2000");
    command.addAll(settings);
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      try {
        if (send("GET", "/actuator/health", null, null).body().contains("UP")) {
          up = true;
          return;
        }
      } catch (IOException e) {
        // not yet listening
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("CoFund did not start: see " + log);
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("CoFund did not come up within 240 s: see " + log);
  }

  /** {@code kill -9}: no shutdown hook, no commit that was not already made. */
  void kill() throws InterruptedException {
    up = false;
    if (process != null) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A clean stop (SIGTERM), as an operator would. */
  void stop() throws InterruptedException {
    up = false;
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  boolean isUp() {
    return up;
  }

  /** Blocks the calling client until the application is up again. */
  void waitUntilUp() {
    while (!up) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Copies every start's log to {@code target/reliability-logs/<name>/}, to read after the work
   * directory is gone.
   */
  void keepLogs(String name) throws IOException {
    Path kept = Path.of("target", "reliability-logs", name);
    Files.createDirectories(kept);
    for (Path log : logs) {
      if (Files.exists(log)) {
        Files.copy(
            log,
            kept.resolve(log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The log of the latest start. */
  Path log() {
    return logs.get(logs.size() - 1);
  }

  /** Until no job is due (receipts sent, screenings done), or the time is up. */
  boolean waitForJobs(Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode count =
          JSON.readTree(
              send("GET", "/engine-rest/job/count?executable=true", "admin", null).body());
      if (count.get("count").asInt() == 0) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** One request with HTTP Basic as a demo login (password {@code demo}), or anonymous. */
  HttpResponse<String> send(String method, String path, String user, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (user + ":" + passwords.getOrDefault(user, "demo"))
                          .getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** The response, or an AssertionError naming what came instead. */
  HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "Expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
