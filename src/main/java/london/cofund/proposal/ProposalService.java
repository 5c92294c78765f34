package london.cofund.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.EligibilityService;
import london.cofund.eligibility.Scope;
import london.cofund.eligibility.Screening;
import london.cofund.identity.Roles;
import london.cofund.round.FundingOutcome;
import london.cofund.round.ProposalSettled;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The rules of one proposal, independent of the process engine: what may be submitted and when,
 * screening against the criteria, and recording each party's decision. The {@code proposal} process
 * calls it step by step (see {@code london.cofund.proposal.process}).
 */
@Service
public class ProposalService {

  private static final Logger LOG = LoggerFactory.getLogger(ProposalService.class);

  private final ProposalRepository proposals;
  private final RoundService rounds;
  private final BidFormChecks checks;
  private final EligibilityService eligibility;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProposalService(
      ProposalRepository proposals,
      RoundService rounds,
      BidFormChecks checks,
      EligibilityService eligibility,
      ApplicationEventPublisher events,
      Clock clock) {
    this.proposals = proposals;
    this.rounds = rounds;
    this.checks = checks;
    this.eligibility = eligibility;
    this.events = events;
    this.clock = clock;
  }

  public Proposal get(String reference) {
    return proposals
        .find(reference)
        .orElseThrow(() -> new NotFoundException("No proposal '" + reference + "'."));
  }

  /**
   * Stores a new EOI: 404 for an unknown round, 409 when the round is not open for EOIs, 400 for a
   * malformed form. Returns the new reference, {@code <roundId>-<nnn>}.
   */
  public String submitEoi(String roundId, EoiForm form, String submittedBy) {
    Round round = rounds.get(roundId);
    if (!round.acceptsEois(clock.instant())) {
      throw new ConflictException(
          round.stage() == london.cofund.round.RoundStage.OPEN_FOR_EOIS
              ? "Round " + roundId + " closed for EOIs at " + round.dates().eoiDeadline() + "."
              : "Round " + roundId + " is not open for EOIs: it is at " + round.stage() + ".");
    }
    checks.check(form, round);
    String reference = String.format("%s-%03d", roundId, rounds.nextProposalNumber(roundId));
    proposals.insert(reference, roundId, form, submittedBy, now());
    LOG.info("EOI {} submitted to round {} by {}", reference, roundId, submittedBy);
    return reference;
  }

  public void linkProcessInstance(String reference, String processInstanceId) {
    proposals.linkProcessInstance(reference, processInstanceId);
  }

  /**
   * Checks a revised EOI without storing it: a 409 after the EOI deadline, a 400 naming bad fields.
   */
  public void checkEoiRevision(String reference, EoiForm form) {
    Round round = rounds.get(get(reference).roundId());
    if (!clock.instant().isBefore(round.dates().eoiDeadline().toInstant())) {
      throw new ConflictException("The EOI deadline of round " + round.roundId() + " has passed.");
    }
    checks.check(form, round);
  }

  /**
   * Stores a revised EOI as a new version; it is screened again. Allowed until the EOI deadline.
   */
  public void reviseEoi(String reference, EoiForm form) {
    checkEoiRevision(reference, form);
    proposals.reviseEoi(reference, form, now());
  }

  /**
   * Checks a full proposal without storing it: a 409 after its deadline, a 400 naming bad fields.
   */
  public void checkFullProposal(String reference, FullProposalForm form) {
    Round round = rounds.get(get(reference).roundId());
    if (!clock.instant().isBefore(round.dates().fullProposalDeadline().toInstant())) {
      throw new ConflictException(
          "The full-proposal deadline of round " + round.roundId() + " has passed.");
    }
    checks.check(form, round);
  }

  /**
   * Stores the full proposal. The answers of the boroughs it added last time are forgotten: this
   * version asks its new boroughs again, as a revised EOI asks every borough again.
   */
  public void submitFullProposal(String reference, FullProposalForm form) {
    checkFullProposal(reference, form);
    proposals.saveFullProposal(reference, form, now());
    proposals.clearSignOffs(reference, get(reference).eoiVersion(), SignOffStage.FULL_PROPOSAL);
  }

  /**
   * Screens the proposal's latest document against the criteria, with the round's short list and
   * any borough that declined this version (of the EOI, or of the full proposal for the boroughs it
   * added), and stores the result.
   */
  public Screening screen(String reference) {
    Proposal proposal = get(reference);
    Round round = rounds.get(proposal.roundId());
    Screening screening =
        eligibility.screen(
            proposal.currentBid().toBid(),
            round.shortlist(),
            proposals.declines(reference, proposal.eoiVersion(), stageOf(proposal)),
            round.thresholds());
    proposals.saveScreening(reference, screening.eligible(), screening.criteria(), now());
    LOG.info(
        "Proposal {} screened: {}",
        reference,
        screening.eligible()
            ? "eligible"
            : "not eligible ("
                + screening.failures().stream().map(f -> f.code().name()).toList()
                + ")");
    return screening;
  }

  /**
   * The groups that must confirm being core supporting partners: one per delivery borough, or the
   * Leaders' Committee alone for a pan-London proposal (one sign-off standing in for 32).
   */
  public List<String> corePartnerGroups(String reference) {
    Proposal proposal = get(reference);
    if (proposal.scope() == Scope.PAN_LONDON) {
      return List.of(Roles.LEADERS_COMMITTEE);
    }
    return proposal.currentBid().boroughs().stream().map(Roles::boroughGroup).toList();
  }

  /**
   * The groups that the full proposal adds: those that must confirm now (see {@link
   * #corePartnerGroups}) but did not confirm for the EOI as accepted. Empty while there is no full
   * proposal.
   */
  public List<String> newCorePartnerGroups(String reference) {
    Proposal proposal = get(reference);
    if (proposal.fullProposal() == null) {
      return List.of();
    }
    List<String> confirmed =
        proposals.confirmedGroups(reference, proposal.eoiVersion(), SignOffStage.EOI);
    return corePartnerGroups(reference).stream().filter(g -> !confirmed.contains(g)).toList();
  }

  /** A sign-off answers the EOI until there is a full proposal, and the full proposal after. */
  private static SignOffStage stageOf(Proposal proposal) {
    return proposal.fullProposal() == null ? SignOffStage.EOI : SignOffStage.FULL_PROPOSAL;
  }

  public void recordSignOff(
      String reference, String groupId, boolean confirmed, String comment, String user) {
    if (!confirmed && (comment == null || comment.isBlank())) {
      throw new InvalidRequestException(
          "corePartnerComment",
          "is required when declining: say why, so that the applicant can act on it");
    }
    Proposal proposal = get(reference);
    String borough = LondonBorough.byGroupId(groupId).map(LondonBorough::code).orElse(null);
    proposals.saveSignOff(
        reference,
        proposal.eoiVersion(),
        stageOf(proposal),
        groupId,
        borough,
        confirmed,
        comment,
        user,
        now());
  }

  public List<SignOff> signOffs(String reference) {
    return proposals.signOffs(reference, get(reference).eoiVersion());
  }

  /**
   * The assessors' total, whether it needs moderation, and the feedback quoted to the applicant.
   */
  public void recordScores(
      String reference, BigDecimal total, boolean moderationRequired, String summary) {
    proposals.saveScores(reference, total, moderationRequired, summary, OffsetDateTime.now(clock));
  }

  /** MOPAC's moderated total and why. */
  public void recordModeration(String reference, BigDecimal moderatedTotal, String note) {
    proposals.saveModeration(reference, moderatedTotal, note, OffsetDateTime.now(clock));
  }

  public void recordEoiFeedback(String reference, EoiOutcome outcome, String feedback) {
    proposals.saveEoiFeedback(reference, outcome.name(), feedback, now());
  }

  /** How many EOIs of the round MOPAC has accepted so far (with or without modification). */
  public long acceptedEois(String roundId) {
    return proposals.countAcceptedEois(roundId);
  }

  /**
   * The announced decision; a funded proposal also carries the reference of the formal decision
   * that approved it (the DMPC decision, such as "PCD 310"), when MOPAC recorded one.
   */
  public void recordFundingDecision(
      String reference,
      FundingOutcome outcome,
      Long amount,
      String reasons,
      String decisionReference) {
    proposals.saveFundingDecision(
        reference,
        outcome.name(),
        amount,
        reasons,
        outcome == FundingOutcome.FUNDED ? decisionReference : null,
        now());
  }

  public void recordGrantAgreement(String reference, boolean signed, LocalDate date) {
    if (!signed) {
      throw new InvalidRequestException(
          "grantAgreementSigned", "must be true: complete this task once the agreement is signed");
    }
    if (date == null) {
      throw new InvalidRequestException(
          "agreementDate", "is required: the date the grant agreement was signed");
    }
    proposals.saveGrantAgreement(reference, date, now());
  }

  /**
   * Moves the proposal to a status. A settled status (assessed, or ended for good) is announced to
   * the round, in this transaction, so that the round can move on without anyone polling.
   */
  public void changeStatus(String reference, ProposalStatus status) {
    Proposal proposal = get(reference);
    proposals.updateStatus(reference, status, now());
    LOG.info("Proposal {}: {} -> {}", reference, proposal.status(), status);
    if (status.isSettled()) {
      events.publishEvent(new ProposalSettled(proposal.roundId(), reference, status.name()));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
