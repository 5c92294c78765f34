package london.cofund.opendata;

import java.util.List;
import java.util.Map;
import london.cofund.assessment.AssessorTotals;
import london.cofund.identity.CurrentUser;
import london.cofund.proposal.RoundProposalRecords;
import london.cofund.proposal.RoundProposalRecords.Grant;
import london.cofund.proposal.RoundProposalRecords.Outcome;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
import london.cofund.system.ConflictException;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round's open data, and who may have it.
 *
 * <ul>
 *   <li>The proposals' CSV holds every bid's screening, each assessor's total and the panel's
 *       outcome, the deliberations that {@code GET /api/rounds/{roundId}} shows only to MOPAC, the
 *       working group, the Leaders' Committee and administrators: they alone may download it.
 *   <li>The 360Giving package holds the announced awards, public facts: any signed-in user, once
 *       the round is announced.
 * </ul>
 *
 * A round is public (every signed-in user lists them), so an unknown round is a 404 for everyone
 * before any refusal.
 */
@Service
public class OpenDataService {

  private final RoundService rounds;
  private final RoundProposalRecords proposals;
  private final AssessorTotals assessorTotals;
  private final OpenDataProperties ids;

  OpenDataService(
      RoundService rounds,
      RoundProposalRecords proposals,
      AssessorTotals assessorTotals,
      OpenDataProperties ids) {
    this.rounds = rounds;
    this.proposals = proposals;
    this.assessorTotals = assessorTotals;
    this.ids = ids;
  }

  /** The CSV of every proposal of the round (see {@link ProposalsCsv}). */
  @Transactional(readOnly = true)
  public String proposalsCsv(String roundId, CurrentUser user) {
    Round round = round(roundId);
    if (!user.seesWholeFund()) {
      throw new ForbiddenException(
          "Only MOPAC, the working group, the Leaders' Committee and administrators may download"
              + " the proposals of a round, with their screening and scores. The awarded grants are"
              + " open to all at /api/rounds/"
              + roundId
              + "/360giving.json once the round is announced.");
    }
    List<Outcome> outcomes = proposals.outcomes(roundId);
    Map<String, List<Integer>> totals =
        assessorTotals.of(outcomes.stream().map(Outcome::reference).toList());
    int assessors =
        Math.max(
            round.assessorsPerProposal(),
            totals.values().stream().mapToInt(List::size).max().orElse(0));
    return ProposalsCsv.write(outcomes, totals, assessors);
  }

  /** The round's awarded grants as a 360Giving data package. */
  @Transactional(readOnly = true)
  public ThreeSixtyGiving.Package threeSixtyGiving(String roundId) {
    Round round = round(roundId);
    if (round.stage() != RoundStage.ANNOUNCED) {
      throw new ConflictException(
          "Round "
              + roundId
              + " has not announced its awards yet (stage "
              + round.stage()
              + "): its 360Giving data is published at the announcement.");
    }
    List<Grant> grants = proposals.funded(roundId);
    if (grants.isEmpty()) {
      throw new NotFoundException(
          "Round "
              + roundId
              + " awarded no grants; a 360Giving data package holds at least one grant.");
    }
    return ThreeSixtyGiving.of(round, grants, ids);
  }

  private Round round(String roundId) {
    return rounds.get(roundId);
  }
}
