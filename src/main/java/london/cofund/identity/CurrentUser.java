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

  /** GSS codes of the boroughs on whose scrutiny committee this user sits. */
  public Set<String> scrutinyCodes() {
    return groups.stream()
        .map(LondonBorough::byScrutinyGroupId)
        .flatMap(java.util.Optional::stream)
        .map(LondonBorough::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the user reads a borough's page and figures in full: the fund's roles ({@link
   * #seesWholeFund()}), the borough's own officers and its scrutiny committee.
   */
  public boolean readsBoroughInFull(String gssCode) {
    return seesWholeFund() || boroughCodes().contains(gssCode) || scrutinyCodes().contains(gssCode);
  }

  /**
   * Whether scrutiny is the user's only CoFund role: a scrutiny group, and none of the fund's
   * roles, administrators, monitoring or a borough's officers. Such a user reads their borough's
   * page, its committee updates and its figures, and nothing else (see {@code BoroughAccess}). Who
   * holds another role as well keeps that role's rights.
   */
  public boolean onlyScrutinises() {
    return !scrutinyCodes().isEmpty() && groups.stream().noneMatch(CurrentUser::carriesARole);
  }

  private static boolean carriesARole(String group) {
    return Roles.FUND_ROLES.contains(group)
        || Roles.ADMIN.equals(group)
        || Roles.MONITORING.equals(group)
        || LondonBorough.byGroupId(group).isPresent();
  }
}
