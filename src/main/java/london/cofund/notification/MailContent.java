package london.cofund.notification;

import java.time.OffsetDateTime;

/**
 * What one message is about, the same for every recipient.
 *
 * @param template which message
 * @param round the round; null for a message outside any round
 * @param proposal the proposal; null for a message about the round only
 * @param nextRound the round a deferred proposal is invited to (NEXT_TRANCHE_INVITATION); may be
 *     null
 * @param due "by when", or null
 * @param task the task of a reminder or an escalation; null otherwise
 */
public record MailContent(
    MailTemplate template,
    RoundFacts round,
    ProposalFacts proposal,
    RoundFacts nextRound,
    OffsetDateTime due,
    ReminderTask task) {}
