package london.cofund.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a send task's {@code mailTo} into addresses. The grammar is a comma-separated list of:
 *
 * <ul>
 *   <li>{@code applicant}: the proposal's lead contact ({@link ProposalFacts#contactEmail()});
 *   <li>{@code user:<userId>}: that user's email;
 *   <li>{@code group:<groupId>}: the email of every member of the group;
 *   <li>{@code allUsers}: every user with an email;
 *   <li>{@code email:<address>}: that address.
 * </ul>
 *
 * <p>Somebody without a usable address is logged and skipped, never a failure: one missing email
 * must not keep a message from everybody else. Each address appears once, at its first mention. A
 * word outside the grammar is a modelling mistake and fails loudly.
 */
@Component
public class RecipientResolver {

  private static final Logger LOG = LoggerFactory.getLogger(RecipientResolver.class);

  public static final String APPLICANT = "applicant";
  public static final String ALL_USERS = "allUsers";
  public static final String USER_PREFIX = "user:";
  public static final String GROUP_PREFIX = "group:";
  public static final String EMAIL_PREFIX = "email:";

  private final People people;

  public RecipientResolver(People people) {
    this.people = people;
  }

  /**
   * Resolves {@code mailTo}, a String or a collection of Strings.
   *
   * @param mailTo the send task's {@code mailTo}
   * @param proposal the proposal, needed only for {@code applicant}; may be null otherwise
   * @return the recipients, each address once, in order of first mention; may be empty
   */
  public List<Recipient> resolve(Object mailTo, ProposalFacts proposal) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (String entry : entries(mailTo)) {
      for (Recipient recipient : resolveEntry(entry, proposal)) {
        recipients.putIfAbsent(recipient.key(), recipient);
      }
    }
    if (recipients.isEmpty()) {
      LOG.warn("mailTo '{}' resolved to nobody with an email; nothing is sent", mailTo);
    }
    return List.copyOf(recipients.values());
  }

  /** The entries of {@code mailTo}: split at commas, trimmed, blanks dropped. */
  static List<String> entries(Object mailTo) {
    List<String> raw = new ArrayList<>();
    if (mailTo instanceof Collection<?> many) {
      many.forEach(item -> raw.add(String.valueOf(item)));
    } else if (mailTo != null) {
      raw.add(mailTo.toString());
    }
    List<String> entries = new ArrayList<>();
    for (String text : raw) {
      for (String entry : text.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.trim());
        }
      }
    }
    return entries;
  }

  private List<Recipient> resolveEntry(String entry, ProposalFacts proposal) {
    if (entry.equals(APPLICANT)) {
      if (proposal == null) {
        throw new IllegalArgumentException(
            "mailTo 'applicant' needs a proposal, but the process has no proposalReference");
      }
      return addressed(
          proposal.contactEmail(),
          proposal.contactName(),
          null,
          "the lead contact of proposal " + proposal.reference());
    }
    if (entry.equals(ALL_USERS)) {
      return people(people.everyone(), null);
    }
    if (entry.startsWith(USER_PREFIX)) {
      String userId = entry.substring(USER_PREFIX.length()).trim();
      Optional<Person> person = people.user(userId);
      if (person.isEmpty()) {
        LOG.warn("mailTo names user '{}', who does not exist; skipped", userId);
        return List.of();
      }
      return people(List.of(person.get()), null);
    }
    if (entry.startsWith(GROUP_PREFIX)) {
      String groupId = entry.substring(GROUP_PREFIX.length()).trim();
      List<Person> members = people.members(groupId);
      if (members.isEmpty()) {
        LOG.warn("mailTo names group '{}', which has no members", groupId);
      }
      return people(members, groupId);
    }
    if (entry.startsWith(EMAIL_PREFIX)) {
      return addressed(
          entry.substring(EMAIL_PREFIX.length()), null, null, "mailTo '" + entry + "'");
    }
    throw new IllegalArgumentException(
        "mailTo entry '"
            + entry
            + "' is not one of: applicant,"
            + " user:<userId>, group:<groupId>, allUsers, email:<address>");
  }

  private static List<Recipient> people(List<Person> persons, String viaGroup) {
    List<Recipient> recipients = new ArrayList<>();
    for (Person person : persons) {
      recipients.addAll(
          addressed(person.email(), person.name(), viaGroup, "user '" + person.userId() + "'"));
    }
    return recipients;
  }

  private static List<Recipient> addressed(String email, String name, String viaGroup, String who) {
    if (email == null || email.isBlank()) {
      LOG.warn("{} has no email address; skipped", who);
      return List.of();
    }
    return MailHeaders.address(email)
        .map(
            address ->
                List.of(new Recipient(address.getAddress(), MailHeaders.clean(name), viaGroup)))
        .orElseGet(
            () -> {
              LOG.warn("{} has an invalid email address; skipped", who);
              return List.of();
            });
  }
}
