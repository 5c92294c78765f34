package london.cofund.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A cluster of CoFund nodes for the tests: each node the built jar in a JVM of its own ({@link
 * AppProcess}), with its own {@code cofund.node.name}, all on one fresh PostgreSQL database of
 * their own (created here, dropped at {@link #close()}) and one SMTP server (GreenMail, in the
 * test). The engine's schema is Flyway's (schema-update off), as in {@code prod}.
 */
final class ClusterNodes implements AutoCloseable {

  /** The prod profile's first administrator in these tests. */
  static final String ADMIN_PASSWORD = "cluster-admin-secret-1";

  final Path work;
  final PostgresDatabase database;
  final GreenMail smtp;
  final List<AppProcess> nodes = new ArrayList<>();
  private final String name;

  private ClusterNodes(String name) throws Exception {
    this.name = name;
    this.work = Files.createTempDirectory("cofund-" + name);
    this.database = new PostgresDatabase("cofund_" + name);
    this.smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
  }

  /**
   * Nodes in the {@code prod} profile: the administrator from the settings, no demo users.
   *
   * @param perNode each node's own settings, one list per node
   */
  static ClusterNodes prod(String name, List<List<String>> perNode) throws Exception {
    ClusterNodes cluster = new ClusterNodes(name);
    for (int i = 0; i < perNode.size(); i++) {
      List<String> settings = cluster.common(i);
      settings.add("--spring.profiles.active=prod");
      settings.add("--cofund.admin.user=admin");
      settings.add("--cofund.admin.password=" + ADMIN_PASSWORD);
      overlay(settings, perNode.get(i));
      cluster.nodes.add(
          new AppProcess(cluster.nodeWork(i), settings).password("admin", ADMIN_PASSWORD));
    }
    return cluster;
  }

  /**
   * Nodes in the demo profile (its logins, password {@code demo}, which the tests' rounds need) but
   * with the production database path: PostgreSQL, the engine's schema by Flyway, the shared SMTP
   * server instead of each node's embedded sink.
   */
  static ClusterNodes demoLogins(String name, List<List<String>> perNode) throws Exception {
    ClusterNodes cluster = new ClusterNodes(name);
    for (List<String> own : perNode) {
      cluster.addDemoLoginsNode(own);
    }
    return cluster;
  }

  /** A cluster of no node yet: add them with {@link #addDemoLoginsNode}. */
  static ClusterNodes empty(String name) throws Exception {
    return new ClusterNodes(name);
  }

  /** Adds a node as {@link #demoLogins} makes them, with its own settings; not started. */
  AppProcess addDemoLoginsNode(List<String> own) throws Exception {
    List<String> settings = common(nodes.size());
    settings.add("--camunda.bpm.database.schema-update=false");
    settings.add("--cofund.mail.sink-enabled=false");
    overlay(settings, own);
    AppProcess node = new AppProcess(nodeWork(nodes.size()), settings);
    nodes.add(node);
    return node;
  }

  private List<String> common(int index) {
    List<String> settings = new ArrayList<>(database.settings(database.host, database.port));
    settings.add("--spring.mail.host=127.0.0.1");
    settings.add("--spring.mail.port=" + smtp.getSmtp().getPort());
    settings.add("--cofund.node.name=" + nodeName(index));
    return settings;
  }

  /** The settings with a node's own ones last, each replacing a common one of the same key. */
  private static void overlay(List<String> settings, List<String> own) {
    for (String setting : own) {
      String key = setting.substring(0, setting.indexOf('=') + 1);
      settings.removeIf(s -> s.startsWith(key));
      settings.add(setting);
    }
  }

  /** A node's own directory for its logs. */
  private Path nodeWork(int index) throws java.io.IOException {
    return Files.createDirectories(work.resolve(nodeName(index)));
  }

  static String nodeName(int index) {
    return "node-" + (char) ('a' + index);
  }

  AppProcess node(int index) {
    return nodes.get(index);
  }

  /** Starts every node at the same moment and waits until each answers UP. */
  void startAll() throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<?>> started = new ArrayList<>();
      for (AppProcess node : nodes) {
        started.add(
            starters.submit(
                () -> {
                  node.start();
                  return null;
                }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      starters.shutdownNow();
    }
  }

  /** The rows of a query on the cluster's database, each column by its (lower-case) label. */
  List<Map<String, Object>> query(String sql) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection db = database.connect();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.put(meta.getColumnLabel(c).toLowerCase(), rs.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String sql) throws Exception {
    return ((Number) query(sql).get(0).values().iterator().next()).longValue();
  }

  /** Until no job is due (locked or not; timers of later deadlines aside), or the time is up. */
  boolean waitUntilNoJobs(java.time.Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (count(
              "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                  + " and (DUEDATE_ is null or DUEDATE_ <= now())")
          == 0) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  @Override
  public void close() throws Exception {
    for (AppProcess node : nodes) {
      node.kill();
    }
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).keepLogs(name + "/" + nodeName(i));
    }
    smtp.stop();
    database.close();
    try (var files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
