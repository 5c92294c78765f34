package london.cofund.proposal;

/**
 * A borough's (or the Leaders' Committee's) answer to a core-partner sign-off, for the forms that
 * show who has answered.
 */
public record SignOff(String groupId, boolean confirmed, String comment, String decidedBy) {}
