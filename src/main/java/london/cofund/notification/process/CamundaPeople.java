package london.cofund.notification.process;

import java.util.List;
import java.util.Optional;
import london.cofund.notification.People;
import london.cofund.notification.Person;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Users and groups from Camunda's identity service, the one directory CoFund has. */
@Component
class CamundaPeople implements People {

  private final IdentityService identity;

  CamundaPeople(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<Person> user(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
        .map(CamundaPeople::person);
  }

  @Override
  public List<Person> members(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return List.of();
    }
    return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(CamundaPeople::person)
        .toList();
  }

  @Override
  public List<Person> everyone() {
    return identity.createUserQuery().orderByUserId().asc().list().stream()
        .map(CamundaPeople::person)
        .toList();
  }

  @Override
  public Optional<Person> withEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    Optional<Person> exact =
        identity.createUserQuery().userEmail(email.trim()).list().stream()
            .findFirst()
            .map(CamundaPeople::person);
    // Camunda compares addresses as stored; people type them in any case.
    return exact.isPresent() ? exact : People.super.withEmail(email);
  }

  private static Person person(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
  }
}
