package london.cofund.environment;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that needs something of the machine beyond the JDK (a PostgreSQL server, a browser): on a
 * developer's machine without it, the test is skipped with a one-line reason, listed at the end of
 * the run by {@link SkippedTestsReport}; under {@code CI=true} it is required, and the test fails
 * at once saying what is missing, rather than passing by being skipped.
 */
abstract class RequiredEnvironment implements ExecutionCondition, BeforeAllCallback {

  /** The environment variable that CI sets, and developers' machines do not. */
  static final String CI = "CI";

  /** What is missing, in one line; empty when everything the test needs is there. */
  abstract Optional<String> missing();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = missing();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("present");
    }
    if (underCi()) {
      // Not skipped: beforeAll fails the class, so CI cannot turn green without the test.
      return ConditionEvaluationResult.enabled("required under CI=true: " + missing.get());
    }
    return ConditionEvaluationResult.disabled(missing.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (underCi()) {
      missing()
          .ifPresent(
              reason -> {
                throw new AssertionError(
                    "Required under CI=true, but missing on this machine: " + reason);
              });
    }
  }

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv(CI));
  }
}
