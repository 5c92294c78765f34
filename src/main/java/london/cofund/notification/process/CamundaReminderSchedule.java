package london.cofund.notification.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import london.cofund.notification.ReminderSchedule;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** The reminder sweep's timer, last run and incidents, as the engine knows them. */
@Component
class CamundaReminderSchedule implements ReminderSchedule {

  private final ManagementService management;
  private final HistoryService history;
  private final RuntimeService runtime;

  CamundaReminderSchedule(
      ManagementService management, HistoryService history, RuntimeService runtime) {
    this.management = management;
    this.history = history;
    this.runtime = runtime;
  }

  @Override
  public Status status() {
    Instant next =
        management
            .createJobQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .timers()
            .orderByJobDuedate()
            .asc()
            .listPage(0, 1)
            .stream()
            .map(Job::getDuedate)
            .filter(Objects::nonNull)
            .map(Date::toInstant)
            .findFirst()
            .orElse(null);
    List<HistoricProcessInstance> last =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .finished()
            .orderByProcessInstanceEndTime()
            .desc()
            .listPage(0, 1);
    Instant ended = null;
    Integer reminders = null;
    Integer escalations = null;
    if (!last.isEmpty()) {
      ended = last.get(0).getEndTime().toInstant();
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(last.get(0).getId())
              .list()) {
        if (ReminderSweepProcess.REMINDERS_SENT.equals(variable.getName())) {
          reminders = (Integer) variable.getValue();
        } else if (ReminderSweepProcess.ESCALATIONS_SENT.equals(variable.getName())) {
          escalations = (Integer) variable.getValue();
        }
      }
    }
    long failed =
        runtime.createIncidentQuery().processDefinitionKeyIn(ReminderSweepProcess.KEY).count();
    return new Status(next, ended, reminders, escalations, failed);
  }
}
