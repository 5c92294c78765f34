package london.cofund.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node at a time through the startup's setup (groups, grants, Tasklist filters, the first
 * administrator): nodes starting together would otherwise both find a filter missing and both
 * create it (filters have no unique name), and the next start would fail on two of them. On
 * PostgreSQL a session advisory lock, held on a connection of its own while the setup runs; other
 * databases (H2, one node) need none.
 */
final class StartupLock {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "CoFund identity setup", a number no other lock of ours uses. */
  static final long KEY = 0x436f46756e64L;

  private StartupLock() {}

  static void around(DataSource dataSource, Runnable setup) {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      if (!postgres) {
        setup.run();
        return;
      }
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      LOG.debug("Holding the startup lock");
      try {
        setup.run();
      } finally {
        try (Statement statement = connection.createStatement()) {
          statement.execute("select pg_advisory_unlock(" + KEY + ")");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the startup lock", e);
    }
  }
}
