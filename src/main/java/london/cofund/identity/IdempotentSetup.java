package london.cofund.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Setup that any node may run at any start, however many run at once. */
final class IdempotentSetup {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotentSetup.class);

  private IdempotentSetup() {}

  /**
   * Creates something unless it exists. A second node starting at the same moment may win the race;
   * its duplicate-key error is then the proof that the thing exists, not a reason to fail.
   */
  static void onlyIfMissing(Supplier<Boolean> exists, Runnable create) {
    if (exists.get()) {
      return;
    }
    try {
      create.run();
    } catch (ProcessEngineException e) {
      if (!exists.get()) {
        throw e;
      }
      LOG.debug("Created concurrently by another node: {}", e.getMessage());
    }
  }
}
