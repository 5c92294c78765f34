package london.cofund.system.process;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs and incidents as Micrometer meters, scraped at {@code /actuator/prometheus}:
 * what a cluster's operator watches. Each scrape reads the shared database, so every node reports
 * the same cluster-wide figures (alert on one node's, or on their maximum):
 *
 * <ul>
 *   <li>{@code cofund_jobs_due} jobs that may run now (a queue that keeps growing means the job
 *       executors cannot keep up, or are stuck); {@code cofund_jobs_locked} jobs locked by a node;
 *       {@code cofund_jobs_failed} jobs with no retry left (each an incident);
 *   <li>{@code cofund_incidents_open} open incidents, by type ({@code failedJob} and others);
 *   <li>{@code camunda_metric_total{name=...}} the engine's own counters (jobs succeeded, failed,
 *       acquired, rejected; activity instances started), summed over the cluster from the engine's
 *       meter log, which each node writes every 15 minutes.
 * </ul>
 */
@Component
class EngineMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);

  static final List<String> ENGINE_COUNTERS =
      List.of(
          Metrics.JOB_SUCCESSFUL,
          Metrics.JOB_FAILED,
          Metrics.JOB_ACQUISITION_ATTEMPT,
          Metrics.JOB_ACQUIRED_SUCCESS,
          Metrics.JOB_ACQUIRED_FAILURE,
          Metrics.JOB_EXECUTION_REJECTED,
          Metrics.JOB_LOCKED_EXCLUSIVE,
          Metrics.ACTIVTY_INSTANCE_START);

  private final ManagementService management;
  private final RuntimeService runtime;

  EngineMetrics(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "cofund.jobs.due",
            this,
            safely(m -> m.management.createJobQuery().executable().count()))
        .description("Jobs that may run now, locked or not")
        .register(registry);
    Gauge.builder(
            "cofund.jobs.locked",
            this,
            safely(m -> m.management.createJobQuery().acquired().count()))
        .description("Jobs locked by a node's job executor")
        .register(registry);
    Gauge.builder(
            "cofund.jobs.failed",
            this,
            safely(m -> m.management.createJobQuery().noRetriesLeft().count()))
        .description("Jobs with no retry left")
        .register(registry);
    for (String type : List.of("failedJob", "failedExternalTask")) {
      Gauge.builder(
              "cofund.incidents.open",
              this,
              safely(m -> m.runtime.createIncidentQuery().incidentType(type).count()))
          .tag("type", type)
          .description("Open incidents")
          .register(registry);
    }
    for (String name : ENGINE_COUNTERS) {
      FunctionCounter.builder(
              "camunda.metric",
              this,
              safely(m -> m.management.createMetricsQuery().name(name).sum()))
          .tag("name", name)
          .description("The engine's counter, summed over the cluster (its meter log)")
          .register(registry);
    }
  }

  /** A figure, or NaN while the database cannot be read: a scrape never fails on it. */
  private static ToDoubleFunction<EngineMetrics> safely(ToDoubleFunction<EngineMetrics> figure) {
    return metrics -> {
      try {
        return figure.applyAsDouble(metrics);
      } catch (RuntimeException e) {
        LOG.debug("Engine metric unavailable: {}", e.getMessage());
        return Double.NaN;
      }
    };
  }
}
