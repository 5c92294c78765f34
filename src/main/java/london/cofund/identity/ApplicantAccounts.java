package london.cofund.identity;

import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants' own accounts, as the portal's self-registration creates them: a Camunda user in group
 * {@code applicants} and nothing else, so that it gets exactly the applicants' rights ({@link
 * RoleGrants}).
 */
@Service
public class ApplicantAccounts {

  private final IdentityService identity;

  ApplicantAccounts(IdentityService identity) {
    this.identity = identity;
  }

  /** Whether a user id is taken. */
  public boolean userExists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /** Whether a user already has this email address (compared in lower case). */
  public boolean emailTaken(String email) {
    String address = email.toLowerCase(Locale.ROOT);
    return identity.createUserQuery().userEmail(address).count() > 0
        || identity.createUserQuery().userEmail(email).count() > 0;
  }

  /** Creates the user, with the password they chose, in group {@code applicants}. */
  @Transactional
  public void create(
      String userId, String firstName, String lastName, String email, String password) {
    User user = identity.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, Roles.APPLICANTS);
  }
}
