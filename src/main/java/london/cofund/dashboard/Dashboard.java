package london.cofund.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.grant.GrantService.YearFigures;
import london.cofund.grant.GrantSpending.BoroughFigures;
import london.cofund.round.RoundDecisionPoint;

/**
 * The state of the fund, as one user may see it ({@code GET /api/dashboard}, {@code /dashboard}). A
 * section the user's role may not see is absent (null), and listed in neither {@code sections}.
 *
 * @param generatedAt when the figures were read
 * @param sections the sections present, in order
 * @param filter the funnel's filter
 * @param rounds every round: stage, pot and its five decision points
 * @param funnel EOIs to funded, per round and in total
 * @param money each fund per financial year
 * @param priorityCoverage each short-listed priority and what funds it
 * @param lateAndDue open tasks past due or due within 3 days
 * @param waits time spent in each task and stage, from Camunda's history
 * @param scheduleRisk each coming decision point and the open work before it
 * @param grants spend against budget of the grants the user may see, per project, year and borough
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(
    OffsetDateTime generatedAt,
    List<String> sections,
    Filter filter,
    List<RoundState> rounds,
    Funnel funnel,
    List<FundMoney> money,
    List<RoundCoverage> priorityCoverage,
    List<DueTask> lateAndDue,
    Waits waits,
    List<PointRisk> scheduleRisk,
    GrantSpend grants) {

  /** The sections, by name, in the order the page shows them. */
  public static final List<String> ALL_SECTIONS =
      List.of(
          "rounds",
          "funnel",
          "money",
          "priorityCoverage",
          "lateAndDue",
          "waits",
          "scheduleRisk",
          "grants");

  /** The funnel's filter: a short-listed priority code and a borough's GSS code, each optional. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Filter(String priority, String borough) {}

  /** A round, its stage, pot and decision points. */
  public record RoundState(
      String roundId,
      String name,
      String fundId,
      int tranche,
      String stage,
      long potAmount,
      List<RoundDecisionPoint> decisionPoints) {}

  /**
   * EOIs to funded, counted in SQL.
   *
   * @param total over every round
   * @param byRound per round, in the order of {@code rounds}
   */
  public record Funnel(FunnelCounts total, List<RoundFunnel> byRound) {}

  /** One round's funnel. */
  public record RoundFunnel(String roundId, FunnelCounts counts) {}

  /**
   * The funnel's steps.
   *
   * @param eois every bid submitted
   * @param eligible passed the six criteria at EOI (screened eligible, or given feedback)
   * @param accepted MOPAC's feedback accepted the EOI (with or without modification)
   * @param fullProposals a full proposal was submitted
   * @param assessed scored by the assessors
   * @param funded the announced decision funds it
   */
  public record FunnelCounts(
      long eois, long eligible, long accepted, long fullProposals, long assessed, long funded) {

    static final FunnelCounts NONE = new FunnelCounts(0, 0, 0, 0, 0, 0);

    FunnelCounts plus(FunnelCounts o) {
      return new FunnelCounts(
          eois + o.eois,
          eligible + o.eligible,
          accepted + o.accepted,
          fullProposals + o.fullProposals,
          assessed + o.assessed,
          funded + o.funded);
    }
  }

  /** A fund's money per financial year. */
  public record FundMoney(String fundId, String name, List<YearMoney> years) {}

  /**
   * One financial year of a fund, in whole pounds.
   *
   * @param total the fund's total for the year
   * @param coCommissioningBudget its co-commissioning share
   * @param recommended what the optimiser's recommended portfolios spend that year, over the fund's
   *     rounds
   * @param awarded what the announced decisions charge to the year
   * @param left {@code coCommissioningBudget - awarded}
   */
  public record YearMoney(
      String financialYear,
      long total,
      long coCommissioningBudget,
      long recommended,
      long awarded,
      long left) {}

  /** A round's short-listed priorities and what funds them. */
  public record RoundCoverage(String roundId, String name, List<PriorityCoverage> priorities) {}

  /**
   * One short-listed priority.
   *
   * @param fundedProjects the funded proposals that address it
   * @param carriedForward whether the announcement carries it forward to the next tranche
   */
  public record PriorityCoverage(
      String code, String title, List<FundedProject> fundedProjects, boolean carriedForward) {}

  /** A funded proposal. */
  public record FundedProject(String reference, String title, Long awardedAmount) {}

  /**
   * An open task past due or due soon.
   *
   * @param waitsOn the person it is assigned to, else the candidate group it is offered to
   * @param late whether its due date has passed
   * @param link where it opens in Tasklist
   */
  public record DueTask(
      String taskId,
      String taskKey,
      String name,
      String roundId,
      String businessKey,
      OffsetDateTime due,
      boolean late,
      String waitsOn,
      String link) {}

  /** Where bids wait: per task and per stage. */
  public record Waits(List<Wait> byTask, List<Wait> byStage) {}

  /**
   * Time spent in one task (or one stage's tasks), in hours, over the completed ones in history.
   *
   * @param key the task key, or the stage (the decision point its tasks come before)
   * @param stage the decision point that the work comes before
   * @param completed how many completed
   * @param medianHours the median time from creation to completion
   * @param p90Hours the 90th percentile
   * @param openNow how many are open now
   */
  public record Wait(
      String key,
      String stage,
      long completed,
      Double medianHours,
      Double p90Hours,
      long openNow) {}

  /**
   * A coming decision point and the work before it.
   *
   * @param status {@code ON_TRACK}, {@code AT_RISK} or {@code LATE}
   * @param openTasks open tasks that must finish before the point
   * @param expectedDone when the open work should be done, judged by the median time of the same
   *     tasks in history; null without open work or history
   * @param why the reason, in words
   */
  public record PointRisk(
      String roundId,
      String point,
      String title,
      OffsetDateTime plannedFor,
      String status,
      long openTasks,
      OffsetDateTime expectedDone,
      String why) {}

  /**
   * Spend against budget of the grants the user may see (those of the borough filter when set), in
   * whole pence: the figures of {@code /grants} and {@code GET /api/grants} ({@code
   * GrantSpending#spendAgainstBudget}).
   *
   * @param byProject each grant and its figures per financial year, by reference
   * @param byYear per financial year, over the grants listed
   * @param byBorough per borough of delivery; a grant in several boroughs counts whole in each, and
   *     pan-London grants have a line of their own ({@code PAN_LONDON})
   */
  public record GrantSpend(
      List<ProjectSpend> byProject, List<YearFigures> byYear, List<BoroughFigures> byBorough) {}

  /**
   * One grant.
   *
   * @param status the grant's status ({@code ACTIVE}, {@code CLOSED}, ...)
   * @param paidPence what it has been paid
   * @param returnedPence what its years' underspend gave back to the fund
   * @param years budget, approved spend, payments and underspend per financial year
   */
  public record ProjectSpend(
      String reference,
      String title,
      String roundId,
      String status,
      long awardPence,
      long paidPence,
      long returnedPence,
      List<YearFigures> years) {}
}
