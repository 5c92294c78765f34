package london.cofund.committee.process;

import java.util.Map;
import london.cofund.committee.CommitteeMailer;
import london.cofund.round.DecisionPointReached;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a {@code committeeUpdate} process when a round passes a decision point. It listens in the
 * transaction that passes the point (a plain {@link EventListener}), so the process starts if and
 * only if the point is recorded; its send task waits in a job of its own ({@code asyncBefore}), so
 * mail never holds up, or rolls back, the round. With no committee configured it starts nothing.
 */
@Component
class StartCommitteeUpdate {

  private static final Logger LOG = LoggerFactory.getLogger(StartCommitteeUpdate.class);

  private final RuntimeService runtime;
  private final CommitteeMailer mailer;

  StartCommitteeUpdate(RuntimeService runtime, CommitteeMailer mailer) {
    this.runtime = runtime;
    this.mailer = mailer;
  }

  @EventListener
  void on(DecisionPointReached reached) {
    if (!mailer.anyRecipient()) {
      return;
    }
    String businessKey = CommitteeUpdateProcess.businessKey(reached.roundId(), reached.point());
    runtime.startProcessInstanceByKey(
        CommitteeUpdateProcess.KEY,
        businessKey,
        Map.of(
            CommitteeUpdateProcess.ROUND_ID.name(), reached.roundId(),
            CommitteeUpdateProcess.DECISION_POINT.name(), reached.point().name()));
    LOG.info("Committee update {} started", businessKey);
  }
}
