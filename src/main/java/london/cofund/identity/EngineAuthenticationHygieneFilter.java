package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Clears the engine's thread-local authentication before and after every request.
 *
 * <p>A guard, not a fix for a known leak: Camunda keeps "who is calling" per thread and Tomcat
 * reuses threads. Any component that set an authentication and forgot to clear it would hand its
 * user to the next request on that thread, whose password check ({@code checkPassword} reads the
 * user under the current authorization) or engine calls would then run as someone else. Starting
 * and ending every request with no authentication rules that out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineAuthenticationHygieneFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationHygieneFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    identityService.clearAuthentication();
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
