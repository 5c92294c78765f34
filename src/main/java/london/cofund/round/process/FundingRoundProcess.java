package london.cofund.round.process;

import java.util.Date;
import java.util.List;
import london.cofund.system.process.ProcessVariable;

/**
 * The names of the {@code fundingRound} process ({@code processes/fundingRound.bpmn}): its key, the
 * element ids that code refers to, its variables and its messages. The business key is the round
 * id.
 */
public final class FundingRoundProcess {

  public static final String KEY = "fundingRound";

  // User tasks
  public static final String TASK_COMMENT_ON_PRIORITIES = "Task_CommentOnPriorities";
  public static final String TASK_AGREE_SHORTLIST = "Task_AgreeShortlist";
  public static final String TASK_REVIEW_SHORTLIST = "Task_ReviewShortlist";
  public static final String TASK_SIGN_OFF_PROSPECTUS = "Task_SignOffProspectus";
  public static final String TASK_RECORD_MARKET_DEVELOPMENT = "Task_RecordMarketDevelopment";
  public static final String TASK_DECIDE_FUNDING = "Task_DecideFunding";
  public static final String TASK_SIGN_OFF_AWARDS = "Task_SignOffAwards";
  public static final String TASK_RECORD_DECISION_OF_RECORD = "Task_RecordDecisionOfRecord";

  // Service tasks and events
  public static final String TASK_REGISTER_ROUND = "Task_RegisterRound";
  public static final String TASK_PUBLISH_PROSPECTUS = "Task_PublishProspectus";
  public static final String TASK_CHECK_ASSESSMENT_COMPLETE = "Task_CheckAssessmentComplete";
  public static final String TASK_RECOMMEND_PORTFOLIO = "Task_RecommendPortfolio";
  public static final String TASK_ANNOUNCE_AWARDS = "Task_AnnounceAwards";
  public static final String EVENT_PROPOSALS_ASSESSED = "Event_ProposalsAssessed";

  // Messages
  public static final String MESSAGE_PROPOSALS_ASSESSED = "ProposalsAssessed";

  // Variables
  public static final String VAR_ROUND_ID = "roundId";

  /** Who opened the round: the API's caller, or the start form's user (camunda:initiator). */
  public static final String VAR_ROUND_INITIATOR = "roundInitiator";

  /**
   * Set by the API, which stores the round before starting its process; absent from a start form.
   */
  public static final String VAR_REGISTERED = "roundRegistered";

  public static final String VAR_PREVIOUS_ROUND_ID = "previousRoundId";
  public static final String VAR_CONSULTATION_DEADLINE = "consultationDeadline";
  public static final String VAR_EOI_DEADLINE = "eoiDeadline";
  public static final String VAR_FULL_PROPOSAL_DEADLINE = "fullProposalDeadline";
  public static final String VAR_DECISION_DATE = "decisionDate";
  public static final String VAR_SERVICE_START_DATE = "serviceStartDate";
  public static final String VAR_BOROUGH_GROUPS = "boroughGroups";
  public static final String VAR_BOROUGH_GROUP = "boroughGroup";
  public static final String VAR_PRIORITY_COMMENTS = "priorityComments";
  public static final String VAR_SHORTLIST = "shortlist";
  public static final String VAR_SHORTLIST_CODES = "shortlistCodes";
  public static final String VAR_PRIORITY_CODE = "priorityCode";
  public static final String VAR_WORKING_GROUP_COMMENTS = "workingGroupComments";
  public static final String VAR_PROSPECTUS_APPROVED = "prospectusApproved";
  public static final String VAR_SIGN_OFF_COMMENTS = "signOffComments";
  public static final String VAR_SESSION_DATE = "sessionDate";
  public static final String VAR_ATTENDING_ORGANISATIONS = "attendingOrganisations";
  public static final String VAR_SESSION_NOTES = "sessionNotes";
  public static final String VAR_ALL_PROPOSALS_ASSESSED = "allProposalsAssessed";
  public static final String VAR_FUNDED_REFERENCES = "fundedReferences";
  public static final String VAR_DEFERRED_REFERENCES = "deferredReferences";
  public static final String VAR_DECISION_RATIONALE = "decisionRationale";
  public static final String VAR_AWARDS_APPROVED = "awardsApproved";
  public static final String VAR_DECISION_REFERENCE = "decisionReference";

  /** The task-local Markdown that each task's form shows first. */
  public static final String VAR_TASK_BRIEF = "taskBrief";

  // Typed handles: one per variable, naming its type and who writes it (ProcessVariable).

  public static final ProcessVariable<String> ROUND_ID =
      ProcessVariable.owned(VAR_ROUND_ID, String.class);
  public static final ProcessVariable<String> ROUND_INITIATOR =
      ProcessVariable.owned(VAR_ROUND_INITIATOR, String.class);
  public static final ProcessVariable<Boolean> REGISTERED =
      ProcessVariable.owned(VAR_REGISTERED, Boolean.class);
  public static final ProcessVariable<String> PREVIOUS_ROUND_ID =
      ProcessVariable.owned(VAR_PREVIOUS_ROUND_ID, String.class);
  public static final ProcessVariable<Date> CONSULTATION_DEADLINE =
      ProcessVariable.owned(VAR_CONSULTATION_DEADLINE, Date.class);
  public static final ProcessVariable<Date> EOI_DEADLINE =
      ProcessVariable.owned(VAR_EOI_DEADLINE, Date.class);
  public static final ProcessVariable<Date> FULL_PROPOSAL_DEADLINE =
      ProcessVariable.owned(VAR_FULL_PROPOSAL_DEADLINE, Date.class);
  public static final ProcessVariable<Date> DECISION_DATE =
      ProcessVariable.owned(VAR_DECISION_DATE, Date.class);
  public static final ProcessVariable<Date> SERVICE_START_DATE =
      ProcessVariable.owned(VAR_SERVICE_START_DATE, Date.class);
  public static final ProcessVariable<List<String>> BOROUGH_GROUPS =
      ProcessVariable.ownedList(VAR_BOROUGH_GROUPS);
  public static final ProcessVariable<String> BOROUGH_GROUP =
      ProcessVariable.owned(VAR_BOROUGH_GROUP, String.class);
  public static final ProcessVariable<String> PRIORITY_COMMENTS =
      ProcessVariable.input(VAR_PRIORITY_COMMENTS, String.class);
  public static final ProcessVariable<Object> SHORTLIST =
      ProcessVariable.input(VAR_SHORTLIST, Object.class);
  public static final ProcessVariable<List<String>> SHORTLIST_CODES =
      ProcessVariable.ownedList(VAR_SHORTLIST_CODES);
  public static final ProcessVariable<String> PRIORITY_CODE =
      ProcessVariable.owned(VAR_PRIORITY_CODE, String.class);
  public static final ProcessVariable<String> WORKING_GROUP_COMMENTS =
      ProcessVariable.input(VAR_WORKING_GROUP_COMMENTS, String.class);
  public static final ProcessVariable<Boolean> PROSPECTUS_APPROVED =
      ProcessVariable.input(VAR_PROSPECTUS_APPROVED, Boolean.class);
  public static final ProcessVariable<String> SIGN_OFF_COMMENTS =
      ProcessVariable.input(VAR_SIGN_OFF_COMMENTS, String.class);
  public static final ProcessVariable<String> SESSION_DATE =
      ProcessVariable.input(VAR_SESSION_DATE, String.class);
  public static final ProcessVariable<Object> ATTENDING_ORGANISATIONS =
      ProcessVariable.input(VAR_ATTENDING_ORGANISATIONS, Object.class);
  public static final ProcessVariable<String> SESSION_NOTES =
      ProcessVariable.input(VAR_SESSION_NOTES, String.class);
  public static final ProcessVariable<Boolean> ALL_PROPOSALS_ASSESSED =
      ProcessVariable.owned(VAR_ALL_PROPOSALS_ASSESSED, Boolean.class);
  public static final ProcessVariable<Object> FUNDED_REFERENCES =
      ProcessVariable.input(VAR_FUNDED_REFERENCES, Object.class);
  public static final ProcessVariable<Object> DEFERRED_REFERENCES =
      ProcessVariable.input(VAR_DEFERRED_REFERENCES, Object.class);
  public static final ProcessVariable<String> DECISION_RATIONALE =
      ProcessVariable.input(VAR_DECISION_RATIONALE, String.class);
  public static final ProcessVariable<Boolean> AWARDS_APPROVED =
      ProcessVariable.input(VAR_AWARDS_APPROVED, Boolean.class);
  public static final ProcessVariable<String> DECISION_REFERENCE =
      ProcessVariable.input(VAR_DECISION_REFERENCE, String.class);
  public static final ProcessVariable<String> TASK_BRIEF =
      ProcessVariable.owned(VAR_TASK_BRIEF, String.class);

  private FundingRoundProcess() {}
}
