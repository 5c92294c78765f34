package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import london.cofund.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts failed logins per client address and answers 429 with {@code Retry-After} while an address
 * must wait (see {@link LoginThrottle}).
 *
 * <p>A login is a request whose credentials get checked: HTTP Basic on {@code /api}, engine-rest
 * and the actuator, or the webapps' login form. It failed if the answer is 401; it succeeded if the
 * answer is below 400. Anything else (a 403 from a filter that refused the request before anyone
 * looked at the password) says nothing either way. Basic credentials elsewhere are never checked,
 * so they neither count nor reset.
 *
 * <p>It sits outside every other filter so that it sees the final status of each request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final String BASIC = "basic ";

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isLogin(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      ProblemResponses.write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many failed logins",
          "Too many failed logins came from your address ("
              + address
              + "). Wait "
              + seconds
              + " seconds before signing in again, or ask an administrator to lift the wait.",
          null);
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(address);
    } else if (status < HttpStatus.BAD_REQUEST.value()) {
      throttle.succeeded(address);
    }
  }

  private static boolean isLogin(HttpServletRequest request) {
    if (HttpPaths.WEBAPP_LOGIN.matcher(HttpPaths.path(request)).matches()) {
      return "POST".equalsIgnoreCase(request.getMethod());
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())
        && (HttpPaths.isUnder(request, HttpPaths.API)
            || HttpPaths.isUnder(request, HttpPaths.ENGINE_REST)
            || HttpPaths.isUnder(request, HttpPaths.ACTUATOR)
            || HttpPaths.isUnder(request, HttpPaths.API_DOCS));
  }
}
