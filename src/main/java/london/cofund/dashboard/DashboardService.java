package london.cofund.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import london.cofund.borough.LondonBorough;
import london.cofund.dashboard.Dashboard.DueTask;
import london.cofund.dashboard.Dashboard.Filter;
import london.cofund.dashboard.Dashboard.FundMoney;
import london.cofund.dashboard.Dashboard.Funnel;
import london.cofund.dashboard.Dashboard.FunnelCounts;
import london.cofund.dashboard.Dashboard.GrantSpend;
import london.cofund.dashboard.Dashboard.PointRisk;
import london.cofund.dashboard.Dashboard.PriorityCoverage;
import london.cofund.dashboard.Dashboard.ProjectSpend;
import london.cofund.dashboard.Dashboard.RoundCoverage;
import london.cofund.dashboard.Dashboard.RoundFunnel;
import london.cofund.dashboard.Dashboard.RoundState;
import london.cofund.dashboard.Dashboard.Wait;
import london.cofund.dashboard.Dashboard.Waits;
import london.cofund.dashboard.Dashboard.YearMoney;
import london.cofund.dashboard.DashboardQueries.Durations;
import london.cofund.dashboard.DashboardQueries.OpenTask;
import london.cofund.dashboard.DashboardQueries.OpenWork;
import london.cofund.fund.Fund;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundService;
import london.cofund.fund.FundYear;
import london.cofund.grant.GrantSpending;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.round.DecisionPoint;
import london.cofund.round.DecisionPointStatus;
import london.cofund.round.DecisionPoints;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundService;
import london.cofund.system.ForbiddenException;
import london.cofund.system.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the dashboard for one user. Who sees what, stated once:
 *
 * <ul>
 *   <li>MOPAC, the working group, the Leaders' Committee and administrators see every section, and
 *       every late or due task.
 *   <li>Borough officers, assessors and applicants see the rounds, the funnel, the money and the
 *       priority coverage (figures the fund publishes), and the late or due tasks that wait on them
 *       or their groups; not where bids wait or the schedule risk, which are MOPAC's management of
 *       the fund.
 *   <li>Anyone else (a scrutiny committee, monitoring) is refused: a scrutiny committee reads its
 *       borough's page and committee updates.
 * </ul>
 */
@Service
public class DashboardService {

  /** Tasks due within this are "due soon". */
  public static final Duration DUE_SOON = Duration.ofDays(3);

  /** At most this many late or due tasks are listed, earliest due first. */
  static final int MAX_DUE_TASKS = 100;

  private static final double HOUR_MILLIS = 3_600_000d;

  private final RoundService rounds;
  private final DecisionPoints decisionPoints;
  private final FundService funds;
  private final DashboardQueries queries;
  private final GrantSpending grants;
  private final Clock clock;

  DashboardService(
      RoundService rounds,
      DecisionPoints decisionPoints,
      FundService funds,
      DashboardQueries queries,
      GrantSpending grants,
      Clock clock) {
    this.rounds = rounds;
    this.decisionPoints = decisionPoints;
    this.funds = funds;
    this.queries = queries;
    this.grants = grants;
    this.clock = clock;
  }

  /** Whether the user may open the dashboard at all. */
  public static boolean mayOpen(CurrentUser user) {
    return user.seesWholeFund()
        || user.isInAny(Roles.ASSESSORS, Roles.APPLICANTS)
        || !user.boroughCodes().isEmpty();
  }

  @Transactional(readOnly = true)
  public Dashboard build(CurrentUser user, String priority, String borough) {
    if (!mayOpen(user)) {
      throw new ForbiddenException(
          "The dashboard is for MOPAC, the working group, the Leaders' Committee, borough"
              + " officers, assessors and applicants.");
    }
    List<Round> all = rounds.all();
    Filter filter = filter(all, priority, borough);
    boolean whole = user.seesWholeFund();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, List<RoundDecisionPoint>> points = decisionPoints.of(all);
    List<String> sections = new ArrayList<>(Dashboard.ALL_SECTIONS);
    if (!whole) {
      sections.removeAll(List.of("waits", "scheduleRisk"));
    }
    Map<String, Durations> byTask = whole ? queries.durationsByTask() : Map.of();
    return new Dashboard(
        now,
        sections,
        filter,
        roundStates(all, points),
        funnel(all, filter),
        money(all),
        coverage(all),
        lateAndDue(user, whole, now),
        whole ? waits(byTask) : null,
        whole ? scheduleRisk(all, points, byTask, now) : null,
        grants(user, filter));
  }

  /**
   * The tasks waiting on one person, for the home page: those assigned to them or offered to their
   * groups that are past due or due within {@link #DUE_SOON}, whatever their role.
   */
  @Transactional(readOnly = true)
  public List<DueTask> dueFor(CurrentUser user) {
    return lateAndDue(user, false, OffsetDateTime.now(clock));
  }

  private static Filter filter(List<Round> all, String priority, String borough) {
    String p = priority == null || priority.isBlank() ? null : priority.trim();
    String b = borough == null || borough.isBlank() ? null : borough.trim();
    if (b != null && !LondonBorough.isBoroughCode(b)) {
      throw new InvalidRequestException(
          "borough",
          "'" + b + "' is not the GSS code of a London borough (E09000002 to E09000033).");
    }
    if (p != null
        && all.stream()
            .flatMap(r -> r.priorityLongList().stream())
            .noneMatch(pr -> pr.code().equals(p))) {
      throw new InvalidRequestException(
          "priority", "'" + p + "' is not the code of a priority on any round's long list.");
    }
    return new Filter(p, b);
  }

  private static List<RoundState> roundStates(
      List<Round> all, Map<String, List<RoundDecisionPoint>> points) {
    return all.stream()
        .map(
            r ->
                new RoundState(
                    r.roundId(),
                    r.name(),
                    r.fundId(),
                    r.tranche(),
                    r.stage().name(),
                    r.potAmount(),
                    points.get(r.roundId())))
        .toList();
  }

  private Funnel funnel(List<Round> all, Filter filter) {
    Map<String, FunnelCounts> counts = queries.funnel(filter.priority(), filter.borough());
    FunnelCounts total = FunnelCounts.NONE;
    List<RoundFunnel> byRound = new ArrayList<>();
    for (Round round : all) {
      FunnelCounts c = counts.getOrDefault(round.roundId(), FunnelCounts.NONE);
      byRound.add(new RoundFunnel(round.roundId(), c));
      total = total.plus(c);
    }
    return new Funnel(total, byRound);
  }

  private List<FundMoney> money(List<Round> all) {
    List<FundMoney> money = new ArrayList<>();
    for (Fund fund : funds.all()) {
      FundPosition position = funds.position(fund.fundId());
      Map<String, Long> recommended = new TreeMap<>();
      all.stream()
          .filter(r -> fund.fundId().equals(r.fundId()) && r.recommendedPortfolio() != null)
          .forEach(
              r ->
                  r.recommendedPortfolio()
                      .costByYear()
                      .forEach((year, cost) -> recommended.merge(year, cost, Long::sum)));
      List<YearMoney> years = new ArrayList<>();
      for (FundPosition.YearPosition y : position.years()) {
        FundYear year = y.year();
        years.add(
            new YearMoney(
                year.financialYear(),
                year.total(),
                year.coCommissioningBudget(),
                recommended.getOrDefault(year.financialYear(), 0L),
                y.committed(),
                y.available()));
      }
      money.add(new FundMoney(fund.fundId(), fund.name(), years));
    }
    return money;
  }

  /** The grants the user may see, by the same rule and from the same figures as /grants. */
  private GrantSpend grants(CurrentUser user, Filter filter) {
    GrantSpending.SpendAgainstBudget spend =
        grants.spendAgainstBudget(user, null, filter.borough());
    return new GrantSpend(
        spend.grants().stream()
            .map(
                g ->
                    new ProjectSpend(
                        g.proposal().reference(),
                        g.proposal().title(),
                        g.proposal().roundId(),
                        g.record().grant().status().name(),
                        g.record().grant().awardPence(),
                        g.record().paidPence(),
                        g.record().returnedPence(),
                        g.years()))
            .toList(),
        spend.byYear(),
        spend.byBorough());
  }

  private List<RoundCoverage> coverage(List<Round> all) {
    var funded = queries.fundedByPriority();
    List<RoundCoverage> coverage = new ArrayList<>();
    for (Round round : all) {
      if (round.shortlist() == null || round.shortlist().isEmpty()) {
        continue;
      }
      Map<String, String> titles = new LinkedHashMap<>();
      round.priorityLongList().forEach(p -> titles.put(p.code(), p.title()));
      Set<String> carried = new HashSet<>();
      if (round.carriedForwardPriorities() != null) {
        round.carriedForwardPriorities().stream().map(Priority::code).forEach(carried::add);
      }
      var fundedHere = funded.getOrDefault(round.roundId(), Map.of());
      coverage.add(
          new RoundCoverage(
              round.roundId(),
              round.name(),
              round.shortlist().stream()
                  .map(
                      code ->
                          new PriorityCoverage(
                              code,
                              titles.getOrDefault(code, code),
                              fundedHere.getOrDefault(code, List.of()),
                              carried.contains(code)))
                  .toList()));
    }
    return coverage;
  }

  private List<DueTask> lateAndDue(CurrentUser user, boolean whole, OffsetDateTime now) {
    Instant soon = now.toInstant().plus(DUE_SOON);
    List<OpenTask> open = queries.dueBefore(soon, whole, user.id(), user.groups(), MAX_DUE_TASKS);
    return open.stream()
        .map(
            t ->
                new DueTask(
                    t.taskId(),
                    t.taskKey(),
                    t.name(),
                    t.roundId(),
                    t.businessKey(),
                    t.due(),
                    t.due().isBefore(now),
                    t.assignee() != null ? t.assignee() : t.group(),
                    "/camunda/app/tasklist/default/#/?task=" + t.taskId()))
        .toList();
  }

  private Waits waits(Map<String, Durations> byTask) {
    Map<String, Long> open = queries.openByTask();
    Map<String, String> stageOf = new LinkedHashMap<>();
    for (DecisionPoint point : DecisionPoint.values()) {
      point.tasksBefore().forEach(key -> stageOf.put(key, point.name()));
    }
    Set<String> keys = new java.util.TreeSet<>(byTask.keySet());
    keys.addAll(open.keySet());
    List<Wait> tasks =
        keys.stream()
            .map(key -> wait(key, stageOf.get(key), byTask.get(key), open.getOrDefault(key, 0L)))
            .sorted(
                Comparator.comparing(
                        (Wait w) -> w.p90Hours() == null ? -1 : w.p90Hours(),
                        Comparator.reverseOrder())
                    .thenComparing(Wait::key))
            .toList();
    Map<String, Durations> byStage = queries.durationsByStage();
    List<Wait> stages = new ArrayList<>();
    for (DecisionPoint point : DecisionPoint.values()) {
      if (point.tasksBefore().isEmpty()) {
        continue;
      }
      long openNow = point.tasksBefore().stream().mapToLong(k -> open.getOrDefault(k, 0L)).sum();
      stages.add(wait(point.name(), point.name(), byStage.get(point.name()), openNow));
    }
    return new Waits(tasks, stages);
  }

  private static Wait wait(String key, String stage, Durations d, long openNow) {
    return new Wait(
        key,
        stage,
        d == null ? 0 : d.completed(),
        d == null ? null : hours(d.medianMillis()),
        d == null ? null : hours(d.p90Millis()),
        openNow);
  }

  private static Double hours(Double millis) {
    return millis == null ? null : Math.round(millis / HOUR_MILLIS * 10) / 10d;
  }

  /**
   * For each decision point not yet reached: {@code LATE} once its planned date has passed; {@code
   * AT_RISK} when an open task before it is past due, or when the open work, finishing in the
   * median time that the same tasks took before, would end after the planned date; else {@code
   * ON_TRACK}.
   */
  private List<PointRisk> scheduleRisk(
      List<Round> all,
      Map<String, List<RoundDecisionPoint>> points,
      Map<String, Durations> byTask,
      OffsetDateTime now) {
    Set<String> keys = new HashSet<>();
    for (DecisionPoint point : DecisionPoint.values()) {
      keys.addAll(point.tasksBefore());
    }
    var work = queries.openWork(keys);
    List<PointRisk> risks = new ArrayList<>();
    for (Round round : all) {
      Map<String, OpenWork> open = work.getOrDefault(round.roundId(), Map.of());
      for (RoundDecisionPoint rp : points.get(round.roundId())) {
        if (rp.status() == DecisionPointStatus.DONE || rp.point().tasksBefore().isEmpty()) {
          continue;
        }
        risks.add(risk(round, rp, open, byTask, now));
      }
    }
    return risks;
  }

  private static PointRisk risk(
      Round round,
      RoundDecisionPoint rp,
      Map<String, OpenWork> open,
      Map<String, Durations> byTask,
      OffsetDateTime now) {
    long count = 0;
    OffsetDateTime expected = null;
    OffsetDateTime earliestDue = null;
    for (String key : rp.point().tasksBefore()) {
      OpenWork w = open.get(key);
      if (w == null) {
        continue;
      }
      count += w.count();
      if (w.earliestDue() != null
          && (earliestDue == null || w.earliestDue().isBefore(earliestDue))) {
        earliestDue = w.earliestDue();
      }
      Durations d = byTask.get(key);
      if (d == null || d.medianMillis() == null) {
        continue; // no history of this task yet: its pace is unknown
      }
      OffsetDateTime done = w.oldestCreated().plus(Duration.ofMillis(d.medianMillis().longValue()));
      if (done.isBefore(now)) {
        done = now; // older than the median: it may finish any moment
      }
      if (expected == null || done.isAfter(expected)) {
        expected = done;
      }
    }
    OffsetDateTime planned = rp.plannedFor();
    String status;
    String why;
    if (rp.status() == DecisionPointStatus.LATE) {
      status = "LATE";
      why =
          "Planned for "
              + planned.toLocalDate()
              + " and not reached; "
              + (count == 0
                  ? "no task before it is open."
                  : count + " task(s) before it still open.");
    } else if (count == 0) {
      status = "ON_TRACK";
      why = "No open task before it.";
    } else if (earliestDue != null && earliestDue.isBefore(now)) {
      status = "AT_RISK";
      why =
          count
              + " open task(s) before it; the oldest due date, "
              + earliestDue.toLocalDate()
              + ", has passed.";
    } else if (planned != null && expected != null && expected.isAfter(planned)) {
      status = "AT_RISK";
      why =
          count
              + " open task(s) before it; at the median pace of the same tasks before, they finish"
              + " around "
              + expected.toLocalDate()
              + ", after the planned "
              + planned.toLocalDate()
              + ".";
    } else {
      status = "ON_TRACK";
      why =
          count
              + " open task(s) before it; "
              + (expected == null
                  ? "no history of the same tasks yet to judge their pace"
                  : "at the median pace of the same tasks before, they finish around "
                      + expected.toLocalDate())
              + (planned == null ? "." : ", before the planned " + planned.toLocalDate() + ".");
    }
    return new PointRisk(
        round.roundId(), rp.point().name(), rp.title(), planned, status, count, expected, why);
  }
}
