package london.cofund.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The doors of CoFund's HTTP interface, named once for the security configuration and the filters
 * in front of it.
 *
 * <p>Paths are read from the servlet path and path info, which the container has already decoded
 * and normalised: the raw request URI would let {@code /engine-rest/%64eployment/create} or {@code
 * /engine-rest/deployment;x=y/create} slip past a check that Jersey still routes to deployments.
 */
final class HttpPaths {

  static final String API = "/api/";
  static final String ENGINE_REST = "/engine-rest/";
  static final String ACTUATOR = "/actuator/";

  /** The OpenAPI document, which scripts read with HTTP Basic. */
  static final String API_DOCS = "/v3/";

  static final String WEBAPPS = "/camunda/";
  static final String MAILBOX = "/mailbox";
  static final String H2_CONSOLE = "/h2-console";
  static final String TASK_LINKS = "/tasks/";
  static final String FUNDS = "/funds";
  static final String DASHBOARD = "/dashboard";
  static final String GRANTS = "/grants";

  /** CoFund's home page. */
  static final String HOME = "/";

  static final String BOROUGHS = "/boroughs";

  /** The applicant portal: open rounds, the EOI form and drafts, the applicant's bids. */
  static final String APPLY = "/apply";

  /** Self-registration of applicants, open to people who have no user yet. */
  static final String APPLY_REGISTER = "/apply/register";

  /** Where a person signs in: every role may use Tasklist, and its login serves the others. */
  static final String WEBAPP_LOGIN_PAGE = "/camunda/app/tasklist/default/";

  /** The webapps' login form: {@code /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  static final Pattern WEBAPP_LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

  /** Deployments through engine-rest, on the default engine or a named one. */
  static final Pattern ENGINE_DEPLOYMENT =
      Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment(/.*)?");

  /**
   * MOPAC's upload of borough allocations, the one {@code /api} door whose body is CSV: {@code POST
   * /api/funds/{fundId}/allocations}.
   */
  static final Pattern ALLOCATIONS_UPLOAD = Pattern.compile("/api/funds/[^/]+/allocations");

  /** Pages rendered on the server for people signed in to the webapps. */
  static final List<String> SESSION_PAGES =
      List.of(MAILBOX, H2_CONSOLE, TASK_LINKS, FUNDS, DASHBOARD, GRANTS, BOROUGHS, APPLY);

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private HttpPaths() {}

  /** The decoded, normalised path inside the application. */
  static String path(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** Whether the path is {@code prefix} itself or lies below it. */
  static boolean isUnder(HttpServletRequest request, String prefix) {
    String path = path(request);
    String folder = prefix.endsWith("/") ? prefix : prefix + "/";
    return path.startsWith(folder) || path.equals(folder.substring(0, folder.length() - 1));
  }

  static boolean isSessionPage(HttpServletRequest request) {
    return SESSION_PAGES.stream().anyMatch(page -> isUnder(request, page));
  }

  /** POST, PUT, PATCH, DELETE and anything else that is not a read. */
  static boolean changesState(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  /** A body announced by its length or sent in chunks. */
  static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || isChunked(request);
  }

  static boolean isChunked(HttpServletRequest request) {
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }
}
