package london.cofund.committee;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import london.cofund.borough.LondonBorough;
import london.cofund.boroughfunding.BoroughFunding;
import london.cofund.boroughfunding.BoroughFundingService;
import london.cofund.committee.CommitteeUpdate.Bid;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.BoroughBids;
import london.cofund.round.DecisionPoints;
import london.cofund.round.Round;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a borough's committee update for a round, from the round's decision points, its proposals
 * and the borough's funding gap. Reads only: every figure comes from the capability that owns it.
 */
@Service
public class CommitteeUpdateService {

  /**
   * The reader of a borough's funding gap when the update goes to a committee by email: no one is
   * signed in then, and the committee's address was configured by the fund's operators. It reads as
   * MOPAC, who sees every borough; the pages check their user with {@link CommitteeAccess} first.
   */
  private static final CurrentUser SYSTEM =
      new CurrentUser("cofund-committee-update", Set.of(Roles.MOPAC));

  private final RoundService rounds;
  private final DecisionPoints decisionPoints;
  private final BoroughBids boroughBids;
  private final BoroughFundingService funding;
  private final Clock clock;

  CommitteeUpdateService(
      RoundService rounds,
      DecisionPoints decisionPoints,
      BoroughBids boroughBids,
      BoroughFundingService funding,
      Clock clock) {
    this.rounds = rounds;
    this.decisionPoints = decisionPoints;
    this.boroughBids = boroughBids;
    this.funding = funding;
    this.clock = clock;
  }

  /**
   * One round for one borough, as a signed-in user asks for it.
   *
   * @throws NotFoundException for an unknown borough or round
   * @throws ForbiddenException for a user who may not read the borough's updates
   */
  @Transactional(readOnly = true)
  public CommitteeUpdate build(String roundId, String gssCode, CurrentUser user) {
    LondonBorough borough = readable(gssCode, user);
    return build(rounds.get(roundId), borough);
  }

  /** One round for one borough, for its committee's email: no user to check. */
  @Transactional(readOnly = true)
  public CommitteeUpdate build(String roundId, String gssCode) {
    return build(rounds.get(roundId), borough(gssCode));
  }

  /**
   * Every round, newest first, with where each stands, for a user who may read the borough's
   * updates.
   */
  @Transactional(readOnly = true)
  public List<RoundLine> rounds(String gssCode, CurrentUser user) {
    readable(gssCode, user);
    List<Round> all =
        rounds.all().stream()
            .sorted(
                Comparator.comparing(
                        Round::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .reversed())
            .toList();
    Map<String, List<RoundDecisionPoint>> points = decisionPoints.of(all);
    return all.stream()
        .map(
            round ->
                new RoundLine(
                    round.roundId(),
                    round.name(),
                    round.tranche(),
                    round.stage(),
                    points.get(round.roundId())))
        .toList();
  }

  /**
   * One round in the list of a borough's updates.
   *
   * @param decisionPoints its five decision points, in order
   */
  public record RoundLine(
      String roundId,
      String name,
      int tranche,
      RoundStage stage,
      List<RoundDecisionPoint> decisionPoints) {

    /** The last decision point reached, or null. */
    public RoundDecisionPoint lastReached() {
      return CommitteeUpdate.lastReached(decisionPoints);
    }

    /** The first decision point not reached, or null once all are. */
    public RoundDecisionPoint next() {
      return CommitteeUpdate.next(decisionPoints);
    }
  }

  /** The borough, if the user may read its updates. */
  public LondonBorough readable(String gssCode, CurrentUser user) {
    LondonBorough borough = borough(gssCode);
    if (!CommitteeAccess.mayRead(borough.code(), user)) {
      throw new ForbiddenException(
          "Only MOPAC, the working group, the Leaders' Committee, administrators, "
              + borough.displayName()
              + "'s officers and its scrutiny committee read its committee updates.");
    }
    return borough;
  }

  private CommitteeUpdate build(Round round, LondonBorough borough) {
    List<RoundDecisionPoint> points = decisionPoints.of(round);
    List<Bid> bids =
        boroughBids.ofRoundIn(round.roundId(), borough.code()).stream()
            .map(CommitteeUpdateService::bid)
            .toList();
    BoroughFunding gap = funding.get(borough.code(), SYSTEM);
    return new CommitteeUpdate(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.potAmount(),
        round.stage(),
        borough.code(),
        borough.displayName(),
        OffsetDateTime.now(clock),
        points,
        bids,
        gap.allocations(),
        gap.gapByYear(),
        gap.coCommissioned().apportioningRule(),
        CommitteeQuestions.of(
            round.name(), round.stage(), round.dates().eoiDeadline(), points, bids, gap));
  }

  private static Bid bid(BoroughBids.RoundBid p) {
    return new Bid(
        p.reference(),
        p.title(),
        p.leadAgency(),
        p.scope(),
        p.status(),
        p.requestedAmount(),
        p.awardedAmount());
  }

  private static LondonBorough borough(String gssCode) {
    return LondonBorough.byCode(gssCode)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No London borough with GSS code '" + gssCode + "' (E09000002 to E09000033)."));
  }
}
