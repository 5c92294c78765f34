package london.cofund.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.BiPredicate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who reaches a borough's pages and figures, and the one rule of the scrutiny role, said once for
 * the page chain and the API chain of {@link SecurityConfiguration}.
 *
 * <ul>
 *   <li>{@code /boroughs/{gssCode}}: anyone signed in, who sees the page in full or its public
 *       parts (the page decides which, with {@code BoroughFundingService}). A scrutiny committee
 *       reaches its own borough only: another borough's page, even its public parts, is a 403.
 *   <li>{@code /boroughs/{gssCode}/committee-updates/**}: the borough's scrutiny committee, its
 *       officers and the fund's roles ({@link CurrentUser#readsBoroughInFull}); nobody else.
 *   <li>{@code GET /api/boroughs/{gssCode}}: a scrutiny committee its own borough; everyone else as
 *       {@code BoroughFundingService} rules.
 *   <li>Everything else of the page and API chains ({@code /boroughs}, {@code /funds}, {@code
 *       /api/rounds}...): anyone signed in with a role, and never someone whose only role is
 *       scrutiny ({@link CurrentUser#onlyScrutinises}).
 * </ul>
 *
 * <p>Engine-rest and the webapps need no rule here: a scrutiny group holds no Camunda authorization
 * but Tasklist's (see {@code RoleGrants.grantScrutiny}), so the engine shows it no process or task.
 */
final class BoroughAccess {

  private static final String BOROUGHS = HttpPaths.BOROUGHS;

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /** One borough's page (or London's). */
  static final RequestMatcher PAGE = PATHS.matcher(BOROUGHS + "/{gssCode}");

  /** A borough's committee updates, and everything below them. */
  static final RequestMatcher COMMITTEE_UPDATES =
      new OrRequestMatcher(
          PATHS.matcher(BOROUGHS + "/{gssCode}/committee-updates"),
          PATHS.matcher(BOROUGHS + "/{gssCode}/committee-updates/**"));

  /** A borough's figures for scripts. */
  static final RequestMatcher FIGURES = PATHS.matcher(HttpMethod.GET, "/api/boroughs/{gssCode}");

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private BoroughAccess() {}

  /** Anyone signed in with a role: never a user whose only role is scrutiny. */
  static AuthorizationManager<RequestAuthorizationContext> anyRoleButScrutiny() {
    return signedIn((user, context) -> !user.onlyScrutinises());
  }

  /**
   * A borough's page and its figures: anyone signed in; a scrutiny committee, its own borough only.
   * The page then shows the rest in full or its public parts, and the API refuses those who may not
   * read the figures.
   */
  static AuthorizationManager<RequestAuthorizationContext> ownBoroughIfScrutiny() {
    return signedIn(
        (user, context) ->
            !user.onlyScrutinises() || user.scrutinyCodes().contains(gssCode(context)));
  }

  /** A borough's committee updates: its scrutiny committee, its officers and the fund's roles. */
  static AuthorizationManager<RequestAuthorizationContext> committeeUpdates() {
    return signedIn((user, context) -> user.readsBoroughInFull(gssCode(context)));
  }

  /**
   * A refusal under {@code /boroughs} as a page: the container's error page, which {@code
   * BoroughErrorPages} shows in GOV.UK's style. Other pages keep the problem document.
   */
  static AccessDeniedHandler refusedPage() {
    return (request, response, e) -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }

  /** Paths whose refusal is a page: {@code /boroughs} and everything below it. */
  static RequestMatcher pages() {
    return new OrRequestMatcher(PATHS.matcher(BOROUGHS), PATHS.matcher(BOROUGHS + "/**"));
  }

  private static String gssCode(RequestAuthorizationContext context) {
    return context.getVariables().getOrDefault("gssCode", "");
  }

  private static AuthorizationManager<RequestAuthorizationContext> signedIn(
      BiPredicate<CurrentUser, RequestAuthorizationContext> rule) {
    return (authentication, context) -> {
      Authentication caller = authentication.get();
      return new AuthorizationDecision(
          TRUST.isAuthenticated(caller) && rule.test(CurrentUser.of(caller), context));
    };
  }
}
