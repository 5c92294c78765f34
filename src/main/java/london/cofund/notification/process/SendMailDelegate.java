package london.cofund.notification.process;

import london.cofund.notification.DeliveryReport;
import london.cofund.notification.StepMailRequest;
import london.cofund.notification.StepMailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves every mail send task ({@code SendTask_*}, {@code ${sendMailDelegate}}) of every process.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendMailDelegate.class);

  private final StepMailer mailer;

  SendMailDelegate(StepMailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CurrentStep.Step step = CurrentStep.of(execution);
    DeliveryReport report =
        mailer.send(
            new StepMailRequest(
                text(execution, MailVariables.MAIL_TEMPLATE),
                execution.getVariable(MailVariables.MAIL_TO),
                execution.getVariable(MailVariables.MAIL_DUE_DATE),
                text(execution, MailVariables.MAIL_TASK_KEY),
                text(execution, MailVariables.ROUND_ID),
                text(execution, MailVariables.PROPOSAL_REFERENCE),
                text(execution, MailVariables.NEXT_ROUND_ID),
                execution.getProcessInstanceId(),
                execution.getCurrentActivityId(),
                step.key(),
                step.jobId(),
                text(execution, MailVariables.VARIATION_ID)));
    LOG.info(
        "{}: {} sent, {} sent before",
        execution.getCurrentActivityId(),
        report.sent(),
        report.alreadySent());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
