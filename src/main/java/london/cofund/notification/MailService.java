package london.cofund.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a message to each of its recipients, once per idempotency key, and records each delivery in
 * the {@link MailOutbox}.
 *
 * <p>Copies whose key the outbox holds as sent are skipped, so a retried job sends only what is
 * missing. Each copy is a message of its own (no Bcc lists): one refused address does not stop the
 * others, and each copy carries a Message-ID derived from its key, the same on every retry. When
 * the SMTP server cannot be reached at all, the remaining copies are not tried: they would only
 * wait for the same timeout.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  /** What Spring and JavaMail append to a message to repeat its causes, which reason() lists. */
  private static final Pattern REPEATED_CAUSE =
      Pattern.compile(
          "(\\.?\\s*Failed messages:|;\\s*nested exception is|;\\s*message exceptions?).*",
          Pattern.DOTALL);

  /** Names the template in every message, for filters and for tests. */
  public static final String TEMPLATE_HEADER = "X-CoFund-Template";

  private final JavaMailSender sender;
  private final MailRenderer renderer;
  private final MailOutbox outbox;
  private final MailSettings settings;
  private final Clock clock;

  public MailService(
      JavaMailSender sender,
      MailRenderer renderer,
      MailOutbox outbox,
      MailSettings settings,
      Clock clock) {
    this.sender = sender;
    this.renderer = renderer;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
    MailStreams.pinProvider();
  }

  /** Sends the copies not yet sent; never throws for a delivery failure, but reports it. */
  public DeliveryReport send(Outgoing outgoing) {
    MailTemplate template = outgoing.content().template();
    List<Recipient> recipients = outgoing.recipients();
    Set<String> sentBefore = outbox.sentKeys(recipients.stream().map(outgoing.keyOf()).toList());
    int sent = 0;
    int alreadySent = 0;
    List<DeliveryReport.Failure> failures = new ArrayList<>();
    String unreachable = null;
    for (Recipient recipient : recipients) {
      String key = outgoing.keyOf().apply(recipient);
      // Asked again just before each copy: a long send (the prospectus to every user) can outlive
      // its job's lock, and another executor that took the job over may have sent some already.
      if (sentBefore.contains(key) || !outbox.sentKeys(List.of(key)).isEmpty()) {
        alreadySent++;
        continue;
      }
      RecipientExtras extras = outgoing.extrasOf().apply(recipient);
      RenderedMail mail =
          renderer.render(
              outgoing.content(),
              recipient,
              outgoing.linkOf().apply(recipient),
              extras.variables());
      OutboxEntry entry = entryFor(outgoing.origin(), key, template, recipient, mail.subject());
      if (unreachable != null) {
        // Not tried: the server that refused the connection a moment ago would refuse it again.
        outbox.recordFailed(entry, unreachable);
        failures.add(new DeliveryReport.Failure(recipient.key(), unreachable));
        continue;
      }
      try {
        sender.send(message(entry, recipient, mail, template, extras.attachments()));
        outbox.recordSent(entry);
        sent++;
        LOG.info("Sent {} to {} ({})", template, recipient.key(), key);
      } catch (MailException | MessagingException | UnsupportedEncodingException e) {
        String reason = reason(e);
        LOG.warn("Could not send {} to {}: {}", template, recipient.key(), reason);
        outbox.recordFailed(entry, reason);
        failures.add(new DeliveryReport.Failure(recipient.key(), reason));
        if (serverUnreachable(e)) {
          unreachable = reason;
        }
      }
    }
    return new DeliveryReport(template, sent, alreadySent, failures);
  }

  private MimeMessage message(
      OutboxEntry entry,
      Recipient recipient,
      RenderedMail mail,
      MailTemplate template,
      List<MailAttachment> attachments)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from());
    String name = MailHeaders.clean(recipient.name());
    helper.setTo(
        name.isEmpty()
            ? new InternetAddress(recipient.email())
            : new InternetAddress(recipient.email(), name, StandardCharsets.UTF_8.name()));
    helper.setSubject(MailHeaders.clean(mail.subject()));
    helper.setText(mail.text(), mail.html());
    for (MailAttachment attachment : attachments) {
      helper.addAttachment(
          attachment.fileName(),
          new ByteArrayResource(attachment.content()),
          attachment.contentType());
    }
    helper.setSentDate(Date.from(clock.instant()));
    // JavaMailSenderImpl keeps a Message-ID that is set before it sends.
    message.setHeader("Message-ID", entry.messageId());
    message.setHeader(TEMPLATE_HEADER, template.name());
    // RFC 3834: automatic mail; well-behaved auto-responders do not answer it.
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  private InternetAddress from() throws AddressException, UnsupportedEncodingException {
    InternetAddress[] parsed = InternetAddress.parse(settings.getFrom(), true);
    if (parsed.length != 1) {
      throw new AddressException("cofund.mail.from must be one address", settings.getFrom());
    }
    String personal = MailHeaders.clean(parsed[0].getPersonal());
    return personal.isEmpty()
        ? new InternetAddress(parsed[0].getAddress())
        : new InternetAddress(parsed[0].getAddress(), personal, StandardCharsets.UTF_8.name());
  }

  private OutboxEntry entryFor(
      OutboxEntry origin, String key, MailTemplate template, Recipient recipient, String subject) {
    return new OutboxEntry(
        key,
        template,
        origin.occasion(),
        recipient.key(),
        subject,
        origin.roundId(),
        origin.proposalReference(),
        origin.processInstanceId(),
        origin.activityId(),
        origin.jobId(),
        origin.taskId(),
        origin.dueAt(),
        messageId(key));
  }

  /** A Message-ID derived from the idempotency key: the same message keeps the same id. */
  String messageId(String key) {
    String domain = "cofund.local";
    try {
      String address = InternetAddress.parse(settings.getFrom(), false)[0].getAddress();
      domain = address.substring(address.indexOf('@') + 1);
    } catch (AddressException | RuntimeException e) {
      LOG.debug("No domain in cofund.mail.from; Message-IDs use {}", domain);
    }
    return "<" + sha256(key).substring(0, 40) + ".cofund@" + domain + ">";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether the failure concerns the server rather than one recipient. */
  static boolean serverUnreachable(Throwable failure) {
    for (Throwable cause : chain(failure)) {
      if (cause instanceof MailAuthenticationException
          || cause instanceof AuthenticationFailedException
          || cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof SocketTimeoutException
          || cause.getClass().getSimpleName().equals("MailConnectException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The failure in one line: the distinct messages of its causes, outermost first, without the
   * causes' class names and the "nested exception" and "Failed messages" texts that repeat them.
   */
  static String reason(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable cause : chain(failure)) {
      String message = cause.getMessage();
      if (message == null || message.isBlank()) {
        message = cause.getClass().getSimpleName();
      }
      message =
          MailHeaders.clean(REPEATED_CAUSE.matcher(message).replaceAll("")).replaceAll("\\.$", "");
      String current = message;
      if (!current.isEmpty() && parts.stream().noneMatch(part -> part.contains(current))) {
        parts.add(current);
      }
    }
    String reason = String.join(": ", parts);
    return reason.length() <= 300 ? reason : reason.substring(0, 299) + "\u2026";
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Throwable cause = failure;
    while (cause != null && !chain.contains(cause) && chain.size() < 10) {
      chain.add(cause);
      Throwable next = cause.getCause();
      if (cause instanceof MailSendException send
          && send.getMessageExceptions().length > 0
          && next == null) {
        next = send.getMessageExceptions()[0];
      }
      if (cause instanceof MessagingException messaging && next == null) {
        next = messaging.getNextException();
      }
      cause = next;
    }
    return chain;
  }
}
