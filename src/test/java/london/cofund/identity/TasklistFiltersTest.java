package london.cofund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist's four shared filters, as a borough officer sees them: "My tasks", "My group's tasks",
 * "Due in 3 days" and "Overdue", on a round's consultation task for Westminster.
 */
@CoFundSpringTest
class TasklistFiltersTest {

  @Autowired ApplicationContext context;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RoundService rounds;

  private String roundInstance;
  private String proposalInstance;

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    ClockUtil.reset();
    if (proposalInstance != null) {
      runtime.deleteProcessInstance(proposalInstance, "test over");
    }
    if (roundInstance != null) {
      runtime.deleteProcessInstance(roundInstance, "test over");
    }
  }

  @Test
  void everyRoleHasTheFourFiltersInOrder() {
    List<String> names = filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(names)
        .contains(
            IdentityBootstrap.FILTER_MY_TASKS,
            IdentityBootstrap.FILTER_MY_GROUPS,
            IdentityBootstrap.FILTER_DUE_SOON,
            IdentityBootstrap.FILTER_OVERDUE)
        .doesNotContain(IdentityBootstrap.FILTER_MY_GROUPS_BEFORE);
  }

  @Test
  void dueSoonAndOverdueFollowTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("FILTERS"), Fixtures.NOW));
    roundInstance = fund.instance(roundId).getId();
    fund.run();
    Task consultation =
        fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES).stream()
            .filter(t -> t.getDueDate() != null)
            .findFirst()
            .orElseThrow();
    Instant due = consultation.getDueDate().toInstant();
    String westminster = westminsters(fund, roundId);
    String camden = camdens(fund, roundId);
    identity.setAuthentication("westminster", List.of(Roles.boroughGroup(Fixtures.WESTMINSTER)));

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(10))));
    assertThat(ids(IdentityBootstrap.FILTER_MY_GROUPS)).contains(westminster);
    assertThat(ids(IdentityBootstrap.FILTER_DUE_SOON)).doesNotContain(westminster);
    assertThat(ids(IdentityBootstrap.FILTER_OVERDUE)).doesNotContain(westminster);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(2))));
    assertThat(ids(IdentityBootstrap.FILTER_DUE_SOON)).contains(westminster);
    assertThat(ids(IdentityBootstrap.FILTER_OVERDUE)).doesNotContain(westminster);

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    assertThat(ids(IdentityBootstrap.FILTER_OVERDUE)).contains(westminster);
    assertThat(ids(IdentityBootstrap.FILTER_MY_TASKS)).doesNotContain(westminster);
    // Camden's consultation is not Westminster's, in any filter.
    assertThat(ids(IdentityBootstrap.FILTER_OVERDUE)).doesNotContain(camden);
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachTaskInTheListsShowsItsReferenceAndTitle() {
    for (String name :
        List.of(
            IdentityBootstrap.FILTER_MY_TASKS,
            IdentityBootstrap.FILTER_MY_GROUPS,
            IdentityBootstrap.FILTER_DUE_SOON,
            IdentityBootstrap.FILTER_OVERDUE)) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat((List<Map<String, Object>>) filter.getProperties().get("variables"))
          .as(name)
          .extracting(column -> column.get("name") + ":" + column.get("label"))
          .containsExactly("title:Title", "proposalReference:Proposal", "roundId:Round");
    }

    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    RoundRequest request = Fixtures.round(Fixtures.newRoundId("TITLES"), Fixtures.NOW);
    String roundId = fund.openRound(request);
    roundInstance = fund.instance(roundId).getId();
    fund.run();
    TaskService tasks = context.getBean(TaskService.class);
    String consultation = westminsters(fund, roundId);
    assertThat(tasks.getVariableLocal(consultation, "roundId")).isEqualTo(roundId);
    assertThat(tasks.getVariableLocal(consultation, "title")).isEqualTo(request.name());

    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    String ref =
        fund.submit(
            roundId,
            Fixtures.eligibleEoi("Safer streets together", FundDriver.CONTACT),
            "applicant1");
    proposalInstance = fund.instance(ref).getId();
    for (Task signOff : fund.tasks(ref, ProposalProcess.TASK_CONFIRM_CORE_PARTNER)) {
      assertThat(tasks.getVariableLocal(signOff.getId(), "title"))
          .as("a borough's sign-off")
          .isEqualTo("Safer streets together");
    }
    fund.confirmEveryBorough(ref);
    Task feedback = fund.task(ref, ProposalProcess.TASK_GIVE_EOI_FEEDBACK);
    assertThat(tasks.getVariableLocal(feedback.getId(), "proposalReference")).isEqualTo(ref);
    assertThat(tasks.getVariableLocal(feedback.getId(), "title"))
        .isEqualTo("Safer streets together");
  }

  private List<String> ids(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  private String westminsters(FundDriver fund, String roundId) {
    return boroughTask(fund, roundId, Fixtures.WESTMINSTER);
  }

  private String camdens(FundDriver fund, String roundId) {
    return boroughTask(fund, roundId, Fixtures.CAMDEN);
  }

  private String boroughTask(FundDriver fund, String roundId, String gss) {
    var tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
    return fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES).stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> Roles.boroughGroup(gss).equals(l.getGroupId())))
        .map(Task::getId)
        .findFirst()
        .orElseThrow();
  }
}
