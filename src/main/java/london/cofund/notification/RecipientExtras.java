package london.cofund.notification;

import java.util.List;
import java.util.Map;

/**
 * What one recipient's copy carries beyond the {@link MailContent} that every copy shares: values
 * for the templates, and attachments. The committee update is the case in point: each committee
 * gets its own borough's report, as PDF.
 *
 * <p>{@link MailService} asks for it only for copies it is about to send, so that a retry does not
 * build again what it will not send.
 *
 * @param variables extra template variables, by name; they may not reuse the names that {@link
 *     MailRenderer} sets itself
 * @param attachments the files to attach, in order
 */
public record RecipientExtras(Map<String, Object> variables, List<MailAttachment> attachments) {

  /** Nothing beyond the shared content: what every message but the committee update has. */
  public static final RecipientExtras NONE = new RecipientExtras(Map.of(), List.of());

  public RecipientExtras {
    variables = Map.copyOf(variables);
    attachments = List.copyOf(attachments);
  }
}
