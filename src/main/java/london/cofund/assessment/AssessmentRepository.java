package london.cofund.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cf_assessment} table; its primary key (reference, assessor) forbids assessing twice.
 */
@Repository
class AssessmentRepository {

  private final JdbcClient jdbc;

  AssessmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Assessment a) {
    jdbc.sql(
            """
            insert into cf_assessment (reference, assessor, slot, conflict_of_interest, score_strategic_fit,
              score_need, score_partnership, score_deliverability, score_value_for_money, comments, submitted_at)
            values (:ref, :assessor, :slot, :conflict, :fit, :need, :partnership, :deliverability, :value,
              :comments, :at)""")
        .param("ref", a.reference())
        .param("assessor", a.assessor())
        .param("slot", a.slot())
        .param("conflict", a.conflictOfInterest())
        .param("fit", a.scores().get(ScoreCriterion.STRATEGIC_FIT))
        .param("need", a.scores().get(ScoreCriterion.NEED))
        .param("partnership", a.scores().get(ScoreCriterion.PARTNERSHIP))
        .param("deliverability", a.scores().get(ScoreCriterion.DELIVERABILITY))
        .param("value", a.scores().get(ScoreCriterion.VALUE_FOR_MONEY))
        .param("comments", a.comments())
        .param("at", a.submittedAt())
        .update();
  }

  boolean exists(String reference, String assessor) {
    return jdbc.sql(
                "select count(*) from cf_assessment where reference = :ref and assessor = :assessor")
            .param("ref", reference)
            .param("assessor", assessor)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Assessment> findByReference(String reference) {
    return jdbc.sql(
            "select * from cf_assessment where reference = :ref order by submitted_at, assessor")
        .param("ref", reference)
        .query(this::map)
        .list();
  }

  private Assessment map(ResultSet rs, int row) throws SQLException {
    Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
    put(scores, ScoreCriterion.STRATEGIC_FIT, rs, "score_strategic_fit");
    put(scores, ScoreCriterion.NEED, rs, "score_need");
    put(scores, ScoreCriterion.PARTNERSHIP, rs, "score_partnership");
    put(scores, ScoreCriterion.DELIVERABILITY, rs, "score_deliverability");
    put(scores, ScoreCriterion.VALUE_FOR_MONEY, rs, "score_value_for_money");
    return new Assessment(
        rs.getString("reference"),
        rs.getString("assessor"),
        rs.getInt("slot"),
        rs.getBoolean("conflict_of_interest"),
        scores,
        rs.getString("comments"),
        rs.getObject("submitted_at", OffsetDateTime.class));
  }

  private static void put(
      Map<ScoreCriterion, Integer> scores, ScoreCriterion criterion, ResultSet rs, String column)
      throws SQLException {
    int value = rs.getInt(column);
    if (!rs.wasNull()) {
      scores.put(criterion, value);
    }
  }
}
