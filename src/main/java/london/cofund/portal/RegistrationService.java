package london.cofund.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import london.cofund.identity.ApplicantAccounts;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailService;
import london.cofund.notification.MailSettings;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientExtras;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Self-registration of applicants. Registering stores the person's name, user id and address and
 * mails a link; only following the link (and choosing a password) creates the Camunda user in
 * {@code applicants}. Until then the address is nobody's, so CoFund's other mail, which goes to
 * users, cannot reach it: the confirmation is all it gets.
 */
@Service
public class RegistrationService {

  /** How long a mailed link works. */
  static final Duration LINK_LIFETIME = Duration.ofDays(2);

  /** The shortest password an applicant may choose. */
  public static final int MIN_PASSWORD = 10;

  private final RegistrationRepository registrations;
  private final ApplicantAccounts accounts;
  private final MailService mail;
  private final MailSettings settings;
  private final Clock clock;

  RegistrationService(
      RegistrationRepository registrations,
      ApplicantAccounts accounts,
      MailService mail,
      MailSettings settings,
      Clock clock) {
    this.registrations = registrations;
    this.accounts = accounts;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a person types to register; text as typed, so that a refusal keeps it. */
  public record Request(String userId, String firstName, String lastName, String email) {}

  /**
   * Checks the request, stores it and mails the confirmation link. A 400 names each bad field; a
   * mail that cannot be sent is a 409 ("try again"), and nothing is kept. An address that a user
   * already has is answered as any other, but nothing is stored or sent.
   */
  @org.springframework.transaction.annotation.Transactional
  public void register(Request request) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    String userId = trim(request.userId()).toLowerCase(Locale.ROOT);
    String email = trim(request.email()).toLowerCase(Locale.ROOT);
    if (trim(request.firstName()).isEmpty() || trim(request.firstName()).length() > 100) {
      problems.add(new FieldProblem("firstName", "must be given, at most 100 characters"));
    }
    if (trim(request.lastName()).isEmpty() || trim(request.lastName()).length() > 100) {
      problems.add(new FieldProblem("lastName", "must be given, at most 100 characters"));
    }
    if (!userId.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
      problems.add(
          new FieldProblem(
              "userId",
              "must be 3 to 40 lower-case letters, digits, dots, hyphens or underscores"));
    } else if (accounts.userExists(userId) || registrations.userIdPending(userId, now)) {
      problems.add(new FieldProblem("userId", "is taken: choose another"));
    }
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
      problems.add(new FieldProblem("email", "must be an email address such as name@example.org"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (accounts.emailTaken(email)) {
      // The page says the same as for a new address, so that it tells nobody whose address has an
      // account; nothing is stored or sent (its owner signs in, or asks MOPAC).
      return;
    }
    String token = Tokens.fresh();
    Registration registration =
        new Registration(
            userId,
            trim(request.firstName()),
            trim(request.lastName()),
            email,
            now.plus(LINK_LIFETIME),
            null);
    registrations.insert(Tokens.hash(token), registration, now);
    DeliveryReport report = send(registration, token);
    if (!report.complete()) {
      throw new ConflictException(
          "The confirmation could not be mailed just now: please try again in a few minutes.");
    }
  }

  /** The registration a link belongs to, while it may still be confirmed. */
  public Optional<Registration> pending(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return registrations
        .find(Tokens.hash(token))
        .filter(r -> r.confirmedAt() == null)
        .filter(r -> r.expiresAt().isAfter(OffsetDateTime.now(clock)));
  }

  /** Confirms the address and creates the applicant's user with the password they chose. */
  public Registration confirm(String token, String password, String repeated) {
    Registration registration =
        pending(token)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "This link has been used or has expired: register again."));
    List<FieldProblem> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
      problems.add(
          new FieldProblem(
              "password", "must be at least " + MIN_PASSWORD + " characters (at most 200)"));
    } else if (!password.equals(repeated)) {
      problems.add(new FieldProblem("passwordAgain", "must be the same password again"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!registrations.confirm(Tokens.hash(token), OffsetDateTime.now(clock))) {
      throw new ConflictException("This link has been used: sign in.");
    }
    accounts.create(
        registration.userId(),
        registration.firstName(),
        registration.lastName(),
        registration.email(),
        password);
    return registration;
  }

  private DeliveryReport send(Registration registration, String token) {
    String link = settings.getPublicBaseUrl() + "/apply/register/confirm?token=" + token;
    MailContent content =
        new MailContent(
            MailTemplate.REGISTRATION_CONFIRMATION,
            null,
            null,
            null,
            registration.expiresAt(),
            null);
    return mail.send(
        new Outgoing(
            content,
            List.of(
                new Recipient(
                    registration.email(),
                    registration.firstName() + " " + registration.lastName(),
                    null)),
            recipient -> "registration:" + Tokens.hash(token),
            recipient -> link,
            OutboxEntry.fromStep(
                MailTemplate.REGISTRATION_CONFIRMATION, null, null, null, null, null),
            recipient ->
                new RecipientExtras(
                    Map.of(
                        "linkLabel",
                        "Confirm your email address",
                        "email",
                        registration.email(),
                        "userId",
                        registration.userId()),
                    List.of())));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
