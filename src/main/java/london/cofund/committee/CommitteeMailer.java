package london.cofund.committee;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import london.cofund.committee.CommitteeSettings.Recipient;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.FactsLookup;
import london.cofund.notification.MailAttachment;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailDeliveryException;
import london.cofund.notification.MailService;
import london.cofund.notification.MailSettings;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.RecipientExtras;
import london.cofund.notification.RoundFacts;
import london.cofund.round.DecisionPoint;
import london.cofund.round.DecisionPoints;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundService;
import org.springframework.stereotype.Service;

/**
 * Sends each configured committee ({@code cofund.committee.recipients}) its borough's update, as
 * PDF, when a round passes a decision point.
 *
 * <p>Each copy's idempotency key is {@code committee-update:<round>:<point>:<borough>:<address>}:
 * whatever retries or repeats the step, a committee gets one copy per round and point. A borough's
 * update and PDF are made only if one of its copies is still to go, once for all its recipients.
 * Copies that cannot be sent fail the step after every other copy went, naming each recipient and
 * the reason, as every CoFund send step does: its job retries, then becomes an incident.
 */
@Service
public class CommitteeMailer {

  /** The button's words in the email: it opens the update's page. */
  static final String LINK_LABEL = "Read the update online";

  private final CommitteeSettings settings;
  private final CommitteeUpdateService updates;
  private final CommitteeUpdatePdf pdf;
  private final RoundService rounds;
  private final DecisionPoints decisionPoints;
  private final FactsLookup facts;
  private final MailService mail;
  private final MailSettings mailSettings;

  CommitteeMailer(
      CommitteeSettings settings,
      CommitteeUpdateService updates,
      CommitteeUpdatePdf pdf,
      RoundService rounds,
      DecisionPoints decisionPoints,
      FactsLookup facts,
      MailService mail,
      MailSettings mailSettings) {
    this.settings = settings;
    this.updates = updates;
    this.pdf = pdf;
    this.rounds = rounds;
    this.decisionPoints = decisionPoints;
    this.facts = facts;
    this.mail = mail;
    this.mailSettings = mailSettings;
  }

  /** Whether any committee is configured: with none, nothing is started or sent. */
  public boolean anyRecipient() {
    return !settings.getRecipients().isEmpty();
  }

  /**
   * Sends the copies not sent yet.
   *
   * @param origin the process instance and element sending, for the outbox
   * @return one report per borough
   * @throws MailDeliveryException when a copy could not be sent, naming each and why
   */
  public List<DeliveryReport> send(String roundId, DecisionPoint point, Origin origin) {
    Map<String, List<Recipient>> byBorough = settings.byBorough();
    if (byBorough.isEmpty()) {
      return List.of();
    }
    RoundFacts round = facts.requireRound(roundId);
    RoundDecisionPoint next = CommitteeUpdate.next(decisionPoints.of(rounds.get(roundId)));
    OffsetDateTime due = next == null ? null : next.plannedFor();
    MailContent content =
        new MailContent(MailTemplate.COMMITTEE_UPDATE, round, null, null, due, null);
    OutboxEntry from =
        OutboxEntry.fromStep(
            MailTemplate.COMMITTEE_UPDATE,
            roundId,
            null,
            origin.processInstanceId(),
            origin.activityId(),
            origin.jobId());
    List<DeliveryReport> reports = new ArrayList<>();
    byBorough.forEach(
        (gssCode, recipients) -> {
          Supplier<RecipientExtras> extras = once(() -> extras(roundId, point, gssCode));
          reports.add(
              mail.send(
                  new Outgoing(
                      content,
                      recipients.stream()
                          .map(
                              r ->
                                  new london.cofund.notification.Recipient(
                                      r.email(), r.name(), null))
                          .toList(),
                      recipient -> key(roundId, point, gssCode, recipient.key()),
                      recipient -> link(gssCode, roundId),
                      from,
                      recipient -> extras.get())));
        });
    if (reports.stream().anyMatch(r -> !r.complete())) {
      throw new MailDeliveryException(DeliveryReport.describe(reports, origin.activityId()));
    }
    return reports;
  }

  /**
   * Where a send comes from, for the outbox.
   *
   * @param processInstanceId the sending process instance, or null
   * @param activityId the sending element, or null
   * @param jobId the job, or null
   */
  public record Origin(String processInstanceId, String activityId, String jobId) {}

  static String key(String roundId, DecisionPoint point, String gssCode, String address) {
    return "committee-update:" + roundId + ":" + point.name() + ":" + gssCode + ":" + address;
  }

  private String link(String gssCode, String roundId) {
    return mailSettings.getPublicBaseUrl()
        + "/boroughs/"
        + gssCode
        + "/committee-updates/"
        + URLEncoder.encode(roundId, StandardCharsets.UTF_8);
  }

  private RecipientExtras extras(String roundId, DecisionPoint point, String gssCode) {
    CommitteeUpdate update = updates.build(roundId, gssCode);
    return new RecipientExtras(
        Map.of(
            "update",
            update,
            "decisionPoint",
            point.title(),
            "format",
            UpdateFormat.INSTANCE,
            "linkLabel",
            LINK_LABEL),
        List.of(
            new MailAttachment(
                CommitteeUpdatePdf.fileName(update), "application/pdf", pdf.render(update))));
  }

  /** Makes the value at the first call, and answers it again after. */
  private static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private T made;

      @Override
      public T get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }
}
