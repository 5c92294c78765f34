package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import london.cofund.CoFundSpringTest;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link TaskIdsAtOnce}: the engine's task statements get the narrowed ids at once, and the
 * statement is the one MyBatis builds with every id: parameter for parameter on PostgreSQL, and
 * with the ids written in as literals, quotes doubled, on H2.
 */
@CoFundSpringTest
class TaskIdsAtOnceTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void theStatementHasEveryIdInItsPlaceAsMyBatisWouldHaveBuiltIt() {
    String[] ids = IntStream.range(0, 313).mapToObj(i -> "task-" + i).toArray(String[]::new);
    // An id with a quote in it, as an administrator could write into a grant.
    ids[7] = "x' or '1'='1";
    boolean h2 = "h2".equals(engine.getDatabaseType());
    for (String statement : TaskIdsAtOnce.STATEMENTS) {
      MappedStatement mapped =
          engine
              .getSqlSessionFactory()
              .getConfiguration()
              .getMappedStatement(engine.getDbSqlSessionFactory().mapStatement(statement));
      TaskQueryImpl query = new TaskQueryImpl();
      query.taskCandidateGroup("borough-E09000033").taskName("Comment on the priorities");

      BoundSql atOnce = TaskIdsAtOnce.withIds(query, ids, () -> mapped.getBoundSql(query));
      query.taskIdIn(ids);
      BoundSql byMyBatis = mapped.getBoundSql(query);

      // The same statement with every value written in; MyBatis lays the list out over lines.
      assertThat(written(atOnce)).as(statement).isEqualTo(written(byMyBatis));
      assertThat(values(atOnce)).doesNotContain(TaskIdsAtOnce.PLACEHOLDER);
      if (h2) {
        assertThat(atOnce.getParameterMappings())
            .as("on H2 the ids are literals of the statement, not parameters")
            .hasSize(byMyBatis.getParameterMappings().size() - ids.length)
            .noneMatch(mapping -> mapping.getProperty().startsWith("__cofund_task_id_"));
        assertThat(atOnce.getSql()).contains("'task-0' , 'task-1'", "'x'' or ''1''=''1'");
      } else {
        assertThat(values(atOnce)).as(statement).isEqualTo(values(byMyBatis));
        assertThat(atOnce.getParameterMappings())
            .as("the ids built at once, not by MyBatis's foreach")
            .filteredOn(mapping -> mapping.getProperty().startsWith("__cofund_task_id_"))
            .hasSize(ids.length);
      }
    }
  }

  @Test
  void withoutNarrowedIdsTheEnginesStatementIsUntouched() {
    MappedStatement mapped =
        engine
            .getSqlSessionFactory()
            .getConfiguration()
            .getMappedStatement("selectTaskByQueryCriteria");
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskIdIn("a", "b");
    assertThat(mapped.getBoundSql(query).getParameterMappings())
        .noneMatch(mapping -> mapping.getProperty().startsWith("__cofund_task_id_"))
        .anyMatch(mapping -> mapping.getProperty().startsWith("__frch_"));
  }

  /**
   * The statement with each value bound from MyBatis's or our additional parameters written in as a
   * literal, and each of the query's own parameters named: one text whichever way it was built.
   */
  static String written(BoundSql sql) {
    List<Object> values = values(sql);
    StringBuilder text = new StringBuilder();
    String statement = sql.getSql();
    int next = 0;
    int from = 0;
    for (int at : TaskIdsAtOnce.Expanding.questionMarks(statement)) {
      Object value = values.get(next++);
      text.append(statement, from, at)
          .append(
              value instanceof String string && !string.startsWith("(from the query) ")
                  ? TaskIdsAtOnce.Expanding.literal(string)
                  : String.valueOf(value));
      from = at + 1;
    }
    text.append(statement.substring(from));
    return words(text.toString());
  }

  static String words(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  /** The values bound to the statement's parameters, in order. */
  static List<Object> values(BoundSql sql) {
    return sql.getParameterMappings().stream()
        .map(ParameterMapping::getProperty)
        .map(
            property ->
                sql.hasAdditionalParameter(property)
                    ? sql.getAdditionalParameter(property)
                    : "(from the query) " + property)
        .toList();
  }
}
