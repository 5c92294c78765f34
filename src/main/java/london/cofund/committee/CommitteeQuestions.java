package london.cofund.committee;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import london.cofund.boroughfunding.BoroughFunding;
import london.cofund.boroughfunding.BoroughFunding.ServiceView;
import london.cofund.boroughfunding.BoroughFunding.YearGap;
import london.cofund.committee.CommitteeUpdate.Bid;
import london.cofund.committee.Question.Kind;
import london.cofund.round.DecisionPoint;
import london.cofund.round.DecisionPointStatus;
import london.cofund.round.RoundDecisionPoint;
import london.cofund.round.RoundStage;

/**
 * The questions a committee may want to ask, raised by the facts of its update and nothing else: a
 * late decision point, the next one, each year's gap that co-commissioning leaves, a service at
 * risk that no bid would carry, each of the borough's bids that failed, and a round with no bid for
 * the borough at all. In that order: the schedule first, then the money, then the bids.
 */
final class CommitteeQuestions {

  private CommitteeQuestions() {}

  static List<Question> of(
      String roundName,
      RoundStage stage,
      OffsetDateTime eoiDeadline,
      List<RoundDecisionPoint> points,
      List<Bid> bids,
      BoroughFunding funding) {
    List<Question> questions = new ArrayList<>();
    for (RoundDecisionPoint point : points) {
      if (point.status() == DecisionPointStatus.LATE) {
        questions.add(Question.about(Kind.LATE_POINT, point.title(), point.plannedFor()));
      } else if (point.status() == DecisionPointStatus.NEXT) {
        questions.add(
            point.point() == DecisionPoint.TRANCHE_2
                ? Question.about(Kind.TRANCHE_2_NEXT, point.title(), null)
                : Question.about(Kind.NEXT_POINT, point.title(), point.plannedFor()));
      }
    }
    for (YearGap year : funding.gapByYear()) {
      if (year.gapLeft() > 0) {
        questions.add(Question.gap(year.financialYear(), year.gapLeft()));
      }
    }
    for (ServiceView service : funding.servicesAtRisk()) {
      if (service.linkedProposals().isEmpty()) {
        questions.add(Question.service(service.name(), service.annualCost()));
      }
    }
    for (Bid bid : bids) {
      Kind kind =
          switch (bid.status()) {
            case NOT_ELIGIBLE -> Kind.BID_NOT_ELIGIBLE;
            case EOI_REJECTED -> Kind.BID_EOI_REJECTED;
            case NOT_FUNDED -> Kind.BID_NOT_FUNDED;
            case DEFERRED -> Kind.BID_DEFERRED;
            case LAPSED -> Kind.BID_LAPSED;
            case WITHDRAWN -> Kind.BID_WITHDRAWN;
            default -> null;
          };
      if (kind != null) {
        questions.add(Question.bid(kind, bid));
      }
    }
    if (bids.isEmpty()) {
      questions.add(
          stage.compareTo(RoundStage.OPEN_FOR_EOIS) <= 0
              ? Question.about(Kind.NO_BIDS_YET, roundName, eoiDeadline)
              : Question.about(Kind.NO_BIDS, roundName, null));
    }
    return questions;
  }
}
