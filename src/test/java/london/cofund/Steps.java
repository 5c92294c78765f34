package london.cofund;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a scenario written as ordered steps that share one state (one test instance per class): once
 * a step fails, every later step is skipped, by assumption, naming the step that failed. A later
 * step would only fail again, confusingly, on the state the failed step left behind.
 */
public class Steps implements TestWatcher, BeforeEachCallback {

  private static final Namespace NAMESPACE = Namespace.create(Steps.class);
  private static final String FAILED_STEP = "failedStep";

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    scenario(context).put(FAILED_STEP, context.getRequiredTestMethod().getName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<String> failed = Optional.ofNullable(scenario(context).get(FAILED_STEP, String.class));
    Assumptions.assumeTrue(
        failed.isEmpty(), () -> "an earlier step failed: " + failed.orElse("") + "");
  }

  /** The class's store: shared by the steps of one scenario. */
  private static ExtensionContext.Store scenario(ExtensionContext context) {
    return context.getParent().orElseThrow().getStore(NAMESPACE);
  }
}
