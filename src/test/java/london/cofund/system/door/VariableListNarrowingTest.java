package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.IdentityBootstrap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link VariableListNarrowing}: the variables of a page of tasks, read without the engine's join,
 * are exactly those the engine's own query returns, for every kind of grant that could make them
 * differ.
 */
@CoFundSpringTest
class VariableListNarrowingTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcTemplate jdbc;

  /** Task ids, their executions and process instances: every scope a task list's variables have. */
  String[] scopes;

  String westminstersTask;
  String camdensTask;
  final List<String> created = new ArrayList<>();

  @BeforeEach
  void twoRoundsOpen() {
    FundDriver fund = new FundDriver(context);
    fund.openRound(Fixtures.round(Fixtures.newRoundId("VLN"), Instant.now()));
    fund.openRound(Fixtures.round(Fixtures.newRoundId("VLN"), Instant.now()));
    List<Task> open = new ArrayList<>();
    for (String borough : List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN)) {
      open.addAll(
          tasks
              .createTaskQuery()
              .taskCandidateGroup("borough-" + borough)
              .orderByTaskCreateTime()
              .desc()
              .listPage(0, 2));
    }
    westminstersTask = open.get(0).getId();
    camdensTask = open.get(2).getId();
    Set<String> ids = new java.util.LinkedHashSet<>();
    for (Task task : open) {
      ids.add(task.getId());
      ids.add(task.getExecutionId());
      ids.add(task.getProcessInstanceId());
    }
    scopes = ids.toArray(String[]::new);
  }

  @AfterEach
  void removeGrants() {
    identity.clearAuthentication();
    created.forEach(authorizations::deleteAuthorization);
  }

  @Test
  void aBoroughOfficerSeesTheVariablesOfTheirOwnTasksAsTheEngineWould() {
    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isTrue();
    assertThat(seen.rows()).isEqualTo(seen.engines()).isNotEmpty();
    assertThat(seen.taskIds()).contains(westminstersTask).doesNotContain(camdensTask);
  }

  @Test
  void aGrantOnAProcessInstanceShowsItsVariablesAsTheEngineWould() {
    String instance =
        tasks.createTaskQuery().taskId(camdensTask).singleResult().getProcessInstanceId();
    grant("westminster", Resources.PROCESS_INSTANCE, instance, Permissions.READ);

    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isTrue();
    assertThat(seen.rows()).isEqualTo(seen.engines());
    assertThat(seen.processInstanceIds()).contains(instance);
  }

  @Test
  void aGrantOnEveryTaskShowsEveryTasksVariablesAsTheEngineWould() {
    grant("westminster", Resources.TASK, Authorization.ANY, Permissions.READ);

    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isTrue();
    assertThat(seen.rows()).isEqualTo(seen.engines());
    assertThat(seen.taskIds()).contains(westminstersTask, camdensTask);
  }

  @Test
  void aGrantNamingADefinitionsKeyLeavesTheQueryToTheEngine() {
    // The engine's join compares every grant's resource id with the definition's key too.
    String key =
        engine
            .getRepositoryService()
            .getProcessDefinition(
                tasks.createTaskQuery().taskId(camdensTask).singleResult().getProcessDefinitionId())
            .getKey();
    grant("westminster", Resources.TASK, key, Permissions.READ);

    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isFalse();
    assertThat(seen.rows()).isEqualTo(seen.engines());
  }

  @Test
  void aGrantOnADefinitionsInstancesLeavesTheQueryToTheEngine() {
    grant("westminster", Resources.PROCESS_DEFINITION, "fundingRound", Permissions.READ_INSTANCE);

    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isFalse();
    assertThat(seen.rows()).isEqualTo(seen.engines());
  }

  @Test
  void aRevokeLeavesTheQueryToTheEngine() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("westminster");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(westminstersTask);
    revoke.removePermission(Permissions.READ);
    created.add(authorizations.saveAuthorization(revoke).getId());

    Seen seen = seen("westminster");

    assertThat(seen.narrowed()).isFalse();
    assertThat(seen.rows()).isEqualTo(seen.engines());
    assertThat(seen.taskIds()).doesNotContain(westminstersTask);
  }

  @Test
  void theGrantsAreReadOncePerRequestUnlessOneOfItsCommandsWrites() {
    String instance =
        tasks.createTaskQuery().taskId(camdensTask).singleResult().getProcessInstanceId();
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      Set<String> before = listed("westminster");

      grant("westminster", Resources.PROCESS_INSTANCE, instance, Permissions.READ);
      Set<String> after = listed("westminster");
      assertThat(after)
          .as("a grant made by a command of the request is seen by its next read")
          .containsAll(before)
          .hasSizeGreaterThan(before.size());

      // Removed behind the engine's back: no command of this request wrote anything.
      jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = ?", created.remove(0));
      assertThat(listed("westminster"))
          .as("the same request: the grants read once")
          .isEqualTo(after);

      RequestContextHolder.setRequestAttributes(
          new ServletRequestAttributes(new MockHttpServletRequest()));
      assertThat(listed("westminster")).as("the next request").isEqualTo(before);
      assertThat(seen("westminster").engines()).isEqualTo(before);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }

  @Test
  void tasklistsHalListCarriesTheVariablesOfTheOfficersTasks() {
    identity.clearAuthentication();
    String myGroups =
        filters
            .createFilterQuery()
            .filterName(IdentityBootstrap.FILTER_MY_GROUPS)
            .singleResult()
            .getId();

    var response =
        new HttpApi(port)
            .postHal(
                "/engine-rest/filter/" + myGroups + "/list?firstResult=0&maxResults=15",
                "westminster",
                java.util.Map.of());

    assertThat(response.status()).isEqualTo(200);
    var listed = response.json().get("_embedded").get("task");
    assertThat(listed).isNotEmpty();
    listed.forEach(
        task ->
            assertThat(task.get("_embedded").get("variable").findValuesAsText("name"))
                .as("the variables shown for task " + task.get("id").asText())
                .contains("title"));
  }

  /**
   * What the user sees through the narrowing, what the engine's own query returns, and whether it
   * was narrowed.
   */
  record Seen(
      Set<String> rows, Set<String> engines, boolean narrowed, List<VariableInstance> list) {

    Set<String> taskIds() {
      return list.stream().map(VariableInstance::getTaskId).collect(Collectors.toSet());
    }

    Set<String> processInstanceIds() {
      return list.stream().map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
    }
  }

  Seen seen(String user) {
    identity.setAuthentication(user, groups(user));
    try {
      return engine
          .getCommandExecutorTxRequired()
          .execute(
              command -> {
                VariableInstanceQueryImpl query = query();
                VariableInstanceManager manager = command.getVariableInstanceManager();
                assertThat(manager).isInstanceOf(VariableListNarrowing.Manager.class);
                List<VariableInstance> list =
                    manager.findVariableInstanceByQueryCriteria(query, null);
                boolean narrowed =
                    VariableListNarrowing.Manager.narrowable(query, null, query.getAuthCheck())
                        && VariableListNarrowing.Manager.grantedIds(query.getAuthCheck()) != null;
                List<VariableInstance> engines =
                    new VariableInstanceManager()
                        .findVariableInstanceByQueryCriteria(query(), null);
                return new Seen(ids(list), ids(engines), narrowed, list);
              });
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The variables the user lists through the runtime service's query (a reading command). */
  Set<String> listed(String user) {
    List<String> groups = groups(user);
    identity.setAuthentication(user, groups);
    try {
      return ids(
          engine
              .getRuntimeService()
              .createVariableInstanceQuery()
              .variableScopeIdIn(scopes)
              .disableBinaryFetching()
              .unlimitedList());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The query engine-rest makes for the variables of a page of tasks. */
  VariableInstanceQueryImpl query() {
    VariableInstanceQueryImpl query = new VariableInstanceQueryImpl();
    query.variableScopeIdIn(scopes);
    query.disableBinaryFetching();
    query.disableCustomObjectDeserialization();
    return query;
  }

  void grant(String user, Resource resource, String resourceId, Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    created.add(authorizations.saveAuthorization(grant).getId());
  }

  List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  static Set<String> ids(List<VariableInstance> variables) {
    return variables.stream().map(VariableInstance::getId).collect(Collectors.toSet());
  }
}
