package london.cofund.notification.process;

/**
 * The variables a send task's delegate reads: its input parameters, and the process variables every
 * CoFund process carries. BPMN models use these exact names.
 */
public final class MailVariables {

  /** Input: which message, a {@link london.cofund.notification.MailTemplate} constant. */
  public static final String MAIL_TEMPLATE = "mailTemplate";

  /** Input: who gets it, see {@link london.cofund.notification.RecipientResolver}. */
  public static final String MAIL_TO = "mailTo";

  /** Input, optional: "by when", a Date or an ISO-8601 text. */
  public static final String MAIL_DUE_DATE = "mailDueDate";

  /** Input, optional: the user task the message's link opens. */
  public static final String MAIL_TASK_KEY = "mailTaskKey";

  /** Process variable: the round, in every CoFund process. */
  public static final String ROUND_ID = "roundId";

  /** Process variable: the proposal, in the proposal process (and its business key). */
  public static final String PROPOSAL_REFERENCE = "proposalReference";

  /** Input or variable, optional: the round a deferred proposal is invited to. */
  public static final String NEXT_ROUND_ID = "nextRoundId";

  /** Variable, optional: the grant variation that a VARIATION_DECIDED message is about. */
  public static final String VARIATION_ID = "variationId";

  private MailVariables() {}
}
