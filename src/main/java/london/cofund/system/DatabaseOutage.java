package london.cofund.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached from any other failure, however the engine, MyBatis,
 * Spring or the pool wrapped it: such a request stored nothing and may be sent again, so it is a
 * 503 with Retry-After, never a 500. A dropped connection shows as SQL state class 08 (connection
 * exception: PostgreSQL's I/O error, the pool's closed connection), a refused one as {@link
 * ConnectException}, an exhausted wait for the pool as {@link SQLTransientConnectionException}, and
 * a commit or rollback on a connection that the pool has already closed (HikariCP's "Connection is
 * closed", which carries no SQL state) as a {@link TransactionSystemException} over it.
 */
public final class DatabaseOutage {

  /** How long a client should wait before sending the request again, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 60;

  public static final String TITLE = "Temporarily unavailable";
  public static final String DETAIL =
      "The database cannot be reached; nothing of your request was stored. Try again in a minute.";

  private DatabaseOutage() {}

  public static boolean causes(Throwable failure) {
    return Causes.any(
        failure,
        cause ->
            cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException
                || (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08"))
                || (cause instanceof TransactionSystemException
                    && cause.getCause() instanceof SQLException sql
                    && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))));
  }
}
