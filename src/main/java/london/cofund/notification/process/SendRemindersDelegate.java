package london.cofund.notification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_SendReminders} of the reminder sweep ({@code processes/reminderSweep.bpmn}).
 */
@Component("sendRemindersDelegate")
class SendRemindersDelegate implements JavaDelegate {

  private final ReminderSweep sweep;

  SendRemindersDelegate(ReminderSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReminderSweep.Result result = sweep.sweep();
    execution.setVariable(ReminderSweepProcess.TASKS_CHECKED, result.tasksChecked());
    execution.setVariable(ReminderSweepProcess.REMINDERS_SENT, result.remindersSent());
    execution.setVariable(ReminderSweepProcess.ESCALATIONS_SENT, result.escalationsSent());
  }
}
