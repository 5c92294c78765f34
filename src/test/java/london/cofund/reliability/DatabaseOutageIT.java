package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import london.cofund.environment.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away for 30 s under light load (2 clients submitting EOIs and reading the round),
 * through a proxy that the test cuts and restores: the shared server is never stopped. While it is
 * away {@code /api} answers 503 with Retry-After, never 500; when it is back the application
 * recovers by itself, and every EOI acknowledged with a 201, before, during or after, is stored. It
 * prints its counts.
 */
@RequiresPostgres
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final int CLIENTS = 2;

  /** The jar's working folder; JUnit removes it after the app is killed. */
  @TempDir Path work;

  PostgresDatabase postgres;
  CuttableProxy proxy;
  AppProcess app;

  @AfterEach
  void cleanUp() throws Exception {
    if (app != null) {
      app.kill();
      app.keepLogs(getClass().getSimpleName());
    }
    if (proxy != null) {
      proxy.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void whileTheDatabaseIsAwayTheApiSays503AndAfterwardsNothingAcknowledgedIsLost()
      throws Exception {
    postgres = new PostgresDatabase("cofund_outage");
    proxy = new CuttableProxy(postgres.host, postgres.port);
    List<String> settings = new ArrayList<>(postgres.settings("127.0.0.1", proxy.port));
    settings.add("--cofund.mail.sink-port=" + AppProcess.freePort());
    settings.add("--cofund.node.name=outage-test-node");
    app = new AppProcess(work, settings);
    app.start();
    String roundId = new FundOverHttp(app).openRoundForEois("OUTAGE");

    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> withoutRetryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> serverErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger unanswered = new AtomicInteger();
    AtomicLong restoredAt = new AtomicLong();
    AtomicLong firstSuccessAfterRestore = new AtomicLong();
    AtomicInteger n = new AtomicInteger();
    long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10 + OUTAGE.toSeconds() + 30);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < stopAt) {
              int i = n.getAndIncrement();
              boolean write = i % 2 == 0;
              try {
                HttpResponse<String> response =
                    write
                        ? app.send(
                            "POST",
                            "/api/rounds/" + roundId + "/eois",
                            "applicant1",
                            FundOverHttp.eoi("Outage EOI " + i))
                        : app.send("GET", "/api/rounds/" + roundId, "mopac", null);
                requests.incrementAndGet();
                int status = response.statusCode();
                statuses.merge((write ? "POST " : "GET ") + status, 1, Integer::sum);
                if (status == 201) {
                  acknowledged.add(
                      AppProcess.JSON.readTree(response.body()).get("reference").asText());
                }
                if (status < 300 && restoredAt.get() != 0) {
                  firstSuccessAfterRestore.compareAndSet(0, System.nanoTime());
                }
                if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                  withoutRetryAfter.add(response.body());
                }
                if (status >= 500 && status != 503) {
                  serverErrors.add(status + " " + response.body());
                }
              } catch (IOException e) {
                requests.incrementAndGet();
                unanswered.incrementAndGet();
              }
              Thread.sleep(250);
            }
            return null;
          });
    }
    Thread.sleep(10_000);
    proxy.cut();
    System.out.println("Database cut at " + requests.get() + " requests");
    Thread.sleep(OUTAGE.toMillis());
    proxy.restore();
    restoredAt.set(System.nanoTime());
    System.out.println("Database back at " + requests.get() + " requests");
    clients.shutdown();
    assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    boolean jobsDone = app.waitForJobs(Duration.ofSeconds(60));

    Set<String> stored = new HashSet<>();
    int incidents;
    int withoutProcess = 0;
    int jobsDue;
    int jobsDueLocked;
    try (Connection db = postgres.connect()) {
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select reference from cf_proposal where round_id = '" + roundId + "'")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      for (String reference : stored) {
        try (ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from act_ru_execution where business_key_ = '"
                        + reference
                        + "' and parent_id_ is null")) {
          rs.next();
          if (rs.getInt(1) != 1) {
            withoutProcess++;
          }
        }
      }
      // Jobs whose run the outage cut short stay locked by this node until their lock expires
      // (5 minutes), then run again.
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select count(*), count(lock_owner_) from act_ru_job where retries_ > 0"
                      + " and (duedate_ is null or duedate_ <= current_timestamp)")) {
        rs.next();
        jobsDue = rs.getInt(1);
        jobsDueLocked = rs.getInt(2);
      }
      try (ResultSet rs =
          db.createStatement().executeQuery("select count(*) from act_ru_incident")) {
        rs.next();
        incidents = rs.getInt(1);
      }
    }
    long lost = acknowledged.stream().filter(r -> !stored.contains(r)).count();
    int unavailable =
        statuses.entrySet().stream()
            .filter(e -> e.getKey().endsWith(" 503"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    double recovery =
        firstSuccessAfterRestore.get() == 0
            ? -1
            : (firstSuccessAfterRestore.get() - restoredAt.get()) / 1e9;
    System.out.printf(
        "Database outage (PostgreSQL behind a proxy, cut for %d s, %d clients): requests %d,"
            + " 503s %d (without Retry-After %d), 500s %d, unanswered %d, acknowledged %d, lost %d,"
            + " proposals without a process %d, incidents %d, first success %.1f s after the"
            + " database was back, jobs done %s (still due %d, of them locked %d); statuses %s%n",
        OUTAGE.toSeconds(),
        CLIENTS,
        requests.get(),
        unavailable,
        withoutRetryAfter.size(),
        serverErrors.size(),
        unanswered.get(),
        acknowledged.size(),
        lost,
        withoutProcess,
        incidents,
        recovery,
        jobsDone,
        jobsDue,
        jobsDueLocked,
        new TreeMap<>(statuses));
    serverErrors.stream().limit(3).forEach(e -> System.out.println("  " + e));
    assertThat(unavailable).as("503s while the database was away").isPositive();
    assertThat(withoutRetryAfter).as("503s without Retry-After").isEmpty();
    assertThat(serverErrors).as("5xx other than 503").isEmpty();
    assertThat(unanswered.get()).as("requests without an answer").isZero();
    assertThat(recovery).as("seconds to the first success after the outage").isBetween(0.0, 60.0);
    assertThat(lost).as("acknowledged EOIs lost").isZero();
    assertThat(withoutProcess).as("proposals without their process").isZero();
  }
}
