package london.cofund.notification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the process step that is sending, for idempotency keys.
 *
 * <p>A send step runs {@code asyncBefore}: in a job, retried as the same job until it succeeds or
 * its retries are spent (and again when an operator retries the incident). The job's id is
 * therefore the step's identity across retries; the activity instance id is not, because each try
 * creates a new one. The engine exposes the job being executed through {@link
 * CommandContext#getCurrentJob()}, which {@code ExecuteJobsCmd} sets both for the job executor and
 * for {@code ManagementService#executeJob}. It is internal API, stable since 7.x; this class is the
 * one place that uses it.
 */
final class CurrentStep {

  private static final Logger LOG = LoggerFactory.getLogger(CurrentStep.class);
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  private static final String LOOP_COUNTER = "loopCounter";

  /**
   * The step's identity.
   *
   * @param key {@code job:<jobId>}, or {@code activity-instance:<id>} outside a job
   * @param jobId the job's id, or null
   */
  record Step(String key, String jobId) {}

  private CurrentStep() {}

  static Step of(DelegateExecution execution) {
    JobEntity job = currentJob();
    // The job's execution is not always the delegate's: input parameters make the send task a
    // scope, run in a child execution. The instance and the element identify the job's step.
    String activityId = execution.getCurrentActivityId();
    if (job != null
        && execution.getProcessInstanceId().equals(job.getProcessInstanceId())
        && (activityId.equals(job.getActivityId())
            || (activityId + MULTI_INSTANCE_BODY).equals(job.getActivityId()))) {
      // One job may start every instance of a multi-instance send task: the loop counter, also
      // stable across retries, tells them apart.
      Object loopCounter = execution.getVariable(LOOP_COUNTER);
      return new Step(
          "job:" + job.getId() + (loopCounter == null ? "" : "#" + loopCounter), job.getId());
    }
    // Without a job nothing retries this step: a failure rolls back the user's own transaction.
    LOG.warn(
        "Element {} sends mail outside a job; model it with camunda:asyncBefore=\"true\" so"
            + " that a mail failure cannot roll back the user's transaction",
        execution.getCurrentActivityId());
    return new Step("activity-instance:" + execution.getActivityInstanceId(), null);
  }

  private static JobEntity currentJob() {
    CommandContext command = Context.getCommandContext();
    return command == null ? null : command.getCurrentJob();
  }
}
