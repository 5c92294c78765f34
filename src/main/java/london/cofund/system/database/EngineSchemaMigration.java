package london.cofund.system.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Flyway migration 140: the Camunda 7.24 engine's schema (its ACT_* tables), created with the
 * engine's own create scripts from the camunda-engine jar, in the order the engine runs them
 * itself. Flyway holds its database lock (on PostgreSQL, an advisory lock) for the whole run, so
 * nodes starting together on an empty database wait for one another instead of racing to create the
 * same tables.
 *
 * <p>A database whose engine tables already exist (made by an earlier CoFund, when the engine
 * created its own schema) is baselined: the migration checks that the schema is 7.24's and records
 * itself as applied without touching it. A later engine version is a new migration of its own that
 * runs the engine's upgrade scripts ({@code org/camunda/bpm/engine/db/upgrade/}).
 */
public final class EngineSchemaMigration implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaMigration.class);

  /** The engine's schema version that this migration creates. */
  static final String ENGINE_MINOR = "7.24";

  /** The engine's order (DbSqlSession#dbSchemaCreate): engine, history, identity, CMMN, DMN. */
  static final List<String> COMPONENTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("140");
  }

  @Override
  public String getDescription() {
    return "camunda engine " + ENGINE_MINOR + " schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String version = engineSchemaVersion(connection);
    if (version != null) {
      if (!version.startsWith(ENGINE_MINOR + ".")) {
        throw new IllegalStateException(
            "The engine's tables exist at version "
                + version
                + ", not "
                + ENGINE_MINOR
                + ".x: upgrade them with Camunda's scripts first (README, Production)");
      }
      LOG.info(
          "The engine's tables exist (schema {}, made by the engine itself): baselined, not"
              + " created",
          version);
      return;
    }
    String database = databaseType(connection);
    for (String component : COMPONENTS) {
      String script =
          "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql";
      ScriptUtils.executeSqlScript(
          connection, new EncodedResource(new ClassPathResource(script), StandardCharsets.UTF_8));
    }
    LOG.info("Created the engine's schema ({}) with its {} scripts", ENGINE_MINOR, database);
  }

  /** The engine's schema version (its schema log's latest), or null where it has no tables. */
  static String engineSchemaVersion(Connection connection) throws SQLException {
    if (!tableExists(connection, "ACT_GE_PROPERTY")) {
      return null;
    }
    // The engine's schema log, one row per create or upgrade script (ACT_GE_PROPERTY's
    // schema.version reads "fox" whatever the version).
    try (PreparedStatement query =
        connection.prepareStatement(
            "select VERSION_ from ACT_GE_SCHEMA_LOG order by cast(ID_ as integer) desc")) {
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : "unknown";
      }
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : List.of(table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Camunda's name for the database, as in its script names. */
  private static String databaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException(
        "No engine scripts for "
            + product
            + " here: use PostgreSQL, or let the engine create its schema"
            + " (camunda.bpm.database.schema-update=true)");
  }
}
