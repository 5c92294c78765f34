package london.cofund.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link MailService#send} did: how many copies went, how many had gone before, and who
 * could not be reached and why.
 *
 * @param template the message
 * @param sent copies the SMTP server accepted now
 * @param alreadySent copies skipped because the outbox holds them as sent
 * @param failures the recipients not reached, each with the reason
 */
public record DeliveryReport(
    MailTemplate template, int sent, int alreadySent, List<Failure> failures) {

  private static final int MAX_NAMED = 5;

  /**
   * A recipient not reached.
   *
   * @param recipient the address
   * @param reason the SMTP server's answer or the connection problem, in one line
   */
  public record Failure(String recipient, String reason) {}

  public DeliveryReport {
    failures = List.copyOf(failures);
  }

  public boolean complete() {
    return failures.isEmpty();
  }

  /**
   * Throws a {@link MailDeliveryException} naming every recipient not reached and why, grouped by
   * reason, so that the incident an operator sees says who is missing a message and what to fix.
   */
  public void throwIfIncomplete(String where) {
    if (!complete()) {
      throw new MailDeliveryException(describe(List.of(this), where));
    }
  }

  /** One operator-facing sentence about the failures of several reports. */
  public static String describe(List<DeliveryReport> reports, String where) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    int failed = 0;
    int sent = 0;
    List<String> templates = new ArrayList<>();
    for (DeliveryReport report : reports) {
      sent += report.sent() + report.alreadySent();
      failed += report.failures().size();
      if (!report.complete() && !templates.contains(report.template().name())) {
        templates.add(report.template().name());
      }
      for (Failure failure : report.failures()) {
        byReason.computeIfAbsent(failure.reason(), r -> new ArrayList<>()).add(failure.recipient());
      }
    }
    StringBuilder text =
        new StringBuilder("Email ")
            .append(String.join(", ", templates))
            .append(where == null || where.isBlank() ? "" : " (" + where + ")")
            .append(" not delivered to ")
            .append(failed)
            .append(" of ")
            .append(failed + sent)
            .append(" recipients. ");
    // The engine keeps 666 characters of an incident's message: name a few recipients per reason.
    // Each address once: an escalation to a group's members would otherwise name them over and
    // over.
    byReason.forEach(
        (reason, all) -> {
          List<String> recipients = List.copyOf(new java.util.LinkedHashSet<>(all));
          text.append(
                  String.join(", ", recipients.subList(0, Math.min(MAX_NAMED, recipients.size()))))
              .append(
                  recipients.size() > MAX_NAMED
                      ? " and " + (recipients.size() - MAX_NAMED) + " more"
                      : "")
              .append(": ")
              .append(reason)
              .append(". ");
        });
    text.append(
        sent > 0
            ? "Retrying the job sends only to these; the others already have it."
            : "Retrying the job sends to these.");
    return text.toString();
  }
}
