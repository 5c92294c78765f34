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
 * statement is the one MyBatis builds with every id, parameter for parameter.
 */
@CoFundSpringTest
class TaskIdsAtOnceTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void theStatementHasEveryIdInItsPlaceAsMyBatisWouldHaveBuiltIt() {
    String[] ids = IntStream.range(0, 313).mapToObj(i -> "task-" + i).toArray(String[]::new);
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

      // The same statement; MyBatis lays the list out over several lines.
      assertThat(words(atOnce.getSql())).as(statement).isEqualTo(words(byMyBatis.getSql()));
      assertThat(values(atOnce)).as(statement).isEqualTo(values(byMyBatis));
      assertThat(atOnce.getParameterMappings())
          .as("the ids built at once, not by MyBatis's foreach")
          .filteredOn(mapping -> mapping.getProperty().startsWith("__cofund_task_id_"))
          .hasSize(ids.length);
      assertThat(values(atOnce)).doesNotContain(TaskIdsAtOnce.PLACEHOLDER);
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
