package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import london.cofund.CoFundSpringTest;
import london.cofund.notification.process.ReminderSweepProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder sweep as deployed: its timer fires it every hour and each sweep shows in history.
 */
@CoFundSpringTest
class ReminderSweepModelTest {

  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void itIsDeployedWithAHistoryTimeToLiveAndADiagram() {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .latestVersion()
            .singleResult();

    assertThat(definition.getHistoryTimeToLive()).isEqualTo(7);
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    assertThat(
            model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() instanceof FlowNode))
        .hasSize(3);
    assertThat(
            management
                .createJobDefinitionQuery()
                .processDefinitionId(definition.getId())
                .activityIdIn(ReminderSweepProcess.START_EVENT)
                .singleResult())
        .extracting(JobDefinition::getJobConfiguration)
        .asString()
        .contains("${mailSettings.sweepCycle}");
  }

  @Test
  void theTimerStartsASweepEveryHour() {
    Job timer =
        management
            .createJobQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .timers()
            .singleResult();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));

    management.executeJob(timer.getId());

    Job next =
        management
            .createJobQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .timers()
            .singleResult();
    assertThat(next.getDuedate())
        .isCloseTo(Date.from(timer.getDuedate().toInstant().plus(Duration.ofHours(1))), 2000);
    Job sweep =
        management
            .createJobQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .activityId(ReminderSweepProcess.TASK_SEND_REMINDERS)
            .singleResult();
    management.executeJob(sweep.getId());
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(sweep.getProcessInstanceId())
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(sweep.getProcessInstanceId())
                .activityId(ReminderSweepProcess.END_EVENT)
                .count())
        .isEqualTo(1);
  }
}
