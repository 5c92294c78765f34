package london.cofund.notification;

import java.util.List;
import java.util.function.Function;

/**
 * One message to send to several recipients, with what the outbox should remember of it.
 *
 * @param content what the message is about
 * @param recipients who gets it
 * @param keyOf the idempotency key of each recipient's copy
 * @param linkOf where each recipient's button points
 * @param origin where the message comes from: process instance, element, job, task, occasion; its
 *     key, recipient, subject and message id are filled in per recipient
 * @param extrasOf what each recipient's copy carries beyond the shared content: template values and
 *     attachments ({@link RecipientExtras#NONE} for most messages); asked only for copies being
 *     sent
 */
public record Outgoing(
    MailContent content,
    List<Recipient> recipients,
    Function<Recipient, String> keyOf,
    Function<Recipient, String> linkOf,
    OutboxEntry origin,
    Function<Recipient, RecipientExtras> extrasOf) {

  public Outgoing {
    recipients = List.copyOf(recipients);
  }

  /** A message whose copies differ only in their greeting and link. */
  public Outgoing(
      MailContent content,
      List<Recipient> recipients,
      Function<Recipient, String> keyOf,
      Function<Recipient, String> linkOf,
      OutboxEntry origin) {
    this(content, recipients, keyOf, linkOf, origin, recipient -> RecipientExtras.NONE);
  }
}
