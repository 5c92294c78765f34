package london.cofund.notification.api;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import london.cofund.notification.MailOutbox;
import london.cofund.notification.MailService;
import london.cofund.notification.MailSettings;
import london.cofund.notification.ReminderSchedule;
import london.cofund.system.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /mailbox}: what CoFund sent, for MOPAC and administrators (the security configuration
 * admits no one else). It lists the mail the embedded sink received, newest first, and the outbox:
 * the status of every delivery, including those that failed and will be retried, and the reminder
 * sweep's schedule.
 */
@Controller
public class MailboxController {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxController.class);
  private static final ZoneId LONDON = EngineClock.LONDON;
  static final int LIMIT = 200;

  /**
   * One message in the sink.
   *
   * @param sent when it was sent
   * @param to its recipients
   * @param subject its subject
   * @param template the CoFund template it was written from
   * @param body its text body
   */
  record SinkMessage(
      OffsetDateTime sent, String to, String subject, String template, String body) {}

  private final ObjectProvider<GreenMail> sink;
  private final MailOutbox outbox;
  private final MailSettings settings;
  private final ObjectProvider<ReminderSchedule> schedule;

  MailboxController(
      ObjectProvider<GreenMail> sink,
      MailOutbox outbox,
      MailSettings settings,
      ObjectProvider<ReminderSchedule> schedule) {
    this.sink = sink;
    this.outbox = outbox;
    this.settings = settings;
    this.schedule = schedule;
  }

  @GetMapping({"/mailbox", "/mailbox/"})
  String mailbox(Model model) {
    GreenMail greenMail = sink.getIfAvailable();
    model.addAttribute("sinkEnabled", greenMail != null);
    model.addAttribute("sinkRunning", greenMail != null && greenMail.isRunning());
    model.addAttribute("messages", greenMail == null ? List.of() : messages(greenMail));
    model.addAttribute("deliveries", outbox.latest(LIMIT));
    model.addAttribute("settings", settings);
    model.addAttribute("sweep", schedule.getIfAvailable());
    model.addAttribute("limit", LIMIT);
    return "mailbox";
  }

  /** The sink's messages, newest first, at most {@link #LIMIT}. */
  static List<SinkMessage> messages(GreenMail greenMail) {
    List<MimeMessage> received = new ArrayList<>(Arrays.asList(greenMail.getReceivedMessages()));
    Collections.reverse(received);
    List<SinkMessage> messages = new ArrayList<>();
    for (MimeMessage message : received) {
      try {
        Date sent = message.getSentDate();
        String[] template = message.getHeader(MailService.TEMPLATE_HEADER);
        messages.add(
            new SinkMessage(
                sent == null ? null : sent.toInstant().atZone(LONDON).toOffsetDateTime(),
                message.getAllRecipients() == null
                    ? ""
                    : String.join(
                        ", ",
                        Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                message.getSubject(),
                template == null ? "" : template[0],
                text(message)));
      } catch (Exception e) {
        LOG.debug("Unreadable message in the sink: {}", e.getMessage());
      }
    }
    messages.sort(
        Comparator.comparing(SinkMessage::sent, Comparator.nullsLast(Comparator.reverseOrder())));
    return messages.stream().limit(LIMIT).toList();
  }

  /** The first text/plain part of a message, or "". */
  public static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = text(child);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }
}
