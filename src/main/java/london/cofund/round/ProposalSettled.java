package london.cofund.round;

/**
 * A proposal of the round reached a status that may let the round move on: assessed, or ended for
 * good (withdrawn, lapsed, rejected). Published in the proposal's own transaction; the round
 * process listens (see {@code london.cofund.round.process.FundingRounds}).
 */
public record ProposalSettled(String roundId, String reference, String status) {}
