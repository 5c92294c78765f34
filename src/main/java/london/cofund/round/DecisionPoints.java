package london.cofund.round;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule of a round's decision points, stated once: a point is {@code DONE} once reached; else
 * {@code LATE} once its planned date has passed; else the first one not reached is {@code NEXT};
 * the rest are {@code UPCOMING}.
 */
@Service
public class DecisionPoints {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionPoints.class);

  private final DecisionPointRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DecisionPoints(
      DecisionPointRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records that the round has reached the point, once; the first time, tells the listeners of
   * {@link DecisionPointReached} in the same transaction.
   */
  @Transactional
  public void reached(String roundId, DecisionPoint point) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (repository.record(roundId, point, now)) {
      LOG.info("Round {} has reached the decision point {}", roundId, point);
      events.publishEvent(new DecisionPointReached(roundId, point, now));
    }
  }

  /** The five points of a round, in order. */
  @Transactional(readOnly = true)
  public List<RoundDecisionPoint> of(Round round) {
    return of(
        round,
        repository.reachedBy(List.of(round.roundId())).getOrDefault(round.roundId(), Map.of()));
  }

  /** The five points of each round, in order, read in one query. */
  @Transactional(readOnly = true)
  public Map<String, List<RoundDecisionPoint>> of(Collection<Round> rounds) {
    var reached = repository.reachedBy(rounds.stream().map(Round::roundId).toList());
    Map<String, List<RoundDecisionPoint>> points = new java.util.LinkedHashMap<>();
    for (Round round : rounds) {
      points.put(round.roundId(), of(round, reached.getOrDefault(round.roundId(), Map.of())));
    }
    return points;
  }

  private List<RoundDecisionPoint> of(Round round, Map<DecisionPoint, OffsetDateTime> reached) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<RoundDecisionPoint> points = new ArrayList<>();
    boolean nextGiven = false;
    for (DecisionPoint point : DecisionPoint.values()) {
      OffsetDateTime planned = point.plannedFor(round);
      OffsetDateTime at = reached.get(point);
      DecisionPointStatus status;
      if (at != null) {
        status = DecisionPointStatus.DONE;
      } else if (planned != null && now.isAfter(planned)) {
        status = DecisionPointStatus.LATE;
        nextGiven = true;
      } else if (!nextGiven) {
        status = DecisionPointStatus.NEXT;
        nextGiven = true;
      } else {
        status = DecisionPointStatus.UPCOMING;
      }
      points.add(new RoundDecisionPoint(point, point.title(), planned, at, status));
    }
    return points;
  }
}
