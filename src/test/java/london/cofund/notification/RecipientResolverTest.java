package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientResolverTest {

  private static final Person WES = new Person("westminster", "Wes Minster", "wes@example.org");
  private static final Person CAM = new Person("camden", "Cam Dennis", "cam@example.org");
  private static final Person NO_EMAIL = new Person("admin", "CoFund Administrator", null);
  private static final Person BAD_EMAIL =
      new Person("mallory", "Mallory", "m@example.org\r\nBcc: x@example.org");

  private final People people =
      new People() {
        private final Map<String, List<Person>> groups =
            Map.of(
                "borough-E09000033", List.of(WES, NO_EMAIL),
                "borough-E09000007", List.of(CAM, WES),
                "camunda-admin", List.of(NO_EMAIL));

        @Override
        public Optional<Person> user(String userId) {
          return everyone().stream().filter(p -> p.userId().equals(userId)).findFirst();
        }

        @Override
        public List<Person> members(String groupId) {
          return groups.getOrDefault(groupId, List.of());
        }

        @Override
        public List<Person> everyone() {
          return List.of(WES, CAM, NO_EMAIL, BAD_EMAIL);
        }
      };

  private final RecipientResolver resolver = new RecipientResolver(people);
  private final ProposalFacts proposal =
      Samples.proposal("test-P-1", "test-round", "Title", "abi@example.org");

  private List<String> emails(Object mailTo) {
    return resolver.resolve(mailTo, proposal).stream().map(Recipient::email).toList();
  }

  @Test
  void groupMembersAreReachedAndMembersWithoutEmailSkipped() {
    List<Recipient> recipients = resolver.resolve("group:borough-E09000033", proposal);

    assertThat(recipients)
        .containsExactly(new Recipient("wes@example.org", "Wes Minster", "borough-E09000033"));
  }

  @Test
  void aUserIsReachedAtTheirEmail() {
    assertThat(emails("user:camden")).containsExactly("cam@example.org");
  }

  @Test
  void aUserWithoutEmailOrUnknownIsSkippedNotAFailure() {
    assertThat(emails("user:admin")).isEmpty();
    assertThat(emails("user:nobody")).isEmpty();
    assertThat(emails("group:camunda-admin")).isEmpty();
    assertThat(emails("group:no-such-group")).isEmpty();
  }

  @Test
  void theApplicantIsReachedAtTheProposalsContactEmail() {
    assertThat(resolver.resolve("applicant", proposal))
        .containsExactly(new Recipient("abi@example.org", "Abi Lead", null));
  }

  @Test
  void allUsersMeansEveryUserWithAUsableEmail() {
    assertThat(emails("allUsers")).containsExactly("wes@example.org", "cam@example.org");
  }

  @Test
  void aListMixesKindsAndNamesEachAddressOnce() {
    assertThat(
            emails(
                " applicant , group:borough-E09000007,user:westminster,email:MOPAC@example.org, "))
        .containsExactly(
            "abi@example.org", "cam@example.org", "wes@example.org", "MOPAC@example.org");
    assertThat(emails(List.of("email:a@example.org", "email:A@example.org,email:b@example.org")))
        .containsExactly("a@example.org", "b@example.org");
  }

  @Test
  void nobodyIsAnEmptyListNotAFailure() {
    assertThat(emails("")).isEmpty();
    assertThat(emails(null)).isEmpty();
  }

  @Test
  void anInvalidAddressIsSkipped() {
    assertThat(emails("email:not-an-address, user:mallory")).isEmpty();
  }

  @Test
  void aWordOutsideTheGrammarIsAModellingMistake() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> emails("groups:mopac"))
        .withMessageContaining("mailTo entry 'groups:mopac' is not one of");
  }

  @Test
  void theApplicantNeedsAProposal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> resolver.resolve("applicant", null))
        .withMessageContaining("proposalReference");
  }
}
