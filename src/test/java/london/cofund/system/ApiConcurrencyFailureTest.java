package london.cofund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/**
 * A request that lost a deadlock or a serialization failure to the job executor is a 409 ("someone
 * else changed this"), not a 500: {@code AnnouncementCrashIT} met a PostgreSQL deadlock between a
 * full proposal's submission and its process's mail job.
 */
class ApiConcurrencyFailureTest {

  @Test
  void aDeadlockInsideTheEnginesPersistenceExceptionIsAConcurrencyFailure() {
    SQLException deadlock =
        new BatchUpdateException(
            "Batch entry 0 delete from ACT_RU_EXECUTION ... was aborted: ERROR: deadlock detected",
            "40P01",
            new int[0]);
    assertThat(
            ApiExceptionHandler.concurrencyFailure(
                new ProcessEnginePersistenceException(
                    "An exception occurred in the persistence layer.",
                    new ProcessEngineException(
                        "ENGINE-03004 Exception while executing Database Operation",
                        new PersistenceException(deadlock)))))
        .isTrue();
    assertThat(
            ApiExceptionHandler.concurrencyFailure(
                new RuntimeException(new SQLException("could not serialize access", "40001"))))
        .isTrue();
    assertThat(ApiExceptionHandler.concurrencyFailure(new CannotAcquireLockException("lock")))
        .isTrue();
  }

  @Test
  void anOutageOrABugIsNot() {
    assertThat(
            ApiExceptionHandler.concurrencyFailure(
                new RuntimeException(new SQLException("I/O error", "08006"))))
        .isFalse();
    assertThat(ApiExceptionHandler.concurrencyFailure(new IllegalStateException("a bug")))
        .isFalse();
  }
}
