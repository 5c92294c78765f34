package london.cofund.proposal.process;

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

  // Messages
  public static final String MESSAGE_FUNDING_DECISION = "FundingDecision";
  public static final String MESSAGE_WITHDRAWN = "ProposalWithdrawn";

  // Variables: identity and dates, set at start
  public static final String VAR_REFERENCE = "proposalReference";
  public static final String VAR_ROUND_ID = "roundId";
  public static final String VAR_SUBMITTED_BY = "submittedBy";
  public static final String VAR_EOI_DEADLINE = "eoiDeadline";
  public static final String VAR_FULL_PROPOSAL_DEADLINE = "fullProposalDeadline";
  public static final String VAR_DECISION_DATE = "decisionDate";
  public static final String VAR_SERVICE_START_DATE = "serviceStartDate";

  // Variables: screening and sign-off
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_CORE_PARTNER_GROUPS = "corePartnerGroups";
  public static final String VAR_CORE_PARTNER_GROUP = "corePartnerGroup";
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
  public static final String VAR_GRANT_AGREEMENT_SIGNED = "grantAgreementSigned";
  public static final String VAR_AGREEMENT_DATE = "agreementDate";

  /** The task-local Markdown that each task's form shows first. */
  public static final String VAR_TASK_BRIEF = "taskBrief";

  private ProposalProcess() {}
}
