package london.cofund.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A Camunda user as a Spring Security authentication: each of the user's groups becomes an
 * authority named by the group's id ({@code mopac}, {@code borough-E09000033}), which is what the
 * security rules and {@link CurrentUser} check.
 */
@Component
class GroupAuthorities {

  private final IdentityService identityService;

  GroupAuthorities(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user, signed in with the groups they are in now; empty if there is no such user. */
  Optional<Authentication> authenticated(String userId) {
    if (userId == null || identityService.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    List<GrantedAuthority> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(SimpleGrantedAuthority::new)
            .toList();
    return Optional.of(UsernamePasswordAuthenticationToken.authenticated(userId, null, groups));
  }
}
