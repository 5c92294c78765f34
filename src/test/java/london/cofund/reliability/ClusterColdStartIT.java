package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import london.cofund.environment.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two {@code prod} nodes (two JVMs from the built jar) started at the same moment on an empty
 * PostgreSQL database of their own: both come up, the engine's tables and CoFund's are made once
 * (by whichever node takes Flyway's lock first; the other waits and finds them), and every model is
 * deployed once per version. Before Flyway made the engine's tables, one node failed with
 * ENGINE-03015 (duplicate key in pg_type) and had to be restarted by hand.
 */
@RequiresPostgres
class ClusterColdStartIT {

  @Test
  void twoNodesStartingAtOnceOnAnEmptyDatabaseBothComeUpAndDeployEachModelOnce() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.prod("coldstart", List.of(List.of(), List.of()))) {
      long began = System.nanoTime();
      cluster.startAll();
      long seconds = (System.nanoTime() - began) / 1_000_000_000L;

      for (AppProcess node : cluster.nodes) {
        assertThat(node.send("GET", "/actuator/health", null, null).body()).contains("UP");
        node.expect(200, node.send("GET", "/engine-rest/process-definition/count", "admin", null));
      }
      // Each node's metrics, for administrators and monitoring only: the engine's jobs and
      // incidents (cluster-wide, from the database) beside HikariCP's pool.
      AppProcess first = cluster.node(0);
      assertThat(first.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
      String metrics =
          first.expect(200, first.send("GET", "/actuator/prometheus", "admin", null)).body();
      assertThat(metrics)
          .contains("cofund_jobs_due")
          .contains("cofund_jobs_locked")
          .contains("cofund_jobs_failed")
          .contains("cofund_incidents_open{type=\"failedJob\"")
          .contains("camunda_metric_total{name=\"job-successful\"")
          .contains("hikaricp_connections_max");
      String pool =
          metrics
              .lines()
              .filter(l -> l.startsWith("hikaricp_connections_max"))
              .findFirst()
              .orElse("");
      System.out.println("Metrics of node-a: " + pool);
      assertThat(pool).endsWith(" 20.0");
      List<Map<String, Object>> definitions =
          cluster.query(
              "select KEY_ as key, VERSION_ as version, count(*) as n from ACT_RE_PROCDEF"
                  + " group by KEY_, VERSION_ order by KEY_, VERSION_");
      List<Map<String, Object>> decisions =
          cluster.query(
              "select KEY_ as key, VERSION_ as version, count(*) as n from ACT_RE_DECISION_DEF"
                  + " group by KEY_, VERSION_ order by KEY_, VERSION_");
      long deployments = cluster.count("select count(*) from ACT_RE_DEPLOYMENT");
      List<Map<String, Object>> filters =
          cluster.query(
              "select NAME_ as name, count(*) as n from ACT_RU_FILTER group by NAME_ order by"
                  + " NAME_");
      long engineSchemaMigrations =
          cluster.count(
              "select count(*) from flyway_schema_history where version = '140' and success");
      long failedMigrations =
          cluster.count("select count(*) from flyway_schema_history where not success");
      long schemaErrors = 0;
      for (AppProcess node : cluster.nodes) {
        String log = Files.readString(node.log());
        schemaErrors += log.contains("ENGINE-03015") || log.contains("pg_type_typname") ? 1 : 0;
      }
      long proposalDefinitions =
          definitions.stream().filter(d -> "proposal".equals(d.get("key"))).count();
      System.out.printf(
          "Cluster cold start (2 prod nodes at once on an empty PostgreSQL database): both up"
              + " in %d s; deployments %d; process definitions %s; decision definitions %s;"
              + " proposal definitions %d; Tasklist filters %s; engine schema migrations %d,"
              + " failed migrations %d, schema errors in the logs %d%n",
          seconds,
          deployments,
          definitions,
          decisions,
          proposalDefinitions,
          filters,
          engineSchemaMigrations,
          failedMigrations,
          schemaErrors);

      assertThat(proposalDefinitions).as("proposal deployed once").isOne();
      assertThat(definitions).isNotEmpty();
      assertThat(definitions)
          .allSatisfy(
              d -> {
                assertThat(((Number) d.get("version")).intValue()).as(d.toString()).isOne();
                assertThat(((Number) d.get("n")).intValue()).as(d.toString()).isOne();
              });
      assertThat(decisions)
          .allSatisfy(d -> assertThat(((Number) d.get("n")).intValue()).as(d.toString()).isOne());
      assertThat(deployments).as("one deployment of the process application").isOne();
      assertThat(filters)
          .allSatisfy(f -> assertThat(((Number) f.get("n")).intValue()).as(f.toString()).isOne());
      assertThat(engineSchemaMigrations).isOne();
      assertThat(failedMigrations).isZero();
      assertThat(schemaErrors).isZero();
    }
  }
}
