package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.RequestContextFilter;

/**
 * {@link TaskListNarrowing}: task lists are narrowed to the user's granted tasks, and show exactly
 * what the engine's check of each single task allows, through every query shape Tasklist and
 * engine-rest use.
 */
@CoFundSpringTest
class TaskListNarrowingTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngineConfigurationImpl engine;

  String roundId;

  @BeforeEach
  void twoRoundsOpen() {
    FundDriver fund = new FundDriver(context);
    roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("TLN"), Instant.now()));
    fund.openRound(Fixtures.round(Fixtures.newRoundId("TLN"), Instant.now()));
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void eachOfficerListsExactlyTheTasksTheEnginesSingleTaskCheckAllows() {
    for (String user : List.of("westminster", "camden", "mopac", "westminster-scrutiny")) {
      Set<String> allowed = allowedOneByOne(user);
      signIn(user);
      Set<String> listed = ids(tasks.createTaskQuery().list());
      assertThat(listed).as(user + "'s list").isEqualTo(allowed);
      assertThat(tasks.createTaskQuery().count()).as(user + "'s count").isEqualTo(allowed.size());
      identity.clearAuthentication();
    }
  }

  @Test
  void aBoroughsGroupFilterListsItsOwnConsultationsAndNoOtherBoroughs() {
    signIn("westminster");
    Filter myGroups =
        filters.createFilterQuery().filterName(IdentityBootstrap.FILTER_MY_GROUPS).singleResult();
    List<Task> listed = filters.list(myGroups.getId());

    assertThat(listed).isNotEmpty();
    assertThat(listed)
        .allSatisfy(
            task ->
                assertThat(
                        tasks.getIdentityLinksForTask(task.getId()).stream()
                            .map(link -> link.getGroupId()))
                    .contains("borough-" + Fixtures.WESTMINSTER));
    assertThat(filters.count(myGroups.getId())).isEqualTo(listed.size());
    // The saved filter is not written back with the narrowing in it.
    identity.clearAuthentication();
    TaskQuery saved = filters.getFilter(myGroups.getId()).getQuery();
    assertThat(((TaskQueryImpl) saved).getTaskIdIn()).isNull();
  }

  @Test
  void askingForTasksByIdReturnsOnlyThoseGranted() {
    Set<String> westminsters = allowedOneByOne("westminster");
    String own = westminsters.iterator().next();
    String camdens = camdensNotWestminsters(westminsters);

    signIn("westminster");
    assertThat(ids(tasks.createTaskQuery().taskIdIn(own, camdens).list())).containsExactly(own);
    assertThat(tasks.createTaskQuery().taskIdIn(camdens).list()).isEmpty();
    assertThat(tasks.createTaskQuery().taskIdIn(camdens).count()).isZero();
  }

  @Test
  void engineRestListsTheSameAsTheEngine() {
    Set<String> allowed = allowedOneByOne("westminster");
    HttpApi http = new HttpApi(port);

    var response =
        http.post(
            "/engine-rest/task?maxResults=1000",
            "westminster",
            Map.of("candidateGroups", List.of("borough-" + Fixtures.WESTMINSTER)));
    var count =
        http.post(
            "/engine-rest/task/count",
            "westminster",
            Map.of("candidateGroups", List.of("borough-" + Fixtures.WESTMINSTER)));

    assertThat(response.status()).isEqualTo(200);
    Set<String> listed = new HashSet<>();
    response.json().forEach(task -> listed.add(task.get("id").asText()));
    assertThat(listed).isNotEmpty().isSubsetOf(allowed);
    assertThat(count.json().get("count").asLong()).isEqualTo(listed.size());
  }

  @Test
  void aTaskGrantNamingAProcessDefinitionKeyOpensNoTaskThroughAnyDoor() {
    // The engine's own list query would also match a TASK grant by the task's process definition
    // key; its check of one task does not. The narrowed list follows the check of one task.
    String key = repository.createProcessDefinitionQuery().latestVersion().list().get(0).getKey();
    withTaskAuthorization(
        Authorization.AUTH_TYPE_GRANT,
        "westminster",
        key,
        () -> {
          Set<String> allowed = allowedOneByOne("westminster");
          signIn("westminster");
          assertThat(ids(tasks.createTaskQuery().list())).isEqualTo(allowed);
        });
  }

  @Test
  void aRevokedTaskLeavesTheListAsTheEnginesCheckSays() {
    String revoked = allowedOneByOne("westminster").iterator().next();
    withTaskAuthorization(
        Authorization.AUTH_TYPE_REVOKE,
        "westminster",
        revoked,
        () -> {
          Set<String> allowed = allowedOneByOne("westminster");
          assertThat(allowed).doesNotContain(revoked).isNotEmpty();
          signIn("westminster");
          assertThat(ids(tasks.createTaskQuery().list())).isEqualTo(allowed);
          assertThat(tasks.createTaskQuery().count()).isEqualTo(allowed.size());
        });
  }

  @Test
  void aGrantWhoseResourceIdIsSqlShowsNothingMore() {
    // An administrator can write any resource id into a grant; on H2 the ids become literals.
    withTaskAuthorization(
        Authorization.AUTH_TYPE_GRANT,
        "westminster",
        "x' or '1'='1",
        () -> {
          Set<String> allowed = allowedOneByOne("westminster");
          signIn("westminster");
          assertThat(ids(tasks.createTaskQuery().list())).isEqualTo(allowed).isNotEmpty();
          assertThat(tasks.createTaskQuery().count()).isEqualTo(allowed.size());
        });
  }

  @Test
  void aRevokeMadeWithinARequestIsSeenByItsNextList() {
    String revoked = allowedOneByOne("westminster").iterator().next();
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      signIn("westminster");
      assertThat(ids(tasks.createTaskQuery().list())).contains(revoked);
      identity.clearAuthentication();
      withTaskAuthorization(
          Authorization.AUTH_TYPE_REVOKE,
          "westminster",
          revoked,
          () -> {
            signIn("westminster");
            assertThat(ids(tasks.createTaskQuery().list()))
                .as("the same request, after the command that made the revoke")
                .doesNotContain(revoked)
                .isNotEmpty();
          });
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }

  @Test
  void aBoroughOfficersListIsNarrowedToTheirGrantedTasks() {
    Set<String> allowed = allowedOneByOne("westminster");
    signIn("westminster");
    Set<String> granted =
        engine
            .getCommandExecutorTxRequired()
            .execute(
                commandContext -> {
                  TaskManager manager = commandContext.getTaskManager();
                  assertThat(manager).isInstanceOf(TaskListNarrowing.NarrowingTaskManager.class);
                  TaskQueryImpl query = new TaskQueryImpl();
                  query.taskCandidateGroup("borough-" + Fixtures.WESTMINSTER);
                  query.executeCount(commandContext);
                  assertThat(query.getTaskIdIn()).as("left as the caller built it").isNull();
                  return ((TaskListNarrowing.NarrowingTaskManager) manager).grantedTasks(query);
                });
    assertThat(granted).as("narrowed, not left to the engine's join").isNotNull();
    assertThat(granted).containsAll(allowed);
  }

  /**
   * A HAL filter list (Tasklist's own request) lists and counts with one read of the grants; the
   * next request reads them again, so a grant made between two requests is in the second.
   */
  @Test
  void tasklistsHalListAndCountAgreeAndTheNextRequestSeesANewGrant() {
    Set<String> westminsters = allowedOneByOne("westminster");
    String camdens = camdensNotWestminsters(westminsters);
    HttpApi http = new HttpApi(port);
    // OneRequest holds the grants in Spring's request attributes, which this filter sets (Spring
    // Boot's Jersey configuration registers it for every path).
    assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
        .anySatisfy(
            registration ->
                assertThat(registration.getFilter()).isInstanceOf(RequestContextFilter.class));
    // A filter of every task, westminster's own (its owner may read it).
    Filter everyTask = filters.newTaskFilter("Every task").setOwner("westminster");
    filters.saveFilter(everyTask);
    try {
      assertThat(halList(http, everyTask.getId())).isEqualTo(westminsters);
      withTaskAuthorization(
          Authorization.AUTH_TYPE_GRANT,
          "westminster",
          camdens,
          () ->
              assertThat(halList(http, everyTask.getId()))
                  .isEqualTo(allowedOneByOne("westminster"))
                  .contains(camdens));
      assertThat(halList(http, everyTask.getId())).isEqualTo(westminsters);
    } finally {
      filters.deleteFilter(everyTask.getId());
    }
  }

  /**
   * Westminster's open tasks listed through the filter with HAL, as Tasklist asks; the HAL answer's
   * count must agree with its list.
   */
  static Set<String> halList(HttpApi http, String filter) {
    var response =
        http.postHal(
            "/engine-rest/filter/" + filter + "/list?maxResults=1000", "westminster", Map.of());
    assertThat(response.status()).isEqualTo(200);
    Set<String> listed = new HashSet<>();
    response.json().path("_embedded").path("task").forEach(t -> listed.add(t.get("id").asText()));
    assertThat(response.json().get("count").asLong()).as("the HAL count").isEqualTo(listed.size());
    return listed;
  }

  @Test
  void aTaskGrantedToEveryoneIsInEveryonesList() {
    Set<String> westminsters = allowedOneByOne("westminster");
    String camdens = camdensNotWestminsters(westminsters);
    withTaskAuthorization(
        Authorization.AUTH_TYPE_GLOBAL,
        null,
        camdens,
        () -> {
          Set<String> allowed = allowedOneByOne("westminster");
          assertThat(allowed).contains(camdens);
          signIn("westminster");
          assertThat(ids(tasks.createTaskQuery().list())).isEqualTo(allowed);
        });
  }

  @Test
  void aUserWithoutTaskGrantsListsNothing() {
    identity.setAuthentication("nobody-at-all", List.of());
    assertThat(tasks.createTaskQuery().list()).isEmpty();
    assertThat(tasks.createTaskQuery().count()).isZero();
  }

  /**
   * Runs the checks while one more {@code READ} authorization on a task resource exists (a grant or
   * global one adds the permission; a revoke takes it away), then removes it.
   */
  void withTaskAuthorization(int type, String user, String resourceId, Runnable checks) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (user != null) {
      // A global authorization is everyone's ("*") already.
      authorization.setUserId(user);
    }
    authorization.setResource(Resources.TASK);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    authorizations.saveAuthorization(authorization);
    try {
      checks.run();
    } finally {
      identity.clearAuthentication();
      authorizations.deleteAuthorization(authorization.getId());
    }
  }

  /** An open task of Camden's that Westminster may not read. */
  String camdensNotWestminsters(Set<String> westminsters) {
    return allowedOneByOne("camden").stream()
        .filter(id -> !westminsters.contains(id))
        .findFirst()
        .orElseThrow();
  }

  /** The open tasks the engine lets the user read, asked one task at a time. */
  Set<String> allowedOneByOne(String user) {
    List<String> groups = groups(user);
    return tasks.createTaskQuery().list().stream()
        .filter(
            task ->
                authorizations.isUserAuthorized(
                        user, groups, Permissions.READ, Resources.TASK, task.getId())
                    || authorizations.isUserAuthorized(
                        user,
                        groups,
                        Permissions.READ_TASK,
                        Resources.PROCESS_DEFINITION,
                        repository.getProcessDefinition(task.getProcessDefinitionId()).getKey()))
        .map(Task::getId)
        .collect(Collectors.toSet());
  }

  void signIn(String user) {
    identity.setAuthentication(user, groups(user));
  }

  List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  static Set<String> ids(List<Task> list) {
    return list.stream().map(Task::getId).collect(Collectors.toSet());
  }
}
