package london.cofund.environment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, at the end of the run, every test that did not run and why: those a condition disabled (no
 * PostgreSQL, no Chromium) and those whose assumption failed (a step after a failed step). A green
 * build that skipped something says so in its last lines, instead of hiding it in the counts.
 *
 * <p>Registered with the JUnit Platform launcher through {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so Surefire and IDEs pick
 * it up without configuration.
 */
public class SkippedTestsReport implements TestExecutionListener {

  private final PrintStream out;
  private final List<String> skipped = new ArrayList<>();
  private TestPlan plan;

  public SkippedTestsReport() {
    this(System.out);
  }

  SkippedTestsReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    skipped.clear();
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    skipped.add(line(test, reason));
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      String reason = result.getThrowable().map(Throwable::getMessage).orElse("assumption not met");
      skipped.add(line(test, reason));
    }
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped.isEmpty()) {
      return;
    }
    out.println();
    out.println("Skipped tests (" + skipped.size() + "):");
    skipped.forEach(out::println);
    out.flush();
  }

  private String line(TestIdentifier test, String reason) {
    return "Skipped: " + name(test) + " — " + (reason == null ? "no reason given" : reason);
  }

  /** {@code Class} for a class, {@code Class.method} for a method, else the display names. */
  private String name(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (source instanceof MethodSource method) {
      return simpleName(method.getClassName()) + "." + method.getMethodName();
    }
    if (source instanceof ClassSource type) {
      return simpleName(type.getClassName());
    }
    String parent =
        plan == null ? "" : plan.getParent(test).map(p -> p.getDisplayName() + " ").orElse("");
    return parent + test.getDisplayName();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
