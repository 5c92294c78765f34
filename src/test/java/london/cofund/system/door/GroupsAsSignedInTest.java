package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@link GroupsAsSignedIn}: the engine's checks name the user's groups as they are, without first
 * reading every group that holds a grant, and answer exactly as before.
 */
@CoFundSpringTest
class GroupsAsSignedInTest {

  static final String WESTMINSTER = "borough-" + Fixtures.WESTMINSTER;

  @Autowired ApplicationContext context;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;

  @Test
  void aUserWithFewGroupsHasThemAllNamedWithoutRepeats() {
    List<String> groups = filtered(List.of(WESTMINSTER, "a-group-without-grants", WESTMINSTER));

    assertThat(groups).containsExactly(WESTMINSTER, "a-group-without-grants");
  }

  @Test
  void aUserWithMoreGroupsThanTheLimitGetsTheEnginesOwnFilter() {
    List<String> groups = withGroupsWithoutGrants(GroupsAsSignedIn.LIMIT);

    assertThat(filtered(groups))
        .as("the engine's scan leaves out the groups that hold no grant")
        .containsExactly(WESTMINSTER);
  }

  @Test
  void theChecksAnswerTheSameWithTheGroupsNamedOrFiltered() {
    new FundDriver(context).openRound(Fixtures.round(Fixtures.newRoundId("GSI"), Instant.now()));
    String westminsters =
        tasks.createTaskQuery().taskCandidateGroup(WESTMINSTER).list().get(0).getId();
    String camdens =
        tasks
            .createTaskQuery()
            .taskCandidateGroup("borough-" + Fixtures.CAMDEN)
            .list()
            .get(0)
            .getId();
    List<String> few = List.of(WESTMINSTER, "a-group-without-grants");
    List<String> many = withGroupsWithoutGrants(GroupsAsSignedIn.LIMIT);

    for (List<String> groups : List.of(few, many)) {
      String size = groups.size() + " groups";
      assertThat(authorized("westminster", groups, westminsters)).as(size).isTrue();
      assertThat(authorized("westminster", groups, camdens)).as(size).isFalse();
      assertThat(authorized("someone", groups, westminsters))
          .as(size + ", through the group alone")
          .isTrue();
    }
  }

  /** The groups as the engine's authorization manager names them in a check. */
  List<String> filtered(List<String> groups) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            command -> {
              AuthorizationManager manager = command.getAuthorizationManager();
              assertThat(manager).isInstanceOf(GroupsAsSignedIn.Manager.class);
              return manager.filterAuthenticatedGroupIds(new ArrayList<>(groups));
            });
  }

  boolean authorized(String user, List<String> groups, String taskId) {
    return authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, taskId);
  }

  /** Westminster's group and, after it, more groups without grants than the limit allows. */
  static List<String> withGroupsWithoutGrants(int limit) {
    List<String> groups = new ArrayList<>(List.of(WESTMINSTER));
    IntStream.rangeClosed(1, limit).forEach(i -> groups.add("no-grants-" + i));
    return groups;
  }
}
