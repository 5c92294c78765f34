package london.cofund;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs due jobs the way the job executor would, for tests that keep the executor off: every job
 * that is executable at the engine clock's "now" runs, through the engine's own failure handling (a
 * failed job loses a retry and waits for its retry cycle; with none left it becomes an incident),
 * until no job is due.
 */
public final class JobDriver {

  private static final int MAX_ROUNDS = 500;

  private final ManagementService management;

  public JobDriver(ManagementService management) {
    this.management = management;
  }

  /** What one {@link #runDueJobs()} did: how many jobs ran and the failures, by message. */
  public record Outcome(int executed, List<String> failures) {}

  public Outcome runDueJobs() {
    return runDueJobs(java.util.Set.of());
  }

  /**
   * Runs due jobs of the given process instances only (all when none is given): tests share one
   * engine, and another test's timers must not fire in this one.
   */
  public Outcome runDueJobs(java.util.Collection<String> processInstanceIds) {
    int executed = 0;
    List<String> failures = new ArrayList<>();
    List<String> failedJobIds = new ArrayList<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().list();
      due.removeIf(
          job ->
              failedJobIds.contains(job.getId())
                  || (!processInstanceIds.isEmpty()
                      && (job.getProcessInstanceId() == null
                          || !processInstanceIds.contains(job.getProcessInstanceId()))));
      if (due.isEmpty()) {
        return new Outcome(executed, failures);
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          executed++;
        } catch (RuntimeException e) {
          failures.add(e.getMessage());
          // A job that fails stays due if its retry cycle is immediate: run it again next call
          // only.
          failedJobIds.add(job.getId());
        }
      }
    }
    throw new IllegalStateException(
        "Jobs were still due after " + MAX_ROUNDS + " rounds: a loop in a model?");
  }

  /** Runs due jobs and fails the test if any of them failed. */
  public int runDueJobsWithoutFailures(String... processInstanceIds) {
    Outcome outcome = runDueJobs(java.util.Set.of(processInstanceIds));
    if (!outcome.failures().isEmpty()) {
      throw new AssertionError("Jobs failed: " + outcome.failures());
    }
    return outcome.executed();
  }
}
