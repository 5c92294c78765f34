package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The messages CoFund sends. Each has a subject and a text and an HTML body, as Thymeleaf templates
 * under {@code templates/mail/<name>/} ({@code subject.txt}, {@code body.txt}, {@code body.html}),
 * where the name is the constant in lower case with hyphens. A BPMN send task names the constant in
 * its {@code mailTemplate} input parameter.
 *
 * <p>Each template knows which of the round's dates answers "by when" if the send task gives no
 * {@code mailDueDate}.
 */
public enum MailTemplate {
  /** The prospectus is out: the priorities, the pot and the EOI deadline. */
  PROSPECTUS_PUBLISHED(false, RoundFacts::eoiDeadline),
  /** An EOI arrived and was screened: every criterion's result. */
  EOI_RECEIVED(true, round -> null),
  /** An EOI failed screening: every failed criterion's reason, and until when to revise it. */
  EOI_NOT_ELIGIBLE(true, RoundFacts::eoiDeadline),
  /** A borough is asked to confirm (or decline) being a core supporting partner. */
  BOROUGH_SIGN_OFF_REQUESTED(true, round -> null),
  /** MOPAC's feedback on an EOI: accept, accept with modification or reject, and the text. */
  EOI_FEEDBACK(true, RoundFacts::fullProposalDeadline),
  /** An accepted EOI's full proposal is due. */
  FULL_PROPOSAL_DUE(true, RoundFacts::fullProposalDeadline),
  /** Assessors are asked to declare conflicts and score a full proposal. */
  ASSESSMENT_REQUESTED(true, RoundFacts::decisionDate),
  /**
   * The funding decision: funded (with the amount), not funded, or deferred to the next tranche.
   */
  FUNDING_DECISION(true, RoundFacts::serviceStartDate),
  /** A task is due soon, or due now. Sent by the reminder sweep, not by send tasks. */
  TASK_REMINDER(false, round -> null),
  /** A task is overdue: sent to MOPAC every day until it is done. Sent by the reminder sweep. */
  OVERDUE_ESCALATION(false, round -> null),
  /**
   * A task was offered to the reader's group: what it is, by when, and its link. Sent once per task
   * and person by the {@code taskOffered} process, for tasks that no send task of their own model
   * announces.
   */
  TASK_OFFERED(false, round -> null),
  /** Applicants of deferred proposals are invited to bid in the next round. */
  NEXT_TRANCHE_INVITATION(true, RoundFacts::eoiDeadline),
  /**
   * A round has passed one of its five decision points: a borough's scrutiny committee gets the
   * update for its borough as PDF. Sent by the {@code committeeUpdate} process, which gives the
   * update per recipient ({@link RecipientExtras}) and the next point's planned date as "by when".
   */
  COMMITTEE_UPDATE(false, round -> null),
  /**
   * Someone registered in the applicant portal: the link that confirms their address. The only
   * message an unconfirmed address ever gets (their user exists only once they follow it).
   */
  REGISTRATION_CONFIRMATION(false, round -> null),
  /**
   * A lead invited a colleague to a draft in the applicant portal: the link that, followed by a
   * signed-in applicant, makes them the draft's collaborator.
   */
  DRAFT_INVITATION(false, round -> null),
  /**
   * A bid named a lead contact whose address CoFund has not confirmed: the link that confirms it.
   * It takes the place of the first message to that address, and nothing else goes there until the
   * link is followed ({@link ContactAddresses}).
   */
  ADDRESS_CONFIRMATION(true, round -> null),
  /**
   * MOPAC sent a grant's quarterly monitoring return back to the lead for changes: the reasons are
   * in the task, which the link opens.
   */
  RETURN_CHANGES_REQUESTED(true, round -> null),
  /**
   * MOPAC approved or declined a variation of a grant that its lead asked for: what was asked, the
   * decision and its reason ({@link GrantVariations}).
   */
  VARIATION_DECIDED(true, round -> null);

  private final boolean aboutProposal;
  private final Function<RoundFacts, OffsetDateTime> defaultDue;

  MailTemplate(boolean aboutProposal, Function<RoundFacts, OffsetDateTime> defaultDue) {
    this.aboutProposal = aboutProposal;
    this.defaultDue = defaultDue;
  }

  /** Whether the message is about one proposal, so that it cannot be written without one. */
  public boolean aboutProposal() {
    return aboutProposal;
  }

  /** The folder of this message's templates under {@code templates/mail/}. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The round's date that answers "by when" for this message when the send task gives none, or
   * null. For {@link #NEXT_TRANCHE_INVITATION} the round is the next one.
   */
  public OffsetDateTime defaultDue(RoundFacts round) {
    return round == null ? null : defaultDue.apply(round);
  }

  /** The template named by a send task's {@code mailTemplate} parameter. */
  public static MailTemplate named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The send task has no mailTemplate input parameter");
    }
    try {
      return valueOf(name.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mailTemplate '" + name + "' is not one of " + Arrays.toString(values()), e);
    }
  }
}
