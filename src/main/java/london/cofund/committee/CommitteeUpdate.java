package london.cofund.committee;

import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.boroughfunding.BoroughFunding.YearAllocation;
import london.cofund.boroughfunding.BoroughFunding.YearGap;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.DecisionPointStatus;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundStage;

/**
 * Where a round stands for one borough, as its scrutiny committee reads it (the seed asks the
 * committee to "determine how [it] wishes to be kept up to date"): the five decision points, the
 * borough's bids, its funding gap before and after co-commissioning, and the questions those facts
 * raise. The same record makes the page, the PDF and the email.
 *
 * @param roundId the round
 * @param roundName its name
 * @param tranche 1 or 2
 * @param potAmount the round's pot, whole pounds
 * @param stage where the round is
 * @param gssCode the borough's GSS code
 * @param boroughName its name
 * @param preparedAt when this update was made
 * @param decisionPoints the five points in order, with their planned and reached dates and status
 * @param bids the round's bids delivered in the borough (named there, or pan-London), by reference
 * @param allocations the borough's direct allocation per year, with its change
 * @param gapByYear per year: the services at risk (the gap before co-commissioning), what funded
 *     co-commissioned projects deliver in the borough, and the gap left after them
 * @param apportioningRule how a project's money is shared between its boroughs, in words
 * @param questions what the committee may want to ask, from the facts above
 */
public record CommitteeUpdate(
    String roundId,
    String roundName,
    int tranche,
    long potAmount,
    RoundStage stage,
    String gssCode,
    String boroughName,
    OffsetDateTime preparedAt,
    List<RoundDecisionPoint> decisionPoints,
    List<Bid> bids,
    List<YearAllocation> allocations,
    List<YearGap> gapByYear,
    String apportioningRule,
    List<Question> questions) {

  public CommitteeUpdate {
    decisionPoints = List.copyOf(decisionPoints);
    bids = List.copyOf(bids);
    allocations = List.copyOf(allocations);
    gapByYear = List.copyOf(gapByYear);
    questions = List.copyOf(questions);
  }

  /**
   * One bid delivered in the borough.
   *
   * @param reference the proposal's reference
   * @param title its title
   * @param leadAgency the lead agency's name
   * @param scope sub-regional or pan-London
   * @param status where it is
   * @param requestedAmount what it asks for, whole pounds
   * @param awardedAmount what the funding decision awarded it, or null
   */
  public record Bid(
      String reference,
      String title,
      String leadAgency,
      Scope scope,
      ProposalStatus status,
      long requestedAmount,
      Long awardedAmount) {}

  /** The last decision point the round has reached, or null before the first. */
  public RoundDecisionPoint lastReached() {
    return lastReached(decisionPoints);
  }

  /** The first decision point not reached (late or next), or null once all five are. */
  public RoundDecisionPoint next() {
    return next(decisionPoints);
  }

  static RoundDecisionPoint lastReached(List<RoundDecisionPoint> points) {
    RoundDecisionPoint last = null;
    for (RoundDecisionPoint point : points) {
      if (point.status() == DecisionPointStatus.DONE) {
        last = point;
      }
    }
    return last;
  }

  static RoundDecisionPoint next(List<RoundDecisionPoint> points) {
    return points.stream()
        .filter(p -> p.status() != DecisionPointStatus.DONE)
        .findFirst()
        .orElse(null);
  }

  /** The gap left after co-commissioning, summed over the years shown. */
  public long gapLeftInAllYears() {
    return gapByYear.stream().mapToLong(YearGap::gapLeft).sum();
  }
}
