package london.cofund.round;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code cf_decision_point}: when each round reached each of its decision points. */
@Repository
class DecisionPointRepository {

  private final JdbcClient jdbc;

  DecisionPointRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the point unless it is recorded already; true if this call recorded it. */
  boolean record(String roundId, DecisionPoint point, OffsetDateTime at) {
    return jdbc.sql(
                """
                insert into cf_decision_point (round_id, point, reached_at)
                select :round, :point, :at from (values (1)) as one (x)
                where not exists (
                  select 1 from cf_decision_point where round_id = :round and point = :point)""")
            .param("round", roundId)
            .param("point", point.name())
            .param("at", at)
            .update()
        == 1;
  }

  /** The points reached by each of these rounds. */
  Map<String, Map<DecisionPoint, OffsetDateTime>> reachedBy(Collection<String> roundIds) {
    Map<String, Map<DecisionPoint, OffsetDateTime>> reached = new HashMap<>();
    if (roundIds.isEmpty()) {
      return reached;
    }
    jdbc.sql(
            "select round_id, point, reached_at from cf_decision_point where round_id in"
                + " (:rounds)")
        .param("rounds", List.copyOf(roundIds))
        .query(
            (rs, row) -> {
              reached
                  .computeIfAbsent(rs.getString(1), r -> new EnumMap<>(DecisionPoint.class))
                  .put(
                      DecisionPoint.valueOf(rs.getString(2)),
                      rs.getObject(3, OffsetDateTime.class));
              return null;
            })
        .list();
    return reached;
  }
}
