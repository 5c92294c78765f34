package london.cofund.round;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The seed's "five key decision points" of a round, in order. Each is reached once, in the
 * transaction that passes it in {@code fundingRound.bpmn} (an execution listener {@code
 * ${decisionPoint.reached(execution, 'PROSPECTUS')}}), and is then recorded in {@code
 * cf_decision_point}.
 *
 * <p>Each point has a planned date from the round's dates (none for tranche 2, which MOPAC opens
 * when it chooses), and the tasks that must finish before it, which the dashboard's schedule risk
 * counts.
 */
public enum DecisionPoint {
  /** The prospectus is published: planned before the EOI deadline (its sign-off's due date). */
  PROSPECTUS(
      "The funding prospectus",
      dates -> dates.eoiDeadline(),
      List.of(
          "Task_CommentOnPriorities",
          "Task_AgreeShortlist",
          "Task_ReviewShortlist",
          "Task_SignOffProspectus")),
  /** Every short-listed priority's market development session is recorded. */
  MARKET_DEVELOPMENT(
      "The market development sessions",
      dates -> dates.eoiDeadline(),
      List.of("Task_RecordMarketDevelopment")),
  /**
   * EOI feedback closes at the full-proposal deadline: by then every EOI has its feedback, or its
   * sign-off or feedback has lapsed.
   */
  EOI_FEEDBACK(
      "EOI feedback",
      dates -> dates.fullProposalDeadline(),
      List.of("Task_ReviseEoi", "Task_ConfirmCorePartner", "Task_GiveEoiFeedback")),
  /**
   * The awards are announced, after the panel, the Leaders' sign-off and the decision of record.
   */
  FUNDING_DECISION(
      "The funding decision",
      dates -> dates.decisionDate(),
      List.of(
          "Task_SubmitFullProposal",
          "Task_ConfirmNewCorePartner",
          "Task_AssessProposal",
          "Task_AgreeModeratedScore",
          "Task_DecideFunding",
          "Task_SignOffAwards",
          "Task_RecordDecisionOfRecord")),
  /** The next tranche is opened from this round (a round whose previous round is this one). */
  TRANCHE_2("Tranche 2", dates -> null, List.of());

  private final String title;
  private final Function<Round.RoundDates, OffsetDateTime> planned;
  private final List<String> tasksBefore;

  DecisionPoint(
      String title, Function<Round.RoundDates, OffsetDateTime> planned, List<String> tasksBefore) {
    this.title = title;
    this.planned = planned;
    this.tasksBefore = tasksBefore;
  }

  /** The point's name in the seed's words. */
  public String title() {
    return title;
  }

  /** When the round plans to reach it, or null where nothing plans it (tranche 2). */
  public OffsetDateTime plannedFor(Round round) {
    return planned.apply(round.dates());
  }

  /** The task keys (in either process) whose open instances must finish before the point. */
  public List<String> tasksBefore() {
    return tasksBefore;
  }
}
