package london.cofund.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A node that comes back takes back its own stale job locks at once, and only its own. */
@CoFundSpringTest
class NodeLockOwnerTest {

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired NodeLockOwner node;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theJobExecutorLocksUnderTheNodesStableName() {
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .getLockOwner())
        .isEqualTo(node.name())
        .isNotBlank();
  }

  @Test
  void locksThisNodeHeldBeforeItStoppedAreReleasedAndOtherNodesLocksAreKept() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    List<Job> jobs =
        List.of(
            consultationTimer(
                fund, fund.openRound(Fixtures.round(Fixtures.newRoundId("LOCK"), Fixtures.NOW))),
            consultationTimer(
                fund, fund.openRound(Fixtures.round(Fixtures.newRoundId("LOCK"), Fixtures.NOW))));
    Date inFiveMinutes = new Date(System.currentTimeMillis() + 300_000);
    lock(jobs.get(0).getId(), node.name(), inFiveMinutes);
    lock(jobs.get(1).getId(), "another-node", inFiveMinutes);

    assertThat(node.releaseOwnLocks(jdbc)).isEqualTo(1);

    assertThat(owner(jobs.get(0).getId())).isNull();
    assertThat(owner(jobs.get(1).getId())).isEqualTo("another-node");
    lock(jobs.get(1).getId(), null, null);
  }

  private Job consultationTimer(FundDriver fund, String roundId) {
    return management
        .createJobQuery()
        .processInstanceId(fund.instance(roundId).getId())
        .singleResult();
  }

  private void lock(String jobId, String owner, Date until) {
    jdbc.update(
        "update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?",
        owner,
        until,
        jobId);
  }

  private String owner(String jobId) {
    return jdbc.queryForObject(
        "select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?", String.class, jobId);
  }
}
