package london.cofund.identity;

import java.util.Set;
import java.util.stream.Collectors;
import london.cofund.borough.LondonBorough;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated caller of the API: a Camunda user id and the ids of that user's groups.
 *
 * @param id the user id
 * @param groups the user's group ids
 */
public record CurrentUser(String id, Set<String> groups) {

  public static CurrentUser of(Authentication authentication) {
    return new CurrentUser(
        authentication.getName(),
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toUnmodifiableSet()));
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }

  public boolean isInAny(String... candidates) {
    for (String group : candidates) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }

  /**
   * MOPAC, the working group, the Leaders' Committee or an administrator: those who see the whole
   * fund.
   */
  public boolean seesWholeFund() {
    return isInAny(Roles.MOPAC, Roles.WORKING_GROUP, Roles.LEADERS_COMMITTEE, Roles.ADMIN);
  }

  /** GSS codes of the boroughs whose community safety team this user belongs to. */
  public Set<String> boroughCodes() {
    return groups.stream()
        .map(LondonBorough::byGroupId)
        .flatMap(java.util.Optional::stream)
        .map(LondonBorough::code)
        .collect(Collectors.toUnmodifiableSet());
  }
}
