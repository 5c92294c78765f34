package london.cofund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** The failures that mean "the database cannot be reached", however they come wrapped. */
class DatabaseOutageTest {

  @Test
  void aDroppedConnectionInsideTheEnginesPersistenceExceptionIsAnOutage() {
    SQLException io =
        new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(
            DatabaseOutage.causes(
                new ProcessEnginePersistenceException(
                    "An exception occurred in the persistence layer.",
                    new PersistenceException(io))))
        .isTrue();
  }

  @Test
  void aRollbackOnAClosedConnectionThePoolsWaitAndARefusedConnectionAreOutages() {
    assertThat(
            DatabaseOutage.causes(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed", "08003"))))
        .isTrue();
    assertThat(
            DatabaseOutage.causes(
                new ProcessEnginePersistenceException(
                    "An exception occurred in the persistence layer.",
                    new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed")))))
        .as("HikariCP's closed connection carries no SQL state")
        .isTrue();
    assertThat(
            DatabaseOutage.causes(
                new RuntimeException(
                    new SQLTransientConnectionException("Connection is not available"))))
        .isTrue();
    assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
  }

  @Test
  void aDuplicateKeyOrABugIsNot() {
    assertThat(
            DatabaseOutage.causes(
                new DuplicateKeyException("dup", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseOutage.causes(new SQLException("no state"))).isFalse();
    assertThat(
            DatabaseOutage.causes(
                new TransactionSystemException(
                    "commit failed", new SQLException("could not serialize", "40001"))))
        .isFalse();
  }
}
