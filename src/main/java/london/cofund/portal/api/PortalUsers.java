package london.cofund.portal.api;

import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.notification.People;
import london.cofund.notification.Person;
import london.cofund.portal.Applicant;
import london.cofund.system.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who is at the portal: the signed-in user, their email address, and whether they may apply. */
@Component
class PortalUsers {

  private final People people;

  PortalUsers(People people) {
    this.people = people;
  }

  Applicant applicant(Authentication authentication) {
    String id = authentication.getName();
    return new Applicant(id, people.user(id).map(Person::email).orElse(null));
  }

  /** A 403 for anyone outside {@code applicants}: the portal's write pages are theirs. */
  static CurrentUser requireApplicant(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isIn(Roles.APPLICANTS)) {
      throw new ForbiddenException(
          "Only applicants (group 'applicants') write and submit bids in the portal.");
    }
    return user;
  }
}
