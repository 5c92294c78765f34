package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application as people run it, a jar in a process of its own on an H2 file, killed with {@code
 * kill -9} twice while 8 clients submit 200 EOIs, and restarted on the same file each time. Every
 * EOI acknowledged with a 201 is there afterwards, exactly once, under the reference it was given;
 * no reference is handed out twice; each receipt email is sent once. It prints its counts.
 *
 * <p>Run by the {@code reliability} profile (after the README's test command, in {@code .ci/run}),
 * against the jar that {@code ./mvnw verify} built.
 */
class CrashRestartIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int EOIS = 200;
  static final int CLIENTS = 8;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  Path data;
  int port;
  int smtp;
  Process app;
  volatile boolean up;
  final List<Path> logs = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (data != null) {
      // The H2 file grows to hundreds of megabytes: leave nothing behind.
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void acknowledgedEoisSurviveTwoKillsExactlyOnceAndTheirReferencesAreNeverReused()
      throws Exception {
    data = Files.createTempDirectory("cofund-crash");
    port = freePort();
    smtp = freePort();
    start();
    String roundId = openRoundForEois();

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            int n;
            while ((n = next.getAndIncrement()) < EOIS) {
              waitUntilUp();
              String title = "Crash EOI " + n;
              try {
                HttpResponse<String> response =
                    send("POST", "/api/rounds/" + roundId + "/eois", "applicant1", eoi(title));
                if (response.statusCode() == 201) {
                  acknowledged.put(JSON.readTree(response.body()).get("reference").asText(), title);
                }
              } catch (IOException | RuntimeException e) {
                // In flight when the process died: not acknowledged.
              }
            }
            return null;
          });
    }
    int[] killAt = {EOIS / 4, EOIS * 3 / 5};
    for (int threshold : killAt) {
      while (acknowledged.size() < threshold && next.get() < EOIS) {
        Thread.sleep(20);
      }
      up = false;
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      System.out.println("Killed with " + acknowledged.size() + " EOIs acknowledged");
      start();
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    waitForJobs();
    up = false;
    app.destroy();
    app.waitFor(60, TimeUnit.SECONDS);

    Map<String, String> stored = new HashMap<>();
    Map<String, Integer> referencesPerTitle = new HashMap<>();
    int receiptsTwice;
    int withoutProcess = 0;
    int incidents;
    try (Connection db =
        DriverManager.getConnection(
            "jdbc:h2:file:" + data.resolve("cofund") + ";AUTO_SERVER=FALSE", "sa", "")) {
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select reference, title from cf_proposal where round_id = '" + roundId + "'")) {
        while (rs.next()) {
          stored.put(rs.getString(1), rs.getString(2));
          referencesPerTitle.merge(rs.getString(2), 1, Integer::sum);
        }
      }
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select count(*) from (select proposal_reference from cf_mail_outbox"
                      + " where template_name = 'EOI_RECEIVED' and status = 'SENT'"
                      + " group by proposal_reference having count(*) > 1)")) {
        rs.next();
        receiptsTwice = rs.getInt(1);
      }
      for (String reference : stored.keySet()) {
        try (ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = '"
                        + reference
                        + "'")) {
          rs.next();
          if (rs.getInt(1) != 1) {
            withoutProcess++;
          }
        }
      }
      try (ResultSet rs =
          db.createStatement().executeQuery("select count(*) from ACT_RU_INCIDENT")) {
        rs.next();
        incidents = rs.getInt(1);
      }
    }
    long lost = acknowledged.keySet().stream().filter(r -> !stored.containsKey(r)).count();
    long reused =
        acknowledged.entrySet().stream()
            .filter(e -> stored.containsKey(e.getKey()))
            .filter(e -> !e.getValue().equals(stored.get(e.getKey())))
            .count();
    long duplicated = referencesPerTitle.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "Crash and restart (H2 file, 2 x kill -9, %d EOIs from %d clients): acknowledged %d,"
            + " present %d, lost %d, duplicated %d, references reused %d, receipts sent twice %d,"
            + " proposals without a process %d, incidents %d%n",
        EOIS,
        CLIENTS,
        acknowledged.size(),
        stored.size(),
        lost,
        duplicated,
        reused,
        receiptsTwice,
        withoutProcess,
        incidents);
    assertThat(acknowledged.size()).isGreaterThan(EOIS / 2);
    assertThat(lost).as("acknowledged EOIs lost").isZero();
    assertThat(duplicated).as("EOIs stored twice").isZero();
    assertThat(reused).as("references given to another bid").isZero();
    assertThat(receiptsTwice).as("receipts sent twice").isZero();
    assertThat(withoutProcess).as("proposals without their process").isZero();
  }

  // ---- the application as a process

  private void start() throws Exception {
    Path jar =
        Files.list(Path.of("target"))
            .filter(p -> p.getFileName().toString().matches("cofund-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw verify"));
    Path log = data.resolve("app-" + logs.size() + ".log");
    logs.add(log);
    app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:"
                    + data.resolve("cofund")
                    + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "--cofund.mail.sink-port=" + smtp,
                "--cofund.node.name=crash-test-node",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
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
      if (!app.isAlive()) {
        throw new IllegalStateException("CoFund did not start: see " + log);
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("CoFund did not come up within 240 s: see " + log);
  }

  private void waitUntilUp() {
    while (!up) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Until no job is due: receipts sent, screenings done. */
  private void waitForJobs() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      JsonNode count =
          JSON.readTree(
              send("GET", "/engine-rest/job/count?executable=true", "admin", null).body());
      if (count.get("count").asInt() == 0) {
        return;
      }
      Thread.sleep(1000);
    }
  }

  // ---- a round open for EOIs, over HTTP as the roles would

  private String openRoundForEois() throws Exception {
    String roundId = Fixtures.newRoundId("CRASH");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ObjectNode round = HttpApi.jsonOf(Fixtures.round(roundId, now.toInstant()));
    expect(201, send("POST", "/api/rounds", "mopac", round.toString()));
    for (JsonNode task : tasks(roundId, "Task_CommentOnPriorities", 32)) {
      complete(task, "admin", Map.of("priorityComments", Map.of("value", "Agreed.")));
    }
    complete(
        tasks(roundId, "Task_AgreeShortlist", 1).get(0),
        "mopac",
        Map.of("shortlist", Map.of("value", "CSE,FEMALE_OFFENDING")));
    complete(
        tasks(roundId, "Task_SignOffProspectus", 1).get(0),
        "leaders",
        Map.of("prospectusApproved", Map.of("value", true, "type", "Boolean")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode view = JSON.readTree(send("GET", "/api/rounds/" + roundId, "mopac", null).body());
      if ("OPEN_FOR_EOIS".equals(view.get("stage").asText())) {
        return roundId;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Round " + roundId + " never opened for EOIs");
  }

  private List<JsonNode> tasks(String roundId, String key, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode list =
          JSON.readTree(
              send(
                      "GET",
                      "/engine-rest/task?maxResults=100&processInstanceBusinessKey="
                          + roundId
                          + "&taskDefinitionKey="
                          + key,
                      "admin",
                      null)
                  .body());
      if (list.size() >= expected) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(found::add);
        return found;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("No " + key + " for round " + roundId);
  }

  private void complete(JsonNode task, String user, Map<String, Object> variables)
      throws Exception {
    expect(
        204,
        send(
            "POST",
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            user,
            JSON.writeValueAsString(Map.of("variables", variables))));
  }

  private static String eoi(String title) {
    return HttpApi.jsonOf(Fixtures.eligibleEoi(title, FundDriver.CONTACT)).toString();
  }

  private HttpResponse<String> send(String method, String path, String user, String body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
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
                  .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "Expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
