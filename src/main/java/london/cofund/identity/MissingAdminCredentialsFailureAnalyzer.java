package london.cofund.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into a short, actionable message instead of a stack trace. */
class MissingAdminCredentialsFailureAnalyzer
    extends AbstractFailureAnalyzer<MissingAdminCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminCredentialsException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set COFUND_ADMIN_USER and COFUND_ADMIN_PASSWORD (at least 12 characters, not the user id)"
            + " in the environment, then start again.",
        cause);
  }
}
