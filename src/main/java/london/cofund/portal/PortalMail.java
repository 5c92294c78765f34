package london.cofund.portal;

import java.util.List;
import java.util.Map;
import london.cofund.notification.DeliveryReport;
import london.cofund.notification.MailContent;
import london.cofund.notification.MailService;
import london.cofund.notification.MailSettings;
import london.cofund.notification.MailTemplate;
import london.cofund.notification.OutboxEntry;
import london.cofund.notification.Outgoing;
import london.cofund.notification.Recipient;
import london.cofund.notification.RecipientExtras;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import org.springframework.stereotype.Component;

/**
 * The portal's invitation mail, through the outbox like every message CoFund sends (once per
 * invitation: its key is the token's hash). A message the server refuses is a 409, so that the
 * invitation is not stored without its mail.
 */
@Component
class PortalMail {

  private final MailService mail;
  private final MailSettings settings;
  private final RoundService rounds;

  PortalMail(MailService mail, MailSettings settings, RoundService rounds) {
    this.mail = mail;
    this.settings = settings;
    this.rounds = rounds;
  }

  void invitation(Draft draft, String email, String invitedBy, String token) {
    String title = draft.form().title().isBlank() ? "an untitled draft" : draft.form().title();
    DeliveryReport report =
        mail.send(
            new Outgoing(
                new MailContent(MailTemplate.DRAFT_INVITATION, null, null, null, null, null),
                List.of(new Recipient(email, null, null)),
                recipient -> "invitation:" + Tokens.hash(token),
                recipient -> settings.getPublicBaseUrl() + "/apply/invitations/" + token,
                OutboxEntry.fromStep(
                    MailTemplate.DRAFT_INVITATION, draft.roundId(), null, null, null, null),
                recipient ->
                    new RecipientExtras(
                        Map.of(
                            "linkLabel",
                            "Open the invitation",
                            "invitedBy",
                            invitedBy,
                            "draftTitle",
                            title,
                            "roundName",
                            rounds.get(draft.roundId()).name()),
                        List.of())));
    if (!report.complete()) {
      throw new ConflictException(
          "The invitation could not be mailed just now: please invite again in a few minutes.");
    }
  }
}
