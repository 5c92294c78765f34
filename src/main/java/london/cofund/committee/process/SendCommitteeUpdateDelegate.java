package london.cofund.committee.process;

import java.util.List;
import london.cofund.committee.CommitteeMailer;
import london.cofund.notification.DeliveryReport;
import london.cofund.round.DecisionPoint;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Serves {@code SendTask_SendCommitteeUpdate} ({@code ${sendCommitteeUpdateDelegate}}). */
@Component("sendCommitteeUpdateDelegate")
class SendCommitteeUpdateDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendCommitteeUpdateDelegate.class);

  private final CommitteeMailer mailer;

  SendCommitteeUpdateDelegate(CommitteeMailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<DeliveryReport> reports =
        mailer.send(
            CommitteeUpdateProcess.ROUND_ID.require(execution),
            DecisionPoint.valueOf(CommitteeUpdateProcess.DECISION_POINT.require(execution)),
            new CommitteeMailer.Origin(
                execution.getProcessInstanceId(), execution.getCurrentActivityId(), null));
    LOG.info(
        "{}: {} sent, {} sent before",
        execution.getCurrentActivityId(),
        reports.stream().mapToInt(DeliveryReport::sent).sum(),
        reports.stream().mapToInt(DeliveryReport::alreadySent).sum());
  }
}
