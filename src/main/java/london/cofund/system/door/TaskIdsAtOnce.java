package london.cofund.system.door;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.util.ReflectionUtils;

/**
 * Puts the narrowed task ids into the engine's task statements at once, not one by one.
 *
 * <p>The engine's task statements list {@code taskIdIn} with MyBatis's {@code foreach}, and MyBatis
 * renames each item of a {@code foreach} with a regular expression that it compiles for that item.
 * With a borough officer's 313 granted tasks, building the statement's text took half of a Tasklist
 * list call on PostgreSQL, longer than the database took to answer it ({@code docs/performance.md},
 * "Tasklist's lists").
 *
 * <p>So {@link TaskListNarrowing} asks MyBatis for the statement with one placeholder id, and this
 * source then puts one {@code ?} for each id where the placeholder's {@code ?} was, each bound to
 * its id. The statement is the one MyBatis would have built, parameter for parameter. Anything
 * unexpected in the text (the placeholder not found, or a {@code ?} that is not a parameter) and
 * the statement is built by MyBatis as before.
 *
 * <p>On H2 the ids are written into the statement as string literals instead (each quote doubled,
 * as SQL writes a quote in a literal): H2 hashes an {@code in} list of constants, but compares each
 * row with every parameter of an {@code in} list of parameters, which was a fifth of a Tasklist
 * list's time with 313 ids ({@code docs/performance.md}, "Third pass"). H2 keeps the parsed
 * statement for the next call with the same ids (its statement cache, {@code QUERY_CACHE_SIZE}).
 */
final class TaskIdsAtOnce {

  /** The statements of a task list and its count. */
  static final List<String> STATEMENTS =
      List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");

  /** The one id that stands for all of them while MyBatis builds the statement. */
  static final String PLACEHOLDER = "cofund-task-ids-" + UUID.randomUUID();

  private static final ThreadLocal<String[]> IDS = new ThreadLocal<>();

  /** A mapped statement's source: MyBatis has no setter, the statement being built once. */
  private static final Field SQL_SOURCE =
      EngineDoorGuard.fieldOf(MappedStatement.class, "sqlSource");

  private TaskIdsAtOnce() {}

  /** Wraps the engine's task statements' sources: done once, when the engine is built. */
  static void install(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    boolean literals = "h2".equals(engine.getDatabaseType());
    for (String statement : STATEMENTS) {
      MappedStatement mapped =
          mybatis.getMappedStatement(engine.getDbSqlSessionFactory().mapStatement(statement));
      if (!(mapped.getSqlSource() instanceof Expanding)) {
        ReflectionUtils.setField(
            SQL_SOURCE, mapped, new Expanding(mybatis, mapped.getSqlSource(), literals));
      }
    }
  }

  /**
   * Runs the statement with the query's {@code taskIdIn} given as these ids, built at once; the
   * query's own {@code taskIdIn} is the caller's to restore.
   */
  static <T> T withIds(TaskQueryImpl query, String[] ids, Supplier<T> statement) {
    query.taskIdIn(PLACEHOLDER);
    IDS.set(ids);
    try {
      return statement.get();
    } finally {
      IDS.remove();
    }
  }

  /** The engine's source, with the placeholder id replaced by the ids of this thread's call. */
  static final class Expanding implements SqlSource {

    private final Configuration mybatis;
    private final SqlSource engines;
    private final boolean literals;

    Expanding(Configuration mybatis, SqlSource engines, boolean literals) {
      this.mybatis = mybatis;
      this.engines = engines;
      this.literals = literals;
    }

    @Override
    public BoundSql getBoundSql(Object parameter) {
      String[] ids = IDS.get();
      BoundSql built = engines.getBoundSql(parameter);
      if (ids == null) {
        return built;
      }
      BoundSql expanded = expand(built, ids);
      if (expanded != null) {
        return expanded;
      }
      // Not as expected: MyBatis builds it with every id, as it would have without this.
      TaskQueryImpl query = (TaskQueryImpl) parameter;
      query.taskIdIn(ids);
      try {
        return engines.getBoundSql(parameter);
      } finally {
        query.taskIdIn(PLACEHOLDER);
      }
    }

    /** The statement with the ids in place of the placeholder, or null if it cannot be found. */
    BoundSql expand(BoundSql built, String[] ids) {
      List<ParameterMapping> mappings = built.getParameterMappings();
      String sql = built.getSql();
      int placeholder = -1;
      for (int i = 0; i < mappings.size(); i++) {
        String property = mappings.get(i).getProperty();
        if (built.hasAdditionalParameter(property)
            && PLACEHOLDER.equals(built.getAdditionalParameter(property))) {
          if (placeholder >= 0) {
            return null;
          }
          placeholder = i;
        }
      }
      List<Integer> marks = questionMarks(sql);
      if (placeholder < 0 || marks.size() != mappings.size()) {
        return null;
      }
      int at = marks.get(placeholder);
      List<ParameterMapping> parameters = new ArrayList<>(mappings.size() + ids.length);
      parameters.addAll(mappings.subList(0, placeholder));
      List<String> names = new ArrayList<>(ids.length);
      String list;
      if (literals) {
        list = Arrays.stream(ids).map(Expanding::literal).collect(Collectors.joining(" , "));
      } else {
        list = String.join(" , ", Collections.nCopies(ids.length, "?"));
        for (int i = 0; i < ids.length; i++) {
          String name = "__cofund_task_id_" + i;
          names.add(name);
          parameters.add(new ParameterMapping.Builder(mybatis, name, String.class).build());
        }
      }
      parameters.addAll(mappings.subList(placeholder + 1, mappings.size()));
      String text = sql.substring(0, at) + list + sql.substring(at + 1);
      BoundSql result = new BoundSql(mybatis, text, parameters, built.getParameterObject());
      for (Map.Entry<String, Object> additional : built.getAdditionalParameters().entrySet()) {
        result.setAdditionalParameter(additional.getKey(), additional.getValue());
      }
      for (int i = 0; i < names.size(); i++) {
        result.setAdditionalParameter(names.get(i), ids[i]);
      }
      return result;
    }

    /** A string literal of SQL: in quotes, each quote in it doubled. */
    static String literal(String value) {
      return "'" + value.replace("'", "''") + "'";
    }

    /** Where the statement's parameters are: every {@code ?} outside a quoted literal. */
    static List<Integer> questionMarks(String sql) {
      List<Integer> marks = new ArrayList<>();
      boolean quoted = false;
      for (int i = 0; i < sql.length(); i++) {
        char c = sql.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        } else if (c == '?' && !quoted) {
          marks.add(i);
        }
      }
      return marks;
    }
  }
}
