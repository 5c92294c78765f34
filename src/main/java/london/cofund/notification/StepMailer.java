package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the message of one process step (a BPMN send task) to everyone its {@code mailTo} names.
 * Each copy's idempotency key is {@code step:<step key>:<recipient>}: a retried step sends only the
 * copies still missing.
 */
@Service
public class StepMailer {

  private static final Logger LOG = LoggerFactory.getLogger(StepMailer.class);

  private final FactsLookup facts;
  private final RecipientResolver recipients;
  private final MailService mail;
  private final TaskLinks links;

  public StepMailer(
      FactsLookup facts, RecipientResolver recipients, MailService mail, TaskLinks links) {
    this.facts = facts;
    this.recipients = recipients;
    this.mail = mail;
    this.links = links;
  }

  /**
   * Sends the step's message.
   *
   * @throws MailDeliveryException when a recipient could not be reached, naming each and why
   * @throws IllegalArgumentException when the step is modelled wrongly (unknown template, mailTo)
   * @throws IllegalStateException when the round or the proposal is unknown
   */
  public DeliveryReport send(StepMailRequest request) {
    MailTemplate template = MailTemplate.named(request.template());
    RoundFacts round = blank(request.roundId()) ? null : facts.requireRound(request.roundId());
    ProposalFacts proposal =
        blank(request.proposalReference())
            ? null
            : facts.requireProposal(request.proposalReference());
    RoundFacts nextRound =
        blank(request.nextRoundId()) ? null : facts.requireRound(request.nextRoundId());
    if (template.aboutProposal() && proposal == null) {
      throw new IllegalArgumentException(
          "mailTemplate "
              + template
              + " is about a proposal, but"
              + " the process has no proposalReference variable");
    }
    OffsetDateTime due = DueDates.of(request.dueDate());
    if (due == null) {
      due =
          template.defaultDue(
              template == MailTemplate.NEXT_TRANCHE_INVITATION && nextRound != null
                  ? nextRound
                  : round);
    }
    List<Recipient> to = recipients.resolve(request.mailTo(), proposal);
    if (to.isEmpty()) {
      LOG.warn("{} at {} has no recipient; nothing to send", template, request.activityId());
      return new DeliveryReport(template, 0, 0, List.of());
    }
    MailContent content = new MailContent(template, round, proposal, nextRound, due, null);
    OutboxEntry origin =
        OutboxEntry.fromStep(
            template,
            round == null ? request.roundId() : round.roundId(),
            proposal == null ? null : proposal.reference(),
            request.processInstanceId(),
            request.activityId(),
            request.jobId());
    String taskKey = request.taskKey();
    DeliveryReport report =
        mail.send(
            new Outgoing(
                content,
                to,
                recipient -> "step:" + request.stepKey() + ":" + recipient.key(),
                recipient ->
                    blank(taskKey) || blank(request.processInstanceId())
                        ? links.tasklist()
                        : links.open(
                            request.processInstanceId(), taskKey.trim(), recipient.viaGroup()),
                origin));
    report.throwIfIncomplete(request.activityId());
    return report;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
