package london.cofund.system.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives this node's job executor a lock owner that survives a restart ({@code cofund.node.name}),
 * and on start takes back the jobs that the node itself had locked before it stopped.
 *
 * <p>Camunda names a job executor's locks with a random id per start, so a node that crashed and
 * came back would wait out its own locks (5 minutes, see {@code lock-time-in-millis}) before anyone
 * ran those jobs. A stable name lets it recognise them: whatever this node held when it died is not
 * running anywhere, and can be run again at once. Other nodes' locks are left alone.
 */
@Component
public class NodeLockOwner extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeLockOwner.class);

  private final String name;

  public NodeLockOwner(@Value("${cofund.node.name}") String name) {
    this.name = name;
  }

  /**
   * The engine's host name is the node's name too: the job log (ACT_HI_JOB_LOG.HOSTNAME_) and the
   * metrics then say which node ran what.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor executor = configuration.getJobExecutor();
    if (executor != null) {
      executor.setLockOwner(name);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int released = releaseOwnLocks(new JdbcTemplate(configuration.getDataSource()));
    if (released > 0) {
      LOG.info("Took back {} job(s) that node {} had locked before it stopped", released, name);
    }
  }

  /** Unlocks the jobs that this node had locked; returns how many. */
  public int releaseOwnLocks(JdbcTemplate jdbc) {
    return jdbc.update(
        "update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?",
        name);
  }

  public String name() {
    return name;
  }
}
