package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import london.cofund.system.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, a change (POST, PUT, PATCH, DELETE) to {@code /api}, engine-rest or a
 * server-rendered page that a browser sent on behalf of another site's page.
 *
 * <p>A browser remembers HTTP Basic credentials and sends them with any request to CoFund, even one
 * that another site's page makes; a form on that page can post to {@code /api} without asking the
 * user. Browsers say where such a request comes from: {@code Origin} names the page's site, and
 * {@code Sec-Fetch-Site} says {@code cross-site} or {@code same-site}. A request is refused if its
 * Origin is not CoFund's own (the request's scheme, host and port, or {@code
 * cofund.public-base-url}), or if it comes from another site, or a sibling site without CoFund's
 * Origin. Scripts and Java clients send neither header and are let through. The webapps under
 * {@code /camunda} have their own CSRF token and are left to it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class CrossSiteRequestFilter extends OncePerRequestFilter {

  static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
  private static final String CROSS_SITE = "cross-site";
  private static final String SAME_SITE = "same-site";

  private final Optional<String> publicOrigin;

  CrossSiteRequestFilter(@Value("${cofund.public-base-url:}") String publicBaseUrl) {
    this.publicOrigin = origin(publicBaseUrl);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpPaths.changesState(request)
        || !(HttpPaths.isUnder(request, HttpPaths.API)
            || HttpPaths.isUnder(request, HttpPaths.ENGINE_REST)
            || HttpPaths.isSessionPage(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String site = request.getHeader(SEC_FETCH_SITE);
    boolean ours = origin != null && isOurs(origin, request);
    if (origin != null && !ours) {
      refuse(
          request,
          response,
          "This change was sent from a page of another site (Origin: "
              + origin
              + "). CoFund accepts changes only from its own pages and from scripts.");
    } else if (CROSS_SITE.equalsIgnoreCase(site) || (SAME_SITE.equalsIgnoreCase(site) && !ours)) {
      refuse(
          request,
          response,
          "This change was sent from a page of another site (Sec-Fetch-Site: "
              + site
              + "). CoFund accepts changes only from its own pages and from scripts.");
    } else {
      chain.doFilter(request, response);
    }
  }

  private boolean isOurs(String origin, HttpServletRequest request) {
    Optional<String> claimed = origin(origin);
    if (claimed.isEmpty()) {
      return false;
    }
    String own = normalise(request.getScheme(), request.getServerName(), request.getServerPort());
    return claimed.get().equals(own) || claimed.equals(publicOrigin);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    ProblemResponses.write(
        request, response, HttpStatus.FORBIDDEN, "Cross-site request refused", detail, null);
  }

  /** scheme://host[:port] of a URL, lower case, without a default port; empty if it is none. */
  static Optional<String> origin(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(normalise(uri.getScheme(), uri.getHost(), uri.getPort()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String normalise(String scheme, String host, int port) {
    String lowerScheme = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port < 0
            || ("http".equals(lowerScheme) && port == 80)
            || ("https".equals(lowerScheme) && port == 443);
    String bareHost = host.toLowerCase(Locale.ROOT);
    if (bareHost.contains(":") && !bareHost.startsWith("[")) {
      bareHost = "[" + bareHost + "]";
    }
    return lowerScheme + "://" + bareHost + (defaultPort ? "" : ":" + port);
  }
}
