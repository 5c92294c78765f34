package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Sends the message of one process step (a BPMN send task) to everyone its {@code mailTo} names.
 * Each copy's idempotency key is {@code step:<step key>:<recipient>}: a retried step sends only the
 * copies still missing.
 *
 * <p>A bid's lead contact whose address is not confirmed ({@link ContactAddresses}) gets the link
 * that confirms it instead (key {@code confirm-address:<address>}, so once), and nothing else.
 */
@Service
public class StepMailer {

  private static final Logger LOG = LoggerFactory.getLogger(StepMailer.class);

  private final FactsLookup facts;
  private final RecipientResolver recipients;
  private final MailService mail;
  private final TaskLinks links;
  private final ContactAddresses contacts;
  private final ObjectProvider<GrantVariations> variations;

  public StepMailer(
      FactsLookup facts,
      RecipientResolver recipients,
      MailService mail,
      TaskLinks links,
      ContactAddresses contacts,
      ObjectProvider<GrantVariations> variations) {
    this.facts = facts;
    this.recipients = recipients;
    this.mail = mail;
    this.links = links;
    this.contacts = contacts;
    this.variations = variations;
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
    List<Recipient> to = new ArrayList<>(recipients.resolve(request.mailTo(), proposal));
    Recipient unconfirmed = unconfirmedContact(to, proposal);
    if (unconfirmed != null) {
      to.remove(unconfirmed);
      LOG.info(
          "{} at {} is withheld from {}, the lead contact of {}: the address is not confirmed",
          template,
          request.activityId(),
          unconfirmed.email(),
          proposal.reference());
      askToConfirm(unconfirmed, round, proposal, request).throwIfIncomplete(request.activityId());
    }
    if (to.isEmpty()) {
      LOG.warn("{} at {} has no recipient; nothing to send", template, request.activityId());
      return new DeliveryReport(template, 0, 0, List.of());
    }
    MailContent content = new MailContent(template, round, proposal, nextRound, due, null);
    RecipientExtras extras =
        template == MailTemplate.VARIATION_DECIDED
            ? new RecipientExtras(Map.of("variation", variation(request)), List.of())
            : RecipientExtras.NONE;
    OutboxEntry origin = origin(template, round, proposal, request);
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
                origin,
                recipient -> extras));
    report.throwIfIncomplete(request.activityId());
    return report;
  }

  /** The decided variation that a VARIATION_DECIDED step names by its {@code variationId}. */
  private GrantVariations.DecidedVariation variation(StepMailRequest request) {
    if (blank(request.variationId())) {
      throw new IllegalArgumentException(
          "mailTemplate VARIATION_DECIDED needs the variationId variable of the variation decided");
    }
    long id = Long.parseLong(request.variationId().trim());
    return variations
        .getObject()
        .decided(request.proposalReference(), id)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Variation "
                        + id
                        + " of grant "
                        + request.proposalReference()
                        + " is not decided, or does not exist"));
  }

  /** The proposal's lead contact among the recipients, if their address is not confirmed. */
  private Recipient unconfirmedContact(List<Recipient> to, ProposalFacts proposal) {
    if (proposal == null || blank(proposal.contactEmail())) {
      return null;
    }
    String contact = new Recipient(proposal.contactEmail(), null, null).key();
    return to.stream()
        .filter(r -> r.key().equals(contact))
        .findFirst()
        .filter(r -> !contacts.confirmed(r.email()))
        .orElse(null);
  }

  /** The link that confirms the address, once per address whatever the step. */
  private DeliveryReport askToConfirm(
      Recipient contact, RoundFacts round, ProposalFacts proposal, StepMailRequest request) {
    String link = links.addressConfirmation(contacts.token(contact.email()));
    return mail.send(
        new Outgoing(
            new MailContent(MailTemplate.ADDRESS_CONFIRMATION, round, proposal, null, null, null),
            List.of(contact),
            recipient -> "confirm-address:" + recipient.key(),
            recipient -> link,
            origin(MailTemplate.ADDRESS_CONFIRMATION, round, proposal, request),
            recipient ->
                new RecipientExtras(
                    java.util.Map.of("linkLabel", "Confirm your email address"), List.of())));
  }

  private static OutboxEntry origin(
      MailTemplate template, RoundFacts round, ProposalFacts proposal, StepMailRequest request) {
    return OutboxEntry.fromStep(
        template,
        round == null ? request.roundId() : round.roundId(),
        proposal == null ? null : proposal.reference(),
        request.processInstanceId(),
        request.activityId(),
        request.jobId());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
