package london.cofund;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * What the application's SMTP sink (GreenMail, real SMTP over a socket) has received, for tests.
 * The tests share one sink, so they look at mail by something unique to them: a proposal reference
 * or a round id.
 */
public final class Mailbox {

  private final GreenMail sink;

  public Mailbox(GreenMail sink) {
    this.sink = sink;
  }

  /** One received message: its recipients, subject, plain-text body and HTML body. */
  public record Mail(
      List<String> to, String subject, String text, String html, String template, MimeMessage raw) {
    public boolean mentions(String needle) {
      return subject.contains(needle) || text.contains(needle);
    }
  }

  public List<Mail> all() {
    return Arrays.stream(sink.getReceivedMessages()).map(Mailbox::read).toList();
  }

  /** Every message whose subject or text mentions the needle. */
  public List<Mail> about(String needle) {
    return all().stream().filter(m -> m.mentions(needle)).toList();
  }

  /** Messages about the needle sent to one address. */
  public List<Mail> to(String address, String needle) {
    return about(needle).stream().filter(m -> m.to().contains(address)).toList();
  }

  /** Messages of one template (the X-CoFund-Template header) about the needle. */
  public List<Mail> of(String template, String needle) {
    return about(needle).stream().filter(m -> template.equals(m.template())).toList();
  }

  /**
   * Asserts the emails of one template about something (a reference, a round): sent to exactly
   * these recipients, once each (none when the list is empty), with this subject, a text that says
   * each of the given things, and an HTML part.
   */
  public void assertSent(
      String template, String about, List<String> recipients, String subject, String... says) {
    List<Mail> sent = of(template, about);
    org.assertj.core.api.Assertions.assertThat(sent.stream().flatMap(m -> m.to().stream()).toList())
        .as(template + " recipients about " + about)
        .containsExactlyInAnyOrderElementsOf(recipients);
    for (Mail m : sent) {
      org.assertj.core.api.Assertions.assertThat(m.subject())
          .as(template + " subject")
          .isEqualTo(subject);
      org.assertj.core.api.Assertions.assertThat(m.text()).as(template + " text").contains(says);
      org.assertj.core.api.Assertions.assertThat(m.html()).as(template + " HTML part").isNotBlank();
    }
  }

  static Mail read(MimeMessage message) {
    try {
      Address[] recipients = message.getRecipients(Message.RecipientType.TO);
      List<String> to =
          recipients == null
              ? List.of()
              : Arrays.stream(recipients)
                  .map(
                      a ->
                          a instanceof jakarta.mail.internet.InternetAddress ia
                              ? ia.getAddress()
                              : a.toString())
                  .toList();
      StringBuilder text = new StringBuilder();
      StringBuilder html = new StringBuilder();
      collect(message.getContent(), message.getContentType(), text, html);
      String[] template = message.getHeader("X-CoFund-Template");
      return new Mail(
          to,
          message.getSubject(),
          text.toString(),
          html.toString(),
          template == null ? null : template[0],
          message);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable message", e);
    }
  }

  private static void collect(Object content, String type, StringBuilder text, StringBuilder html)
      throws MessagingException, IOException {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        collect(part.getContent(), part.getContentType(), text, html);
      }
    } else if (content instanceof String s) {
      (type != null && type.toLowerCase().startsWith("text/html") ? html : text).append(s);
    }
  }
}
