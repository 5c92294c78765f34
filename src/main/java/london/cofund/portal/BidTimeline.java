package london.cofund.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.Round;

/**
 * A bid's timeline for its applicant: what has happened, and what comes next with its date (the
 * round's deadlines). A step without a date of its own is shown without one: the proposal record
 * keeps when it was submitted and last changed, not when each step happened.
 */
public final class BidTimeline {

  /** One step: done, or next (with the date by which it is due). */
  public record Step(String text, OffsetDateTime date, boolean done) {}

  private BidTimeline() {}

  public static List<Step> of(Proposal p, Round round) {
    Round.RoundDates dates = round.dates();
    List<Step> steps = new ArrayList<>();
    ProposalStatus status = p.status();
    steps.add(new Step("Expression of interest submitted", p.createdAt(), true));
    if (p.eligible() != null) {
      steps.add(
          new Step(
              p.eligible()
                  ? "Screened: it meets all six criteria"
                  : "Screened: it does not meet every criterion (reasons below)",
              null,
              true));
    }
    switch (status) {
      case NOT_ELIGIBLE ->
          steps.add(
              new Step(
                  "Revise your expression of interest by the EOI deadline",
                  dates.eoiDeadline(),
                  false));
      case AWAITING_BOROUGH_SIGN_OFF ->
          steps.add(
              new Step(
                  "The councils where it is delivered confirm being core supporting partners",
                  dates.fullProposalDeadline(),
                  false));
      case AWAITING_EOI_FEEDBACK ->
          steps.add(new Step("MOPAC gives its feedback", dates.fullProposalDeadline(), false));
      default -> {}
    }
    if (p.eoiOutcome() != null) {
      steps.add(new Step("MOPAC's feedback: " + outcome(p.eoiOutcome().name()), null, true));
    }
    if (status == ProposalStatus.FULL_PROPOSAL_DUE) {
      steps.add(
          new Step(
              "Submit your full proposal by the deadline", dates.fullProposalDeadline(), false));
    }
    if (p.fullProposal() != null) {
      steps.add(new Step("Full proposal submitted", null, true));
    }
    if (status == ProposalStatus.UNDER_ASSESSMENT || status == ProposalStatus.ASSESSED) {
      steps.add(
          new Step(
              "Independent assessors score it; the panel decides", dates.decisionDate(), false));
    }
    if (p.fundingOutcome() != null) {
      steps.add(new Step("Decision: " + outcome(p.fundingOutcome().name()), null, true));
    }
    if (status == ProposalStatus.FUNDED) {
      steps.add(new Step("Grant agreement, then services start", dates.serviceStartDate(), false));
    }
    if (p.grantAgreementDate() != null) {
      steps.add(new Step("Grant agreement signed on " + p.grantAgreementDate(), null, true));
    }
    switch (status) {
      case SERVICE_STARTED ->
          steps.add(new Step("Services started", dates.serviceStartDate(), true));
      case AGREEMENT_FAILED ->
          steps.add(new Step("The grant agreement was not signed", p.updatedAt(), true));
      case WITHDRAWN -> steps.add(new Step("Withdrawn", p.updatedAt(), true));
      case LAPSED -> steps.add(new Step("Lapsed: a deadline passed", p.updatedAt(), true));
      default -> {}
    }
    return steps;
  }

  /** An outcome code in words: ACCEPT_WITH_MODIFICATION as "accept with modification". */
  public static String outcome(String code) {
    return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
