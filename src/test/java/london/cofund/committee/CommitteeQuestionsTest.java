package london.cofund.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import london.cofund.boroughfunding.BoroughFunding;
import london.cofund.boroughfunding.BoroughFunding.CoCommissioned;
import london.cofund.boroughfunding.BoroughFunding.LinkedProposal;
import london.cofund.boroughfunding.BoroughFunding.ServiceView;
import london.cofund.boroughfunding.BoroughFunding.YearGap;
import london.cofund.committee.CommitteeUpdate.Bid;
import london.cofund.committee.Question.Kind;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.DecisionPoint;
import london.cofund.round.DecisionPointStatus;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundStage;
import org.junit.jupiter.api.Test;

/** The questions a committee may want to ask, from the facts of its update and nothing else. */
class CommitteeQuestionsTest {

  static final OffsetDateTime EOI_DEADLINE =
      OffsetDateTime.of(2017, 8, 14, 17, 0, 0, 0, ZoneOffset.ofHours(1));
  static final OffsetDateTime FULL_DEADLINE = EOI_DEADLINE.plusMonths(2);

  @Test
  void aLateDecisionPointAsksWhyAndForTheNewDate() {
    List<Question> questions =
        CommitteeQuestions.of(
            "Tranche 1",
            RoundStage.FULL_PROPOSALS,
            EOI_DEADLINE,
            points(
                DecisionPointStatus.DONE, DecisionPointStatus.LATE, DecisionPointStatus.UPCOMING),
            List.of(bid(ProposalStatus.FULL_PROPOSAL_DUE)),
            funding(List.of(), gap("2018/19", 0)));

    assertThat(questions)
        .extracting(Question::kind, Question::subject, Question::date)
        .containsExactly(tuple(Kind.LATE_POINT, "The market development sessions", EOI_DEADLINE));
  }

  @Test
  void theNextPointAndEachYearsGapLeftAreAskedAbout() {
    List<Question> questions =
        CommitteeQuestions.of(
            "Tranche 1",
            RoundStage.FULL_PROPOSALS,
            EOI_DEADLINE,
            points(DecisionPointStatus.DONE, DecisionPointStatus.DONE, DecisionPointStatus.NEXT),
            List.of(bid(ProposalStatus.FULL_PROPOSAL_DUE)),
            funding(List.of(), gap("2018/19", 316_667), gap("2019/20", 0), gap("2020/21", 12)));

    assertThat(questions)
        .extracting(Question::kind, Question::subject, Question::financialYear, Question::amount)
        .containsExactly(
            tuple(Kind.NEXT_POINT, "EOI feedback", null, null),
            tuple(Kind.GAP_LEFT, null, "2018/19", 316_667L),
            tuple(Kind.GAP_LEFT, null, "2020/21", 12L));
    assertThat(questions.get(0).date()).isEqualTo(FULL_DEADLINE);
  }

  @Test
  void tranche2NextHasNoDateToAskAbout() {
    List<Question> questions =
        CommitteeQuestions.of(
            "Tranche 1",
            RoundStage.ANNOUNCED,
            EOI_DEADLINE,
            List.of(
                point(DecisionPoint.FUNDING_DECISION, DecisionPointStatus.DONE, FULL_DEADLINE),
                point(DecisionPoint.TRANCHE_2, DecisionPointStatus.NEXT, null)),
            List.of(bid(ProposalStatus.FUNDED)),
            funding(List.of()));

    assertThat(questions).extracting(Question::kind).containsExactly(Kind.TRANCHE_2_NEXT);
  }

  @Test
  void eachBidThatFailedIsAskedAboutAndTheOthersAreNot() {
    List<Bid> bids =
        List.of(
            bid("R-1", ProposalStatus.NOT_ELIGIBLE),
            bid("R-2", ProposalStatus.EOI_REJECTED),
            bid("R-3", ProposalStatus.FUNDED),
            bid("R-4", ProposalStatus.NOT_FUNDED),
            bid("R-5", ProposalStatus.DEFERRED),
            bid("R-6", ProposalStatus.LAPSED),
            bid("R-7", ProposalStatus.WITHDRAWN),
            bid("R-8", ProposalStatus.UNDER_ASSESSMENT));

    List<Question> questions =
        CommitteeQuestions.of(
            "Tranche 1", RoundStage.ANNOUNCED, EOI_DEADLINE, List.of(), bids, funding(List.of()));

    assertThat(questions)
        .extracting(Question::kind, Question::reference)
        .containsExactly(
            tuple(Kind.BID_NOT_ELIGIBLE, "R-1"),
            tuple(Kind.BID_EOI_REJECTED, "R-2"),
            tuple(Kind.BID_NOT_FUNDED, "R-4"),
            tuple(Kind.BID_DEFERRED, "R-5"),
            tuple(Kind.BID_LAPSED, "R-6"),
            tuple(Kind.BID_WITHDRAWN, "R-7"));
  }

  @Test
  void noBidsAsksWhetherOneIsComingWhileEoisAreOpenAndWhyNotAfter() {
    assertThat(
            CommitteeQuestions.of(
                "Tranche 1",
                RoundStage.OPEN_FOR_EOIS,
                EOI_DEADLINE,
                List.of(),
                List.of(),
                funding(List.of())))
        .extracting(Question::kind, Question::date)
        .containsExactly(tuple(Kind.NO_BIDS_YET, EOI_DEADLINE));
    assertThat(
            CommitteeQuestions.of(
                "Tranche 1",
                RoundStage.ASSESSMENT,
                EOI_DEADLINE,
                List.of(),
                List.of(),
                funding(List.of())))
        .extracting(Question::kind, Question::subject)
        .containsExactly(tuple(Kind.NO_BIDS, "Tranche 1"));
  }

  @Test
  void aServiceAtRiskThatNoBidWouldCarryIsAskedAbout() {
    ServiceView uncovered = service("Youth outreach", 120_000, List.of());
    ServiceView carried =
        service(
            "Women's centre",
            90_000,
            List.of(new LinkedProposal("R-1", "Women's centres", "FUNDED", true)));

    List<Question> questions =
        CommitteeQuestions.of(
            "Tranche 1",
            RoundStage.ANNOUNCED,
            EOI_DEADLINE,
            List.of(),
            List.of(bid(ProposalStatus.FUNDED)),
            funding(List.of(uncovered, carried)));

    assertThat(questions)
        .extracting(Question::kind, Question::subject, Question::amount)
        .containsExactly(tuple(Kind.SERVICE_UNCOVERED, "Youth outreach", 120_000L));
  }

  // ---- facts

  private static List<RoundDecisionPoint> points(DecisionPointStatus... first) {
    List<OffsetDateTime> planned =
        List.of(EOI_DEADLINE, EOI_DEADLINE, FULL_DEADLINE, FULL_DEADLINE.plusMonths(1));
    List<RoundDecisionPoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      points.add(point(DecisionPoint.values()[i], first[i], planned.get(i)));
    }
    return points;
  }

  private static RoundDecisionPoint point(
      DecisionPoint point, DecisionPointStatus status, OffsetDateTime planned) {
    return new RoundDecisionPoint(
        point,
        point.title(),
        planned,
        status == DecisionPointStatus.DONE ? planned.minusDays(1) : null,
        status);
  }

  private static Bid bid(ProposalStatus status) {
    return bid("R-0", status);
  }

  private static Bid bid(String reference, ProposalStatus status) {
    return new Bid(
        reference,
        "Bid " + reference,
        "Advance",
        Scope.SUB_REGIONAL,
        status,
        1_000_000,
        status == ProposalStatus.FUNDED ? 1_000_000L : null);
  }

  private static YearGap gap(String year, long left) {
    return new YearGap(year, null, null, left, 0, left);
  }

  private static ServiceView service(String name, long cost, List<LinkedProposal> links) {
    return new ServiceView(
        1, name, "YOUTH_OFFENDING", cost, List.of("2018/19"), links, "w", null, "w", null);
  }

  private static BoroughFunding funding(List<ServiceView> services, YearGap... gaps) {
    return new BoroughFunding(
        "E09000033",
        "Westminster",
        List.of(),
        services,
        new CoCommissioned("rule", List.of()),
        "2017/18",
        List.of(gaps));
  }
}
