package london.cofund.proposal.process;

import java.util.Date;
import java.util.List;
import london.cofund.system.process.ProcessVariable;

/**
 * The names of the {@code proposal} process ({@code processes/proposal.bpmn}): its key, the element
 * ids that code refers to, its variables and its messages. The business key is the proposal
 * reference.
 */
public final class ProposalProcess {

  public static final String KEY = "proposal";

  // User tasks
  public static final String TASK_REVISE_EOI = "Task_ReviseEoi";
  public static final String TASK_CONFIRM_CORE_PARTNER = "Task_ConfirmCorePartner";

  /** A delivery borough that the full proposal added confirms, as at the EOI. */
  public static final String TASK_CONFIRM_NEW_CORE_PARTNER = "Task_ConfirmNewCorePartner";

  public static final String TASK_GIVE_EOI_FEEDBACK = "Task_GiveEoiFeedback";
  public static final String TASK_SUBMIT_FULL_PROPOSAL = "Task_SubmitFullProposal";
  public static final String TASK_ASSESS_PROPOSAL = "Task_AssessProposal";
  public static final String TASK_AGREE_MODERATED_SCORE = "Task_AgreeModeratedScore";
  public static final String TASK_CONFIRM_GRANT_AGREEMENT = "Task_ConfirmGrantAgreement";

  // Service tasks and events
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String TASK_CHECK_FULL_PROPOSAL = "Task_CheckFullProposal";
  public static final String TASK_TOTAL_SCORES = "Task_TotalScores";
  public static final String EVENT_FUNDING_DECISION = "Event_FundingDecision";
  public static final String EVENT_SERVICE_START = "Event_ServiceStart";

  /** Runs in the proposal once its grant agreement is signed: the grant capability's step. */
  public static final String TASK_OPEN_GRANT = "Task_OpenGrant";

  /** Runs when the grant agreement failed: the award is released (the grant capability's step). */
  public static final String TASK_RELEASE_AWARD = "Task_ReleaseAward";

  /** Where a replayed award enters the model: a replacement is funded from here (issue 13). */
  public static final String TASK_RECORD_FUNDING_DECISION = "Task_RecordFundingDecision";

  // Messages
  public static final String MESSAGE_FUNDING_DECISION = "FundingDecision";
  public static final String MESSAGE_WITHDRAWN = "ProposalWithdrawn";

  // Variables: identity and dates, set at start
  public static final String VAR_REFERENCE = "proposalReference";
  public static final String VAR_ROUND_ID = "roundId";

  /** The slot (1..n) of one assessment, on its multi-instance execution. */
  public static final String VAR_ASSESSMENT_SLOT = "assessmentSlot";

  public static final String VAR_SUBMITTED_BY = "submittedBy";
  public static final String VAR_EOI_DEADLINE = "eoiDeadline";
  public static final String VAR_FULL_PROPOSAL_DEADLINE = "fullProposalDeadline";
  public static final String VAR_DECISION_DATE = "decisionDate";
  public static final String VAR_SERVICE_START_DATE = "serviceStartDate";

  // Variables: screening and sign-off
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_CORE_PARTNER_GROUPS = "corePartnerGroups";
  public static final String VAR_CORE_PARTNER_GROUP = "corePartnerGroup";

  /** The groups whose sign-off the full proposal adds (boroughs not confirmed for the EOI). */
  public static final String VAR_NEW_CORE_PARTNER_GROUPS = "newCorePartnerGroups";

  public static final String VAR_CORE_PARTNER_CONFIRMED = "corePartnerConfirmed";
  public static final String VAR_CORE_PARTNER_COMMENT = "corePartnerComment";

  // Variables: feedback and documents
  public static final String VAR_EOI_OUTCOME = "eoiOutcome";
  public static final String VAR_EOI_FEEDBACK = "eoiFeedback";
  public static final String VAR_EOI = "eoi";
  public static final String VAR_FULL_PROPOSAL = "fullProposal";

  // Variables: assessment
  public static final String VAR_ASSESSMENT_SLOTS = "assessmentSlots";
  public static final String VAR_CONFLICT_OF_INTEREST = "conflictOfInterest";
  public static final String VAR_SCORE_STRATEGIC_FIT = "scoreStrategicFit";
  public static final String VAR_SCORE_NEED = "scoreNeed";
  public static final String VAR_SCORE_PARTNERSHIP = "scorePartnership";
  public static final String VAR_SCORE_DELIVERABILITY = "scoreDeliverability";
  public static final String VAR_SCORE_VALUE_FOR_MONEY = "scoreValueForMoney";
  public static final String VAR_ASSESSMENT_COMMENTS = "assessmentComments";
  public static final String VAR_MODERATION_REQUIRED = "moderationRequired";
  public static final String VAR_MODERATED_TOTAL = "moderatedTotal";
  public static final String VAR_MODERATION_NOTE = "moderationNote";

  // Variables: decision and commissioning
  public static final String VAR_FUNDING_OUTCOME = "fundingOutcome";
  public static final String VAR_AWARDED_AMOUNT = "awardedAmount";
  public static final String VAR_DECISION_REASONS = "decisionReasons";

  /**
   * The formal decision that approved an award (such as "PCD 310"), sent with {@code
   * FundingDecision}. Named apart from the round's {@code decisionReference} task field, which is
   * MOPAC's to write; this one is the process's.
   */
  public static final String VAR_AWARD_DECISION_REFERENCE = "awardDecisionReference";

  public static final String VAR_GRANT_AGREEMENT_SIGNED = "grantAgreementSigned";
  public static final String VAR_AGREEMENT_DATE = "agreementDate";

  /** Why the agreement was not signed: required when {@code grantAgreementSigned} is false. */
  public static final String VAR_AGREEMENT_FAILURE_REASON = "agreementFailureReason";

  /** The decision reference under which the agreement was signed; the award's, if left out. */
  public static final String VAR_AGREEMENT_DECISION_REFERENCE = "agreementDecisionReference";

  public static final String VAR_AGREEMENT_CONDITIONS = "agreementConditions";

  /** MOPAC pays the first quarter in advance (payments are in arrears by default). */
  public static final String VAR_FIRST_PAYMENT_IN_ADVANCE = "firstPaymentInAdvance";

  /**
   * SIGNED or FAILED: written by the agreement's task rules from MOPAC's answer, so that the
   * model's gateway reads a value the process vouches for.
   */
  public static final String VAR_GRANT_AGREEMENT_OUTCOME = "grantAgreementOutcome";

  /** The task-local Markdown that each task's form shows first. */
  public static final String VAR_TASK_BRIEF = "taskBrief";

  // Typed handles: one per variable, naming its type and who writes it (ProcessVariable).

  public static final ProcessVariable<String> REFERENCE =
      ProcessVariable.owned(VAR_REFERENCE, String.class);
  public static final ProcessVariable<String> ROUND_ID =
      ProcessVariable.owned(VAR_ROUND_ID, String.class);
  public static final ProcessVariable<Integer> ASSESSMENT_SLOT =
      ProcessVariable.owned(VAR_ASSESSMENT_SLOT, Integer.class);
  public static final ProcessVariable<String> SUBMITTED_BY =
      ProcessVariable.owned(VAR_SUBMITTED_BY, String.class);
  public static final ProcessVariable<Date> EOI_DEADLINE =
      ProcessVariable.owned(VAR_EOI_DEADLINE, Date.class);
  public static final ProcessVariable<Date> FULL_PROPOSAL_DEADLINE =
      ProcessVariable.owned(VAR_FULL_PROPOSAL_DEADLINE, Date.class);
  public static final ProcessVariable<Date> DECISION_DATE =
      ProcessVariable.owned(VAR_DECISION_DATE, Date.class);
  public static final ProcessVariable<Date> SERVICE_START_DATE =
      ProcessVariable.owned(VAR_SERVICE_START_DATE, Date.class);
  public static final ProcessVariable<Boolean> ELIGIBLE =
      ProcessVariable.owned(VAR_ELIGIBLE, Boolean.class);
  public static final ProcessVariable<List<String>> CORE_PARTNER_GROUPS =
      ProcessVariable.ownedList(VAR_CORE_PARTNER_GROUPS);
  public static final ProcessVariable<List<String>> NEW_CORE_PARTNER_GROUPS =
      ProcessVariable.ownedList(VAR_NEW_CORE_PARTNER_GROUPS);
  public static final ProcessVariable<String> CORE_PARTNER_GROUP =
      ProcessVariable.owned(VAR_CORE_PARTNER_GROUP, String.class);
  public static final ProcessVariable<Boolean> CORE_PARTNER_CONFIRMED =
      ProcessVariable.input(VAR_CORE_PARTNER_CONFIRMED, Boolean.class);
  public static final ProcessVariable<String> CORE_PARTNER_COMMENT =
      ProcessVariable.input(VAR_CORE_PARTNER_COMMENT, String.class);
  public static final ProcessVariable<String> EOI_OUTCOME =
      ProcessVariable.input(VAR_EOI_OUTCOME, String.class);
  public static final ProcessVariable<String> EOI_FEEDBACK =
      ProcessVariable.input(VAR_EOI_FEEDBACK, String.class);
  public static final ProcessVariable<String> EOI = ProcessVariable.input(VAR_EOI, String.class);
  public static final ProcessVariable<String> FULL_PROPOSAL =
      ProcessVariable.input(VAR_FULL_PROPOSAL, String.class);
  public static final ProcessVariable<List<Integer>> ASSESSMENT_SLOTS =
      ProcessVariable.ownedList(VAR_ASSESSMENT_SLOTS);
  public static final ProcessVariable<Boolean> CONFLICT_OF_INTEREST =
      ProcessVariable.input(VAR_CONFLICT_OF_INTEREST, Boolean.class);
  public static final ProcessVariable<Integer> SCORE_STRATEGIC_FIT =
      ProcessVariable.input(VAR_SCORE_STRATEGIC_FIT, Integer.class);
  public static final ProcessVariable<Integer> SCORE_NEED =
      ProcessVariable.input(VAR_SCORE_NEED, Integer.class);
  public static final ProcessVariable<Integer> SCORE_PARTNERSHIP =
      ProcessVariable.input(VAR_SCORE_PARTNERSHIP, Integer.class);
  public static final ProcessVariable<Integer> SCORE_DELIVERABILITY =
      ProcessVariable.input(VAR_SCORE_DELIVERABILITY, Integer.class);
  public static final ProcessVariable<Integer> SCORE_VALUE_FOR_MONEY =
      ProcessVariable.input(VAR_SCORE_VALUE_FOR_MONEY, Integer.class);
  public static final ProcessVariable<String> ASSESSMENT_COMMENTS =
      ProcessVariable.input(VAR_ASSESSMENT_COMMENTS, String.class);
  public static final ProcessVariable<Boolean> MODERATION_REQUIRED =
      ProcessVariable.owned(VAR_MODERATION_REQUIRED, Boolean.class);
  public static final ProcessVariable<Number> MODERATED_TOTAL =
      ProcessVariable.input(VAR_MODERATED_TOTAL, Number.class);
  public static final ProcessVariable<String> MODERATION_NOTE =
      ProcessVariable.input(VAR_MODERATION_NOTE, String.class);
  public static final ProcessVariable<String> FUNDING_OUTCOME =
      ProcessVariable.owned(VAR_FUNDING_OUTCOME, String.class);
  public static final ProcessVariable<Number> AWARDED_AMOUNT =
      ProcessVariable.owned(VAR_AWARDED_AMOUNT, Number.class);
  public static final ProcessVariable<String> DECISION_REASONS =
      ProcessVariable.owned(VAR_DECISION_REASONS, String.class);
  public static final ProcessVariable<String> AWARD_DECISION_REFERENCE =
      ProcessVariable.owned(VAR_AWARD_DECISION_REFERENCE, String.class);
  public static final ProcessVariable<Boolean> GRANT_AGREEMENT_SIGNED =
      ProcessVariable.input(VAR_GRANT_AGREEMENT_SIGNED, Boolean.class);
  public static final ProcessVariable<String> AGREEMENT_DATE =
      ProcessVariable.input(VAR_AGREEMENT_DATE, String.class);
  public static final ProcessVariable<String> AGREEMENT_FAILURE_REASON =
      ProcessVariable.input(VAR_AGREEMENT_FAILURE_REASON, String.class);
  public static final ProcessVariable<String> AGREEMENT_DECISION_REFERENCE =
      ProcessVariable.input(VAR_AGREEMENT_DECISION_REFERENCE, String.class);
  public static final ProcessVariable<String> AGREEMENT_CONDITIONS =
      ProcessVariable.input(VAR_AGREEMENT_CONDITIONS, String.class);
  public static final ProcessVariable<Boolean> FIRST_PAYMENT_IN_ADVANCE =
      ProcessVariable.input(VAR_FIRST_PAYMENT_IN_ADVANCE, Boolean.class);
  public static final ProcessVariable<String> GRANT_AGREEMENT_OUTCOME =
      ProcessVariable.owned(VAR_GRANT_AGREEMENT_OUTCOME, String.class);
  public static final ProcessVariable<String> TASK_BRIEF =
      ProcessVariable.owned(VAR_TASK_BRIEF, String.class);

  private ProposalProcess() {}
}
