package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application as people run it, a jar in a process of its own on an H2 file, killed with {@code
 * kill -9} twice while 8 clients submit 200 EOIs, and restarted on the same file each time. Every
 * EOI acknowledged with a 201 is there afterwards, exactly once, under the reference it was given;
 * no reference is handed out twice; each receipt email is sent once. It prints its counts. {@link
 * CrashRestartPostgresIT} runs the same scenario on PostgreSQL.
 *
 * <p>Run by the {@code reliability} profile (after the README's test command, in {@code .ci/run}),
 * against the jar that {@code ./mvnw verify} built.
 */
class CrashRestartIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int EOIS = 200;
  static final int CLIENTS = 8;

  Path data;
  AppProcess app;

  /** What the printed line calls the database. */
  String database() {
    return "H2 file";
  }

  /** The application's settings for its database; called once, before the first start. */
  List<String> databaseSettings() throws Exception {
    return List.of(
        "--spring.datasource.url=jdbc:h2:file:"
            + data.resolve("cofund")
            + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
  }

  /** The database, opened by the test once the application has stopped. */
  Connection openDatabase() throws Exception {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + data.resolve("cofund") + ";AUTO_SERVER=FALSE", "sa", "");
  }

  /** Drops what the run created in its database, after the application has stopped. */
  void dropDatabase() throws Exception {}

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.kill();
    }
    dropDatabase();
    if (data != null) {
      // The H2 file grows to hundreds of megabytes, and the logs: leave nothing behind.
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void acknowledgedEoisSurviveTwoKillsExactlyOnceAndTheirReferencesAreNeverReused()
      throws Exception {
    data = Files.createTempDirectory("cofund-crash");
    List<String> settings = new ArrayList<>(databaseSettings());
    settings.add("--cofund.mail.sink-port=" + AppProcess.freePort());
    settings.add("--cofund.node.name=crash-test-node");
    app = new AppProcess(data, settings);
    app.start();
    String roundId = new FundOverHttp(app).openRoundForEois("CRASH");

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            int n;
            while ((n = next.getAndIncrement()) < EOIS) {
              app.waitUntilUp();
              String title = "Crash EOI " + n;
              try {
                HttpResponse<String> response =
                    app.send(
                        "POST",
                        "/api/rounds/" + roundId + "/eois",
                        "applicant1",
                        FundOverHttp.eoi(title));
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
      app.kill();
      System.out.println("Killed with " + acknowledged.size() + " EOIs acknowledged");
      app.start();
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    app.waitForJobs(Duration.ofSeconds(180));
    app.stop();

    Map<String, String> stored = new HashMap<>();
    Map<String, Integer> referencesPerTitle = new HashMap<>();
    int receiptsTwice;
    int withoutProcess = 0;
    int incidents;
    try (Connection db = openDatabase()) {
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
                      + " group by proposal_reference having count(*) > 1) twice")) {
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
        "Crash and restart (%s, 2 x kill -9, %d EOIs from %d clients): acknowledged %d,"
            + " present %d, lost %d, duplicated %d, references reused %d, receipts sent twice %d,"
            + " proposals without a process %d, incidents %d%n",
        database(),
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
}
