package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a person in to CoFund's server-rendered pages ({@code /mailbox}, {@code /h2-console},
 * {@code /tasks/open}) with the login they made in Tasklist, Cockpit or Admin: the webapps keep it
 * in the HTTP session, whose cookie (path {@code /}, SameSite=Strict, HttpOnly) these pages receive
 * too.
 *
 * <p>The pages take no password of their own, so a browser's remembered HTTP Basic credentials are
 * worth nothing here, and another site's page cannot use them. The session names only the user: the
 * user's groups are read afresh from the identity service on every request, so someone removed from
 * {@code mopac} loses the mailbox at once, and a deleted user is signed out.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final String engineName;
  private final GroupAuthorities authorities;

  WebappSessionAuthenticationFilter(String engineName, GroupAuthorities authorities) {
    this.engineName = engineName;
    this.authorities = authorities;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentication signedIn =
          AuthenticationUtil.getAuthsFromSession(session)
              .getAuthenticationForProcessEngine(engineName);
      if (signedIn instanceof UserAuthentication user) {
        authorities
            .authenticated(user.getIdentityId())
            .ifPresent(
                authentication -> {
                  SecurityContext context = SecurityContextHolder.createEmptyContext();
                  context.setAuthentication(authentication);
                  SecurityContextHolder.setContext(context);
                });
      }
    }
    chain.doFilter(request, response);
  }
}
