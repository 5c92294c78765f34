package london.cofund.identity;

import london.cofund.system.DatabaseOutage;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials for the application's own endpoints against Camunda's identity
 * service, so that one set of users, groups and passwords (and Camunda's login throttling) serves
 * the webapps, engine-rest and {@code /api} alike. Each Camunda group becomes an authority with the
 * group's id as its name ({@code mopac}, {@code borough-E09000033}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final GroupAuthorities authorities;

  CamundaIdentityAuthenticationProvider(
      IdentityService identityService, GroupAuthorities authorities) {
    this.identityService = identityService;
    this.authorities = authorities;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    try {
      if (userId == null
          || userId.isBlank()
          || credentials == null
          || !identityService.checkPassword(userId, credentials.toString())) {
        throw new BadCredentialsException("Unknown user or wrong password");
      }
      return authorities
          .authenticated(userId)
          .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
    } catch (RuntimeException e) {
      if (DatabaseOutage.causes(e)) {
        // Not a wrong password: the entry point answers 503, and the login throttle counts nothing.
        throw new AuthenticationServiceException("The database cannot be reached", e);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
