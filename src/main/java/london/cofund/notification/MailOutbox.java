package london.cofund.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and audit trail of every delivery ({@code cf_mail_outbox}).
 *
 * <p>Rows are written in a transaction of their own ({@code REQUIRES_NEW}), right after the SMTP
 * server answers: a send step's job that fails later, and rolls back, must not forget the messages
 * that did go out, or its retry would send them again.
 */
@Repository
public class MailOutbox {

  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  private static final int MAX_ERROR = 1000;
  private static final int MAX_SUBJECT = 300;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Which of these keys have been sent. */
  public Set<String> sentKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "select idempotency_key from cf_mail_outbox"
                    + " where status = :status and idempotency_key in (:keys)")
            .param("status", SENT)
            .param("keys", List.copyOf(keys))
            .query(String.class)
            .list());
  }

  /** Whether a message went under this key. */
  public boolean isSent(String key) {
    return !sentKeys(List.of(key)).isEmpty();
  }

  /** Whether a reminder of this occasion went to this recipient about this task and due date. */
  public boolean reminded(
      String taskId, String recipient, ReminderOccasion occasion, OffsetDateTime dueAt) {
    return jdbc.sql(
                "select count(*) from cf_mail_outbox where task_id = :task"
                    + " and recipient = :recipient and occasion = :occasion and due_at = :due"
                    + " and status = :status")
            .param("task", taskId)
            .param("recipient", recipient)
            .param("occasion", occasion.name())
            .param("due", utc(dueAt))
            .param("status", SENT)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Records that the SMTP server accepted the message, in a transaction of its own. */
  public void recordSent(OutboxEntry entry) {
    record(entry, SENT, null);
  }

  /** Records that sending failed, in a transaction of its own; a sent row stays sent. */
  public void recordFailed(OutboxEntry entry, String error) {
    record(entry, FAILED, error);
  }

  /** The latest rows, newest first. */
  public List<OutboxRow> latest(int limit) {
    return jdbc.sql(
            "select * from cf_mail_outbox order by updated_at desc, id desc"
                + " fetch first "
                + Math.max(1, limit)
                + " rows only")
        .query(MailOutbox::row)
        .list();
  }

  /** The rows whose key starts with a prefix, oldest first: {@code step:<jobId>:} for one step. */
  public List<OutboxRow> withKeyPrefix(String prefix) {
    String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql(
            "select * from cf_mail_outbox where idempotency_key like :pattern escape '\\'"
                + " order by id")
        .param("pattern", pattern)
        .query(MailOutbox::row)
        .list();
  }

  private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
    return new OutboxRow(
        rs.getString("idempotency_key"),
        rs.getString("template_name"),
        rs.getString("occasion"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("round_id"),
        rs.getString("proposal_reference"),
        rs.getString("process_instance_id"),
        rs.getString("activity_id"),
        rs.getString("task_id"),
        rs.getString("message_id"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class));
  }

  private void record(OutboxEntry entry, String status, String error) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    ownTransaction.executeWithoutResult(
        tx -> {
          if (update(entry, status, error, now) == 0) {
            try {
              insert(entry, status, error, now);
            } catch (DuplicateKeyException e) {
              // Another node wrote the key between our update and insert; ours is then an update.
              update(entry, status, error, now);
            }
          }
        });
  }

  private int update(OutboxEntry entry, String status, String error, OffsetDateTime now) {
    return jdbc.sql(
            "update cf_mail_outbox set status = :status, attempts = attempts + 1,"
                + " last_error = :error, subject = :subject, message_id = :messageId,"
                + " updated_at = :now, sent_at = :sentAt"
                + " where idempotency_key = :key and status <> :sent")
        .param("status", status)
        .param("error", truncate(error, MAX_ERROR))
        .param("subject", truncate(entry.subject(), MAX_SUBJECT))
        .param("messageId", entry.messageId())
        .param("now", now)
        .param("sentAt", SENT.equals(status) ? now : null, Types.TIMESTAMP_WITH_TIMEZONE)
        .param("key", entry.key())
        .param("sent", SENT)
        .update();
  }

  private void insert(OutboxEntry entry, String status, String error, OffsetDateTime now) {
    jdbc.sql(
            "insert into cf_mail_outbox (idempotency_key, template_name, occasion, recipient,"
                + " subject, round_id, proposal_reference, process_instance_id, activity_id,"
                + " job_id, task_id, due_at, message_id, status, attempts, last_error, created_at,"
                + " updated_at, sent_at) values (:key, :template, :occasion, :recipient, :subject,"
                + " :roundId, :proposalReference, :processInstanceId, :activityId, :jobId, :taskId,"
                + " :dueAt, :messageId, :status, 1, :error, :now, :now, :sentAt)")
        .param("key", entry.key())
        .param("template", entry.template().name())
        .param("occasion", entry.occasion() == null ? null : entry.occasion().name())
        .param("recipient", entry.recipient())
        .param("subject", truncate(entry.subject(), MAX_SUBJECT))
        .param("roundId", entry.roundId())
        .param("proposalReference", entry.proposalReference())
        .param("processInstanceId", entry.processInstanceId())
        .param("activityId", entry.activityId())
        .param("jobId", entry.jobId())
        .param("taskId", entry.taskId())
        .param("dueAt", utc(entry.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("messageId", entry.messageId())
        .param("status", status)
        .param("error", truncate(error, MAX_ERROR))
        .param("now", now)
        .param("sentAt", SENT.equals(status) ? now : null, Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  private static OffsetDateTime utc(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
