package london.cofund.grant.process;

import java.util.List;
import london.cofund.system.process.ProcessVariable;

/**
 * The names of the {@code grant} process ({@code processes/grant.bpmn}): its key, the element ids
 * that code refers to, its variables and messages; and the grant capability's steps and variables
 * in the {@code proposal} model (the failed agreement's replacement). The business key is the
 * proposal reference.
 */
public final class GrantProcess {

  public static final String KEY = "grant";

  // User tasks of the grant
  public static final String TASK_SUBMIT_RETURN = "Task_SubmitReturn";
  public static final String TASK_REVIEW_RETURN = "Task_ReviewReturn";
  public static final String TASK_DECIDE_VARIATION = "Task_DecideVariation";
  public static final String TASK_RESUME_PAYMENTS = "Task_ResumePayments";
  public static final String TASK_SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
  public static final String TASK_RECORD_EVALUATION = "Task_RecordEvaluation";

  // Service tasks and events of the grant
  public static final String TASK_PAY_IN_ADVANCE = "Task_PayInAdvance";
  public static final String TASK_RELEASE_PAYMENT = "Task_ReleasePayment";
  public static final String TASK_RETURN_UNDERSPEND = "Task_ReturnUnderspend";
  public static final String TASK_SCHEDULE_MORE_QUARTERS = "Task_ScheduleMoreQuarters";
  public static final String EVENT_QUARTER_ENDED = "Event_QuarterEnded";

  // In the proposal model: the working group's answer to a replacement
  public static final String TASK_OFFER_REPLACEMENT = "Task_OfferReplacement";

  // Messages
  public static final String MESSAGE_VARIATION_REQUESTED = "GrantVariationRequested";
  public static final String MESSAGE_PAYMENTS_SUSPENDED = "GrantPaymentsSuspended";

  // Variables set at start (owned)
  public static final String VAR_REFERENCE = "proposalReference";
  public static final String VAR_ROUND_ID = "roundId";
  public static final String VAR_SUBMITTED_BY = "submittedBy";

  /** The quarters the grant reports on, such as "2026/27 Q1": the loop's collection. */
  public static final String VAR_QUARTERS = "quarters";

  /** One quarter of the loop, on its own execution. */
  public static final String VAR_QUARTER = "quarter";

  public static final String VAR_PAY_IN_ADVANCE = "payInAdvance";

  /** APPROVED or CHANGES: the review's outcome, written by the review's rules. */
  public static final String VAR_RETURN_OUTCOME = "returnOutcome";

  /** ACCEPTED or DECLINED: the working group's answer, written by its task's rules. */
  public static final String VAR_REPLACEMENT_OUTCOME = "replacementOutcome";

  /** The deferred proposal offered in a failed agreement's place (proposal model). */
  public static final String VAR_REPLACEMENT_REFERENCE = "replacementReference";

  // Form fields (user inputs)
  public static final String VAR_MONITORING_RETURN = "monitoringReturn";
  public static final String VAR_RETURN_REVIEW = "returnReview";
  public static final String VAR_RETURN_REVIEW_REASONS = "returnReviewReasons";
  public static final String VAR_VARIATION_DECISION = "variationDecision";
  public static final String VAR_VARIATION_DECISION_REASON = "variationDecisionReason";

  /** Whether an extension added quarters after those the loop ran (owned: set by the delegate). */
  public static final String VAR_MORE_QUARTERS = "moreQuarters";

  /** The variation just decided, for the mail that tells the lead (owned: set by the rules). */
  public static final String VAR_VARIATION_ID = "variationId";

  public static final String VAR_RESUME_REASON = "resumeReason";
  public static final String VAR_FINAL_REPORT = "finalReport";
  public static final String VAR_EVALUATION = "evaluation";
  public static final String VAR_REPLACEMENT_DECISION = "replacementDecision";
  public static final String VAR_REPLACEMENT_COMMENT = "replacementComment";

  public static final String VAR_TASK_BRIEF = "taskBrief";

  // Typed handles

  public static final ProcessVariable<String> REFERENCE =
      ProcessVariable.owned(VAR_REFERENCE, String.class);
  public static final ProcessVariable<String> ROUND_ID =
      ProcessVariable.owned(VAR_ROUND_ID, String.class);
  public static final ProcessVariable<String> SUBMITTED_BY =
      ProcessVariable.owned(VAR_SUBMITTED_BY, String.class);
  public static final ProcessVariable<List<String>> QUARTERS =
      ProcessVariable.ownedList(VAR_QUARTERS);
  public static final ProcessVariable<String> QUARTER =
      ProcessVariable.owned(VAR_QUARTER, String.class);
  public static final ProcessVariable<Boolean> PAY_IN_ADVANCE =
      ProcessVariable.owned(VAR_PAY_IN_ADVANCE, Boolean.class);
  public static final ProcessVariable<String> RETURN_OUTCOME =
      ProcessVariable.owned(VAR_RETURN_OUTCOME, String.class);
  public static final ProcessVariable<String> REPLACEMENT_OUTCOME =
      ProcessVariable.owned(VAR_REPLACEMENT_OUTCOME, String.class);
  public static final ProcessVariable<String> REPLACEMENT_REFERENCE =
      ProcessVariable.owned(VAR_REPLACEMENT_REFERENCE, String.class);
  public static final ProcessVariable<String> TASK_BRIEF =
      ProcessVariable.owned(VAR_TASK_BRIEF, String.class);
  public static final ProcessVariable<Boolean> MORE_QUARTERS =
      ProcessVariable.owned(VAR_MORE_QUARTERS, Boolean.class);
  public static final ProcessVariable<Long> VARIATION_ID =
      ProcessVariable.owned(VAR_VARIATION_ID, Long.class);

  public static final ProcessVariable<String> MONITORING_RETURN =
      ProcessVariable.input(VAR_MONITORING_RETURN, String.class);
  public static final ProcessVariable<String> RETURN_REVIEW =
      ProcessVariable.input(VAR_RETURN_REVIEW, String.class);
  public static final ProcessVariable<String> RETURN_REVIEW_REASONS =
      ProcessVariable.input(VAR_RETURN_REVIEW_REASONS, String.class);
  public static final ProcessVariable<String> VARIATION_DECISION =
      ProcessVariable.input(VAR_VARIATION_DECISION, String.class);
  public static final ProcessVariable<String> VARIATION_DECISION_REASON =
      ProcessVariable.input(VAR_VARIATION_DECISION_REASON, String.class);
  public static final ProcessVariable<String> RESUME_REASON =
      ProcessVariable.input(VAR_RESUME_REASON, String.class);
  public static final ProcessVariable<String> FINAL_REPORT =
      ProcessVariable.input(VAR_FINAL_REPORT, String.class);
  public static final ProcessVariable<String> EVALUATION =
      ProcessVariable.input(VAR_EVALUATION, String.class);
  public static final ProcessVariable<String> REPLACEMENT_DECISION =
      ProcessVariable.input(VAR_REPLACEMENT_DECISION, String.class);
  public static final ProcessVariable<String> REPLACEMENT_COMMENT =
      ProcessVariable.input(VAR_REPLACEMENT_COMMENT, String.class);

  private GrantProcess() {}
}
