package london.cofund.grant;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import london.cofund.system.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grant tables: {@code cf_grant}, its budget lines, payments, returns (with their spend by
 * line) and variations. Money is whole pence.
 */
@Repository
class GrantRepository {

  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonColumns json;

  GrantRepository(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ---- the grant

  void insert(Grant grant, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into cf_grant (reference, round_id, status, award_pence, agreement_signed_on,
              decision_reference, conditions, failure_reason, first_payment_in_advance, starts_on,
              ends_on, partners, created_at, updated_at)
            values (:ref, :round, :status, :award, :signed, :decision, :conditions, :failure,
              :advance, :starts, :ends, :partners, :now, :now)""")
        .param("ref", grant.reference())
        .param("round", grant.roundId())
        .param("status", grant.status().name())
        .param("award", grant.awardPence())
        .param("signed", grant.agreementSignedOn())
        .param("decision", grant.decisionReference())
        .param("conditions", grant.conditions())
        .param("failure", grant.failureReason())
        .param("advance", grant.firstPaymentInAdvance())
        .param("starts", grant.startsOn())
        .param("ends", grant.endsOn())
        .param("partners", json.write(grant.partners()))
        .param("now", now)
        .update();
  }

  Optional<Grant> find(String reference) {
    return jdbc.sql("select * from cf_grant where reference = :ref")
        .param("ref", reference)
        .query(this::grant)
        .optional();
  }

  List<String> references() {
    return jdbc.sql("select reference from cf_grant order by reference").query(String.class).list();
  }

  List<Grant> findByRound(String roundId) {
    return jdbc.sql("select * from cf_grant where round_id = :round order by reference")
        .param("round", roundId)
        .query(this::grant)
        .list();
  }

  /** Takes the grant's row lock: money moves of one grant happen one after the other. */
  void lock(String reference) {
    jdbc.sql("select reference from cf_grant where reference = :ref for update")
        .param("ref", reference)
        .query(String.class)
        .optional();
  }

  void saveStatus(String reference, Grant.GrantStatus status, OffsetDateTime now) {
    update(reference, now, "status", status.name());
  }

  void saveReplacement(String reference, String replacement, OffsetDateTime now) {
    update(reference, now, "replaced_by", replacement);
  }

  /**
   * Sets columns of one grant, and its {@code updated_at}: {@code columnsAndValues} are pairs of a
   * column (always a literal of this class, never input) and its new value, which may be null.
   */
  private void update(String reference, OffsetDateTime now, Object... columnsAndValues) {
    StringBuilder sql = new StringBuilder("update cf_grant set ");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      String column = (String) columnsAndValues[i];
      sql.append(column).append(" = :").append(column).append(", ");
      params.put(column, columnsAndValues[i + 1]);
    }
    sql.append("updated_at = :now where reference = :ref");
    params.put("now", now);
    params.put("ref", reference);
    jdbc.sql(sql.toString()).params(params).update();
  }

  /** The failed grants of a round that a replacement took the place of. */
  List<String> replacementsOfRound(String roundId) {
    return jdbc.sql(
            """
            select replaced_by from cf_grant
            where round_id = :round and replaced_by is not null order by replaced_by""")
        .param("round", roundId)
        .query(String.class)
        .list();
  }

  void saveSuspension(String reference, boolean suspended, String reason, OffsetDateTime now) {
    update(reference, now, "payments_suspended", suspended, "suspension_reason", reason);
  }

  void saveEndDate(String reference, LocalDate endsOn, OffsetDateTime now) {
    update(reference, now, "ends_on", endsOn);
  }

  void savePartners(String reference, List<String> partners, OffsetDateTime now) {
    update(reference, now, "partners", json.write(partners));
  }

  void saveFinalReport(String reference, String report, OffsetDateTime now) {
    update(reference, now, "final_report", report);
  }

  void saveEvaluation(String reference, String evaluation, OffsetDateTime now) {
    update(reference, now, "evaluation", evaluation, "status", Grant.GrantStatus.CLOSED.name());
  }

  private Grant grant(ResultSet rs, int row) throws SQLException {
    return new Grant(
        rs.getString("reference"),
        rs.getString("round_id"),
        Grant.GrantStatus.valueOf(rs.getString("status")),
        rs.getLong("award_pence"),
        rs.getObject("agreement_signed_on", LocalDate.class),
        rs.getString("decision_reference"),
        rs.getString("conditions"),
        rs.getString("failure_reason"),
        rs.getBoolean("first_payment_in_advance"),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        Optional.ofNullable(json.read(rs.getString("partners"), NAMES)).orElse(List.of()),
        rs.getBoolean("payments_suspended"),
        rs.getString("suspension_reason"),
        rs.getString("replaced_by"),
        rs.getString("final_report"),
        rs.getString("evaluation"));
  }

  // ---- budget lines

  void saveLine(String reference, String year, long budgetPence) {
    int updated =
        jdbc.sql(
                """
                update cf_grant_budget_line set budget_pence = :budget
                where reference = :ref and financial_year = :year""")
            .param("ref", reference)
            .param("year", year)
            .param("budget", budgetPence)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into cf_grant_budget_line (reference, financial_year, budget_pence)
              values (:ref, :year, :budget)""")
          .param("ref", reference)
          .param("year", year)
          .param("budget", budgetPence)
          .update();
    }
  }

  void saveReturned(String reference, String year, long returnedPence) {
    jdbc.sql(
            """
            update cf_grant_budget_line set returned_pence = :returned
            where reference = :ref and financial_year = :year""")
        .param("ref", reference)
        .param("year", year)
        .param("returned", returnedPence)
        .update();
  }

  List<BudgetLine> lines(String reference) {
    return jdbc.sql(
            """
            select * from cf_grant_budget_line where reference = :ref order by financial_year""")
        .param("ref", reference)
        .query(
            (rs, row) ->
                new BudgetLine(
                    rs.getString("financial_year"),
                    rs.getLong("budget_pence"),
                    rs.getLong("returned_pence")))
        .list();
  }

  // ---- payments

  void insertPayment(String reference, Payment payment) {
    jdbc.sql(
            """
            insert into cf_grant_payment (reference, quarter, kind, financial_year, due_on,
              planned_pence, status)
            values (:ref, :quarter, :kind, :year, :due, :planned, :status)""")
        .param("ref", reference)
        .param("quarter", payment.quarter().toString())
        .param("kind", payment.kind().name())
        .param("year", payment.financialYear())
        .param("due", payment.dueOn())
        .param("planned", payment.plannedPence())
        .param("status", payment.status().name())
        .update();
  }

  void savePlanned(String reference, Quarter quarter, Payment.Kind kind, long plannedPence) {
    jdbc.sql(
            """
            update cf_grant_payment set planned_pence = :planned
            where reference = :ref and quarter = :quarter and kind = :kind""")
        .param("ref", reference)
        .param("quarter", quarter.toString())
        .param("kind", kind.name())
        .param("planned", plannedPence)
        .update();
  }

  void savePaymentStatus(
      String reference,
      Quarter quarter,
      Payment.Kind kind,
      Payment.Status status,
      Long paidPence,
      OffsetDateTime paidAt) {
    jdbc.sql(
            """
            update cf_grant_payment set status = :status, paid_pence = :paid, paid_at = :at
            where reference = :ref and quarter = :quarter and kind = :kind""")
        .param("ref", reference)
        .param("quarter", quarter.toString())
        .param("kind", kind.name())
        .param("status", status.name())
        .param("paid", paidPence)
        .param("at", paidAt)
        .update();
  }

  List<Payment> payments(String reference) {
    return jdbc.sql(
            """
            select * from cf_grant_payment where reference = :ref
            order by quarter, kind""")
        .param("ref", reference)
        .query(
            (rs, row) ->
                new Payment(
                    Quarter.parse(rs.getString("quarter")).orElseThrow(),
                    Payment.Kind.valueOf(rs.getString("kind")),
                    rs.getString("financial_year"),
                    rs.getObject("due_on", LocalDate.class),
                    rs.getLong("planned_pence"),
                    Payment.Status.valueOf(rs.getString("status")),
                    (Long) rs.getObject("paid_pence", Long.class),
                    rs.getObject("paid_at", OffsetDateTime.class)))
        .list();
  }

  // ---- returns

  void saveReturn(
      String reference, ReturnForm form, Quarter quarter, String by, OffsetDateTime now) {
    int updated =
        jdbc.sql(
                """
                update cf_grant_return set status = :status, version = version + 1,
                  spend_pence = :spend, body = :body, submitted_by = :by, submitted_at = :now,
                  reviewed_by = null, reviewed_at = null
                where reference = :ref and quarter = :quarter""")
            .param("ref", reference)
            .param("quarter", quarter.toString())
            .param("status", MonitoringReturn.Status.SUBMITTED.name())
            .param("spend", form.spendPence())
            .param("body", json.write(form))
            .param("by", by)
            .param("now", now)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into cf_grant_return (reference, quarter, status, version, spend_pence, body,
                submitted_by, submitted_at)
              values (:ref, :quarter, :status, 1, :spend, :body, :by, :now)""")
          .param("ref", reference)
          .param("quarter", quarter.toString())
          .param("status", MonitoringReturn.Status.SUBMITTED.name())
          .param("spend", form.spendPence())
          .param("body", json.write(form))
          .param("by", by)
          .param("now", now)
          .update();
    }
    jdbc.sql("delete from cf_grant_return_spend where reference = :ref and quarter = :quarter")
        .param("ref", reference)
        .param("quarter", quarter.toString())
        .update();
    java.util.Map<String, Long> byLine = new java.util.TreeMap<>();
    form.spend().forEach(s -> byLine.merge(s.line().trim(), s.amountPence(), Long::sum));
    byLine.forEach(
        (line, amount) ->
            jdbc.sql(
                    """
                    insert into cf_grant_return_spend (reference, quarter, financial_year,
                      amount_pence)
                    values (:ref, :quarter, :line, :amount)""")
                .param("ref", reference)
                .param("quarter", quarter.toString())
                .param("line", line)
                .param("amount", amount)
                .update());
  }

  void saveReview(
      String reference,
      Quarter quarter,
      MonitoringReturn.Status status,
      String by,
      String reasons,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_grant_return set status = :status, reviewed_by = :by, reviewed_at = :now,
              review_reasons = :reasons
            where reference = :ref and quarter = :quarter""")
        .param("ref", reference)
        .param("quarter", quarter.toString())
        .param("status", status.name())
        .param("by", by)
        .param("reasons", reasons)
        .param("now", now)
        .update();
  }

  List<MonitoringReturn> returns(String reference) {
    return jdbc.sql("select * from cf_grant_return where reference = :ref order by quarter")
        .param("ref", reference)
        .query(
            (rs, row) ->
                new MonitoringReturn(
                    Quarter.parse(rs.getString("quarter")).orElseThrow(),
                    MonitoringReturn.Status.valueOf(rs.getString("status")),
                    rs.getInt("version"),
                    rs.getLong("spend_pence"),
                    json.read(rs.getString("body"), new TypeReference<ReturnForm>() {}),
                    rs.getString("submitted_by"),
                    rs.getObject("submitted_at", OffsetDateTime.class),
                    rs.getString("reviewed_by"),
                    rs.getObject("reviewed_at", OffsetDateTime.class),
                    rs.getString("review_reasons")))
        .list();
  }

  // ---- variations

  long insertVariation(
      String reference,
      Variation.Kind kind,
      String before,
      String after,
      String reason,
      String by,
      OffsetDateTime now) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into cf_grant_variation (reference, kind, status, before_state, after_state,
              reason, requested_by, requested_at)
            values (:ref, :kind, :status, :before, :after, :reason, :by, :now)""")
        .param("ref", reference)
        .param("kind", kind.name())
        .param("status", Variation.Status.REQUESTED.name())
        .param("before", before)
        .param("after", after)
        .param("reason", reason)
        .param("by", by)
        .param("now", now)
        .update(keys, "variation_id");
    return keys.getKey().longValue();
  }

  void saveVariationDecision(
      long id, Variation.Status status, String by, String reason, OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_grant_variation set status = :status, decided_by = :by, decided_at = :now,
              decision_reason = :reason
            where variation_id = :id""")
        .param("id", id)
        .param("status", status.name())
        .param("by", by)
        .param("reason", reason)
        .param("now", now)
        .update();
  }

  List<Variation> variations(String reference) {
    return jdbc.sql("select * from cf_grant_variation where reference = :ref order by variation_id")
        .param("ref", reference)
        .query(
            (rs, row) ->
                new Variation(
                    rs.getLong("variation_id"),
                    Variation.Kind.valueOf(rs.getString("kind")),
                    Variation.Status.valueOf(rs.getString("status")),
                    rs.getString("before_state"),
                    rs.getString("after_state"),
                    rs.getString("reason"),
                    rs.getString("requested_by"),
                    rs.getObject("requested_at", OffsetDateTime.class),
                    rs.getString("decided_by"),
                    rs.getObject("decided_at", OffsetDateTime.class),
                    rs.getString("decision_reason")))
        .list();
  }
}
