package london.cofund.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each assessor's total per proposal, for the open data exports; read-only. The database adds up
 * the five scores of every assessment in one query, however many proposals are asked for.
 */
@Service
public class AssessorTotals {

  private final JdbcClient jdbc;

  AssessorTotals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The scored assessments' totals (5 to 25) of each proposal, in the order the assessors' slots
   * were filled. A declared conflict of interest carries no scores and is left out.
   */
  public Map<String, List<Integer>> of(Collection<String> references) {
    Map<String, List<Integer>> totals = new HashMap<>();
    if (references.isEmpty()) {
      return totals;
    }
    jdbc.sql(
            """
            select reference, score_strategic_fit + score_need + score_partnership
              + score_deliverability + score_value_for_money as total
            from cf_assessment
            where conflict_of_interest = false and reference in (:refs)
            order by reference, slot, submitted_at, assessor""")
        .param("refs", List.copyOf(references))
        .query(
            (rs, n) ->
                totals.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getInt(2)))
        .list();
    return totals;
  }
}
