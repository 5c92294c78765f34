package london.cofund.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a bid's lead contact has confirmed their address, the rule that stops CoFund mailing
 * addresses nobody owns. An address is confirmed when it is a CoFund user's (a self-registered
 * applicant confirmed it by the registration link; an administrator created the others), or when
 * somebody followed the link that CoFund mailed to it. Until then the address gets that link and
 * nothing else ({@link StepMailer}). Its table is {@link ContactAddressRepository}'s.
 */
@Service
public class ContactAddresses {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ContactAddressRepository addresses;
  private final People people;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  ContactAddresses(
      ContactAddressRepository addresses,
      People people,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.addresses = addresses;
    this.people = people;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Whether CoFund may mail this address. */
  public boolean confirmed(String email) {
    String key = key(email);
    return people.withEmail(key).isPresent() || addresses.confirmed(key);
  }

  /**
   * The secret of the link that confirms this address: the same one each time it is asked for, so
   * that a retried step mails the link it mailed before. Kept in a transaction of its own, so that
   * two steps asking at once never fail each other's.
   */
  public String token(String email) {
    String key = key(email);
    Optional<String> existing = addresses.tokenOf(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      ownTransaction.executeWithoutResult(
          status -> addresses.insert(key, token, OffsetDateTime.now(clock)));
      return token;
    } catch (DuplicateKeyException raced) {
      return addresses.tokenOf(key).orElseThrow(() -> raced);
    }
  }

  /** The address a link confirms, while it is not yet confirmed. */
  public Optional<String> pending(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return addresses.pending(token);
  }

  /** Confirms the address that the link names; empty if the link is unknown or already used. */
  public Optional<String> confirm(String token) {
    Optional<String> email = pending(token);
    return email.isPresent() && addresses.confirm(token, OffsetDateTime.now(clock))
        ? email
        : Optional.empty();
  }

  private static String key(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
