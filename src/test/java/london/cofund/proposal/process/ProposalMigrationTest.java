package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Upgrading a running cluster to a new version of {@code proposal} (README, Production, "Upgrading
 * a running cluster"): a proposal waiting for its EOI feedback on the deployed version is moved to
 * the next version with the engine's migration plan (equal activities mapped, its deadline timers
 * updated), keeps its place, variables and tasks, and goes on to its full proposal on the new
 * version. The new version is deployed and removed by the test.
 */
@CoFundSpringTest
class ProposalMigrationTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired ApplicationContext context;

  Deployment next;

  @AfterEach
  void removeTheNextVersion() {
    if (next != null) {
      repository.deleteDeployment(next.getId(), true);
    }
    ClockUtil.reset();
  }

  @Test
  void aRunningProposalMovesToTheNextVersionAndGoesOnThere() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId = Fixtures.newRoundId("MIG");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");
    rounds.agreeShortlist(
        roundId, List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(roundId);
    Round round = rounds.get(roundId);

    String ref =
        fund.submit(
            round.roundId(), Fixtures.eligibleEoi("Migrated", FundDriver.CONTACT), "applicant1");
    fund.confirmEveryBorough(ref);
    ProcessInstance before = fund.instance(ref);
    assertThat(before).isWaitingAt(TASK_GIVE_EOI_FEEDBACK);
    ProcessDefinition current = repository.getProcessDefinition(before.getProcessDefinitionId());

    // The next version: the same model with a change that does not touch where the proposal waits.
    BpmnModelInstance model = repository.getBpmnModelInstance(current.getId());
    Process process = model.getModelElementById(current.getKey());
    process.setName(process.getName() + " (next version)");
    next =
        repository
            .createDeployment()
            .name("proposal-next-version")
            .addModelInstance("proposal.bpmn", model)
            .deploy();
    ProcessDefinition nextVersion =
        repository
            .createProcessDefinitionQuery()
            .deploymentId(next.getId())
            .processDefinitionKey(current.getKey())
            .singleResult();
    Assertions.assertThat(nextVersion.getVersion()).isEqualTo(current.getVersion() + 1);
    Assertions.assertThat(Bpmn.convertToString(model)).contains("(next version)");

    MigrationPlan plan =
        runtime
            .createMigrationPlan(current.getId(), nextVersion.getId())
            .mapEqualActivities()
            .updateEventTriggers()
            .build();
    runtime.newMigration(plan).processInstanceIds(before.getId()).execute();

    ProcessInstance after =
        runtime.createProcessInstanceQuery().processInstanceId(before.getId()).singleResult();
    Assertions.assertThat(after.getId()).isEqualTo(before.getId());
    Assertions.assertThat(after.getProcessDefinitionId()).isEqualTo(nextVersion.getId());
    assertThat(after).isWaitingAt(TASK_GIVE_EOI_FEEDBACK);

    fund.feedback(ref, "ACCEPT", "A strong, well-led partnership.");
    Assertions.assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.FULL_PROPOSAL_DUE);
    Assertions.assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(before.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(nextVersion.getId());
    System.out.printf(
        "Proposal migration: %s from version %d to %d (%d instructions), waiting at %s before"
            + " and after, then %s on the new version%n",
        ref,
        current.getVersion(),
        nextVersion.getVersion(),
        plan.getInstructions().size(),
        TASK_GIVE_EOI_FEEDBACK,
        proposals.get(ref).status());
  }
}
