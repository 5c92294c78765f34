package london.cofund.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import london.cofund.dashboard.Dashboard.FundedProject;
import london.cofund.dashboard.Dashboard.FunnelCounts;
import london.cofund.round.DecisionPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's read model: counts and durations aggregated in SQL, over CoFund's tables and
 * Camunda's runtime and history tables ({@code ACT_RU_TASK}, {@code ACT_RU_EXECUTION}, {@code
 * ACT_RU_IDENTITYLINK}, {@code ACT_HI_TASKINST}). It only reads: every table keeps its one owner
 * for writes.
 *
 * <p>A task belongs to a round through its process's business key: the round id for the round's
 * process, a proposal reference (whose {@code cf_proposal.round_id} names the round) for the
 * others.
 */
@Component
class DashboardQueries {

  /** The round of a task, from its process's business key. */
  private static final String TASK_ROUND = "coalesce(p.round_id, e.BUSINESS_KEY_)";

  private static final String TASKS_WITH_ROUNDS =
      """
      from ACT_RU_TASK t
      join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
      left join cf_proposal p on p.reference = e.BUSINESS_KEY_
      """;

  private final JdbcClient jdbc;

  DashboardQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Each round's funnel; {@code priority} and {@code borough} filter when not null. */
  Map<String, FunnelCounts> funnel(String priority, String borough) {
    StringBuilder sql =
        new StringBuilder(
            """
            select p.round_id,
              count(*),
              sum(case when p.eligible = true or p.eoi_outcome is not null then 1 else 0 end),
              sum(case when p.eoi_outcome in ('ACCEPT', 'ACCEPT_WITH_MODIFICATION')
                then 1 else 0 end),
              sum(case when p.full_proposal is not null then 1 else 0 end),
              sum(case when p.total_score is not null then 1 else 0 end),
              sum(case when p.funding_outcome = 'FUNDED' then 1 else 0 end)
            from cf_proposal p
            where 1 = 1
            """);
    Map<String, Object> params = new HashMap<>();
    if (priority != null) {
      sql.append(
          " and exists (select 1 from cf_proposal_priority pp"
              + " where pp.reference = p.reference and pp.priority_code = :priority)");
      params.put("priority", priority);
    }
    if (borough != null) {
      sql.append(
          " and exists (select 1 from cf_proposal_borough pb"
              + " where pb.reference = p.reference and pb.borough_code = :borough)");
      params.put("borough", borough);
    }
    sql.append(" group by p.round_id");
    Map<String, FunnelCounts> counts = new HashMap<>();
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, row) ->
                counts.put(
                    rs.getString(1),
                    new FunnelCounts(
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7))))
        .list();
    return counts;
  }

  /** Funded proposals per round and priority code. */
  Map<String, Map<String, List<FundedProject>>> fundedByPriority() {
    Map<String, Map<String, List<FundedProject>>> funded = new HashMap<>();
    jdbc.sql(
            """
            select p.round_id, pp.priority_code, p.reference, p.title, p.awarded_amount
            from cf_proposal p
            join cf_proposal_priority pp on pp.reference = p.reference
            where p.funding_outcome = 'FUNDED'
            order by p.reference""")
        .query(
            (rs, row) ->
                funded
                    .computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), c -> new ArrayList<>())
                    .add(
                        new FundedProject(
                            rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class))))
        .list();
    return funded;
  }

  /** An open task with a due date, and whom it waits on. */
  record OpenTask(
      String taskId,
      String taskKey,
      String name,
      OffsetDateTime due,
      String assignee,
      String businessKey,
      String roundId,
      String group) {}

  /**
   * Open tasks due before {@code before}, earliest first; for {@code user} with {@code groups} only
   * those assigned to them or offered to their groups, unless {@code everyone}.
   */
  List<OpenTask> dueBefore(
      Instant before, boolean everyone, String user, Collection<String> groups, int limit) {
    StringBuilder sql =
        new StringBuilder("select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.DUE_DATE_, t.ASSIGNEE_,")
            .append(" e.BUSINESS_KEY_, ")
            .append(TASK_ROUND)
            .append(", l.GROUP_ID_ ")
            .append(TASKS_WITH_ROUNDS)
            .append(
                """
                left join ACT_RU_IDENTITYLINK l
                  on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null
                where t.DUE_DATE_ is not null and t.DUE_DATE_ < :before
                """);
    Map<String, Object> params = new HashMap<>();
    params.put("before", Timestamp.from(before));
    if (!everyone) {
      sql.append(" and (t.ASSIGNEE_ = :user");
      params.put("user", user);
      if (!groups.isEmpty()) {
        // A group's task that someone has claimed waits on that person, not on the group.
        sql.append(" or (t.ASSIGNEE_ is null and l.GROUP_ID_ in (:groups))");
        params.put("groups", List.copyOf(groups));
      }
      sql.append(")");
    }
    sql.append(" order by t.DUE_DATE_, t.ID_");
    Map<String, OpenTask> tasks = new LinkedHashMap<>();
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, row) ->
                tasks.putIfAbsent(
                    rs.getString(1),
                    new OpenTask(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        time(rs, 4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8))))
        .list();
    return tasks.values().stream().limit(limit).toList();
  }

  /** Completed durations of one group of tasks. */
  record Durations(long completed, Double medianMillis, Double p90Millis) {}

  /** Per task key: how long completed tasks took, median and 90th percentile. */
  Map<String, Durations> durationsByTask() {
    Map<String, Durations> durations = new HashMap<>();
    jdbc.sql(
            """
            select h.TASK_DEF_KEY_, count(*),
              percentile_cont(0.5) within group (order by h.DURATION_),
              percentile_cont(0.9) within group (order by h.DURATION_)
            from ACT_HI_TASKINST h
            where h.END_TIME_ is not null and h.DURATION_ is not null
              and h.DELETE_REASON_ = 'completed' and h.TASK_DEF_KEY_ is not null
            group by h.TASK_DEF_KEY_""")
        .query((rs, row) -> durations.put(rs.getString(1), durations(rs)))
        .list();
    return durations;
  }

  /** Per stage (the decision point that the tasks come before): the same figures. */
  Map<String, Durations> durationsByStage() {
    StringBuilder stage = new StringBuilder("case");
    Map<String, Object> params = new HashMap<>();
    for (DecisionPoint point : DecisionPoint.values()) {
      if (!point.tasksBefore().isEmpty()) {
        stage.append(" when h.TASK_DEF_KEY_ in (:").append(point.name()).append(")");
        stage.append(" then '").append(point.name()).append("'");
        params.put(point.name(), point.tasksBefore());
      }
    }
    stage.append(" else null end");
    Map<String, Durations> durations = new HashMap<>();
    jdbc.sql(
            "select stage, count(*),"
                + " percentile_cont(0.5) within group (order by duration),"
                + " percentile_cont(0.9) within group (order by duration)"
                + " from (select "
                + stage
                + " as stage, h.DURATION_ as duration from ACT_HI_TASKINST h"
                + " where h.END_TIME_ is not null and h.DURATION_ is not null"
                + " and h.DELETE_REASON_ = 'completed') d"
                + " where stage is not null group by stage")
        .params(params)
        .query((rs, row) -> durations.put(rs.getString(1), durations(rs)))
        .list();
    return durations;
  }

  private static Durations durations(ResultSet rs) throws SQLException {
    return new Durations(rs.getLong(2), number(rs, 3), number(rs, 4));
  }

  /** Open tasks per task key. */
  Map<String, Long> openByTask() {
    Map<String, Long> open = new HashMap<>();
    // A task created outside any model (through engine-rest) has no key: it is no stage's work.
    jdbc.sql(
            "select TASK_DEF_KEY_, count(*) from ACT_RU_TASK where TASK_DEF_KEY_ is not null"
                + " group by TASK_DEF_KEY_")
        .query((rs, row) -> open.put(rs.getString(1), rs.getLong(2)))
        .list();
    return open;
  }

  /** Open work of one task key in one round. */
  record OpenWork(long count, OffsetDateTime oldestCreated, OffsetDateTime earliestDue) {}

  /** Open tasks of these keys, per round and task key. */
  Map<String, Map<String, OpenWork>> openWork(Set<String> taskKeys) {
    Map<String, Map<String, OpenWork>> work = new HashMap<>();
    jdbc.sql(
            "select "
                + TASK_ROUND
                + ", t.TASK_DEF_KEY_, count(*), min(t.CREATE_TIME_), min(t.DUE_DATE_) "
                + TASKS_WITH_ROUNDS
                + " where t.TASK_DEF_KEY_ in (:keys) group by "
                + TASK_ROUND
                + ", t.TASK_DEF_KEY_")
        .param("keys", List.copyOf(taskKeys))
        .query(
            (rs, row) ->
                work.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .put(rs.getString(2), new OpenWork(rs.getLong(3), time(rs, 4), time(rs, 5))))
        .list();
    return work;
  }

  private static Double number(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  /** Camunda's timestamps are the JVM's local time without a zone; read them as instants. */
  private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
  }
}
