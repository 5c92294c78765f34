package london.cofund.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Links from emails to tasks. A send step runs before the task it announces exists, so its link
 * goes to {@code /tasks/open}, which redirects to the task once it is there (or to Tasklist's home
 * page); a reminder, sent about an existing task, links to the task itself.
 */
@Component
public class TaskLinks {

  /** The redirect's path; the security configuration asks for the webapps' login there. */
  public static final String OPEN_PATH = "/tasks/open";

  /** Where a lead contact confirms their address: open to anyone, as registration is. */
  public static final String ADDRESS_CONFIRMATION_PATH = "/apply/register/address";

  private final MailSettings settings;

  public TaskLinks(MailSettings settings) {
    this.settings = settings;
  }

  /**
   * The stable link to the open task {@code taskKey} of a process instance.
   *
   * @param group the candidate group whose task to prefer when there are several (a borough's
   *     sign-off among many); may be null
   */
  public String open(String processInstanceId, String taskKey, String group) {
    StringBuilder link =
        new StringBuilder(settings.getPublicBaseUrl())
            .append(OPEN_PATH)
            .append("?processInstanceId=")
            .append(encode(processInstanceId))
            .append("&taskKey=")
            .append(encode(taskKey));
    if (group != null && !group.isBlank()) {
      link.append("&group=").append(encode(group));
    }
    return link.toString();
  }

  /** Tasklist's page of one existing task. */
  public String task(String taskId) {
    return settings.taskUrl(encode(taskId));
  }

  /** The portal's page that confirms a lead contact's address ({@link ContactAddresses}). */
  public String addressConfirmation(String token) {
    return settings.getPublicBaseUrl() + ADDRESS_CONFIRMATION_PATH + "?token=" + encode(token);
  }

  /** Tasklist's home page. */
  public String tasklist() {
    return settings.getTasklistBaseUrl();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
