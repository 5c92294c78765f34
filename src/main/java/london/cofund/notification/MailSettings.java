package london.cofund.notification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How CoFund sends mail ({@code cofund.mail.*}). It is the bean {@code mailSettings} because BPMN
 * models read it in expressions: {@code ${mailSettings.retryCycle}} in a send task's {@code
 * camunda:failedJobRetryTimeCycle}, {@code ${mailSettings.sweepCycle}} in the reminder sweep's
 * timer. Where the SMTP server is, is Spring's {@code spring.mail.*}.
 */
@Component("mailSettings")
@ConfigurationProperties("cofund.mail")
public class MailSettings {

  private final String publicBaseUrl;

  private String from = "CoFund <noreply@cofund.example.org>";
  private String retryCycle = "R5/PT5M";
  private Duration reminderLeadTime = Duration.ofDays(3);
  private Duration escalationDelay = Duration.ZERO;
  private String escalationGroup = "mopac";
  private String sweepCycle = "R/PT1H";
  private String tasklistBaseUrl;
  private boolean sinkEnabled;
  private int sinkPort = 2525;

  /** Binds by setters; the constructor takes only the application's public address. */
  @Autowired
  public MailSettings(
      @Value("${cofund.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = stripTrailingSlash(publicBaseUrl);
  }

  /** The sender, for example {@code CoFund <noreply@cofund.example.org>}. */
  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  /**
   * The retry cycle of every send step, for example {@code R5/PT5M}: five tries, 5 minutes apart.
   */
  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    this.retryCycle = retryCycle;
  }

  /** How long before a task's due date its first reminder goes. */
  public Duration getReminderLeadTime() {
    return reminderLeadTime;
  }

  public void setReminderLeadTime(Duration reminderLeadTime) {
    this.reminderLeadTime = reminderLeadTime;
  }

  /**
   * How long after a task's due date the daily overdue escalation starts (zero: as it falls due).
   */
  public Duration getEscalationDelay() {
    return escalationDelay;
  }

  public void setEscalationDelay(Duration escalationDelay) {
    this.escalationDelay = escalationDelay;
  }

  /** The group told every day about each overdue task. */
  public String getEscalationGroup() {
    return escalationGroup;
  }

  public void setEscalationGroup(String escalationGroup) {
    this.escalationGroup = escalationGroup;
  }

  /** The reminder sweep's timer cycle, for example {@code R/PT1H}: every hour, for ever. */
  public String getSweepCycle() {
    return sweepCycle;
  }

  public void setSweepCycle(String sweepCycle) {
    this.sweepCycle = sweepCycle;
  }

  /** The application's address as users reach it ({@code cofund.public-base-url}). */
  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  /** Tasklist's home page; by default under {@code cofund.public-base-url}. */
  public String getTasklistBaseUrl() {
    return tasklistBaseUrl != null && !tasklistBaseUrl.isBlank()
        ? stripTrailingSlash(tasklistBaseUrl) + "/"
        : publicBaseUrl + "/camunda/app/tasklist/default/";
  }

  public void setTasklistBaseUrl(String tasklistBaseUrl) {
    this.tasklistBaseUrl = tasklistBaseUrl;
  }

  /**
   * Whether to start the embedded SMTP sink when {@code spring.mail.host} is not set (demo only).
   */
  public boolean isSinkEnabled() {
    return sinkEnabled;
  }

  public void setSinkEnabled(boolean sinkEnabled) {
    this.sinkEnabled = sinkEnabled;
  }

  /** The embedded sink's SMTP port on 127.0.0.1; 0 picks a free one (tests). */
  public int getSinkPort() {
    return sinkPort;
  }

  public void setSinkPort(int sinkPort) {
    this.sinkPort = sinkPort;
  }

  /** Tasklist's page for one task. */
  public String taskUrl(String taskId) {
    return getTasklistBaseUrl() + "#/?task=" + taskId;
  }

  private static String stripTrailingSlash(String url) {
    String trimmed = url == null ? "" : url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
