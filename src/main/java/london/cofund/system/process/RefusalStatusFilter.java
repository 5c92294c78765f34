package london.cofund.system.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets engine-rest and the webapps' REST API (Tasklist's form submissions) answer a refused task
 * completion with the 400 it is.
 *
 * <p>Their task and start-form resources turn every {@code ProcessEngineException} except Camunda's
 * own {@code FormFieldValidationException} into a 500 ("Cannot complete task ...: message"),
 * {@code BadUserRequestException} included; only other endpoints (claim, for example) map the latter
 * to 400. The Java API keeps throwing {@link RefusedInput}, a {@code BadUserRequestException}: when
 * {@link RefusalUnwrappingPlugin} lifts one out of a failed command during a request that this filter
 * serves, the request is marked, and a 500 it then answers becomes a 400 with the same body, whose
 * message names the variable. Any other status, or a 500 without a refusal, passes untouched.
 */
public final class RefusalStatusFilter extends OncePerRequestFilter {

  private static final ThreadLocal<boolean[]> REFUSED = new ThreadLocal<>();

  /** A refusal ended a command: if a request is being served here, its 500 becomes a 400. */
  static void refused() {
    boolean[] mark = REFUSED.get();
    if (mark != null) {
      mark[0] = true;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean[] mark = {false};
    REFUSED.set(mark);
    try {
      chain.doFilter(request, new HttpServletResponseWrapper(response) {
        @Override
        public void setStatus(int status) {
          super.setStatus(status(status, mark));
        }

        @Override
        public void sendError(int status) throws IOException {
          super.sendError(status(status, mark));
        }

        @Override
        public void sendError(int status, String message) throws IOException {
          super.sendError(status(status, mark), message);
        }
      });
    } finally {
      REFUSED.remove();
    }
  }

  private static int status(int status, boolean[] mark) {
    return status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && mark[0] ? HttpServletResponse.SC_BAD_REQUEST : status;
  }
}
