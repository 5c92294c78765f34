package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import london.cofund.system.ProblemResponses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only an administrator's script change deployments through engine-rest ({@code POST
 * /deployment/create}, redeploy, delete): a deployment runs code of the deployer's choosing inside
 * the engine.
 *
 * <p>It runs after Camunda's engine-rest authentication, so it knows who is calling, and refuses
 * with 403 a caller outside {@code camunda-admin}, and any request that a browser sent ({@code
 * Origin}, a {@code Sec-Fetch-*} header or a {@code Cookie}): an administrator's browser, tricked
 * by another site or by a page of CoFund itself, must not be able to deploy. The engine refuses
 * non-administrators' deployments again on its side.
 */
class EngineDeploymentGuard extends OncePerRequestFilter {

  private static final String SEC_FETCH_PREFIX = "sec-fetch-";

  private final IdentityService identityService;

  EngineDeploymentGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpPaths.changesState(request)
        || !HttpPaths.ENGINE_DEPLOYMENT.matcher(HttpPaths.path(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> browserHeaders = browserHeaders(request);
    if (!browserHeaders.isEmpty()) {
      refuse(
          request,
          response,
          "Deployments are made by scripts, never from a browser; this request carried "
              + String.join(", ", browserHeaders)
              + ".");
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null
        || caller.getGroupIds() == null
        || !caller.getGroupIds().contains(Roles.ADMIN)) {
      refuse(
          request, response, "Only administrators (" + Roles.ADMIN + ") may change deployments.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static List<String> browserHeaders(HttpServletRequest request) {
    return Collections.list(request.getHeaderNames()).stream()
        .filter(
            name -> {
              String lower = name.toLowerCase(Locale.ROOT);
              return lower.equals(HttpHeaders.ORIGIN.toLowerCase(Locale.ROOT))
                  || lower.equals(HttpHeaders.COOKIE.toLowerCase(Locale.ROOT))
                  || lower.startsWith(SEC_FETCH_PREFIX);
            })
        .map(EngineDeploymentGuard::headerCase)
        .distinct()
        .sorted()
        .toList();
  }

  /** sec-fetch-mode as Sec-Fetch-Mode: containers may hand header names over in lower case. */
  private static String headerCase(String name) {
    StringBuilder display = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.toCharArray()) {
      display.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == '-';
    }
    return display.toString();
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    ProblemResponses.write(
        request, response, HttpStatus.FORBIDDEN, "Deployment refused", detail, null);
  }
}
