package london.cofund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.borough.LondonBorough;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security acceptance points of the foundation, over real HTTP against the running application.
 */
@CoFundSpringTest
class WebappsAndRestSecurityTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  @Test
  void tasklistAndCockpitAnswer() {
    assertThat(http.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
    assertThat(http.get("/camunda/app/cockpit/default/", null).status()).isEqualTo(200);
    assertThat(http.get("/camunda/app/tasklist/default/", null).body()).contains("Tasklist");
  }

  @Test
  void engineRestIsClosedToAnonymousCallersAndOpenToDemoUsers() {
    assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", "applicant1").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition", "westminster").status()).isEqualTo(200);
    HttpApi.Response wrongPassword = http.get("/engine-rest/task", null);
    assertThat(wrongPassword.status()).isEqualTo(401);
  }

  @Test
  void apiAnswersUnauthenticatedCallsWithAProblem() {
    HttpApi.Response response = http.get("/api/rounds", null);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void boroughOfficerCannotOpenCockpitOrAdmin() {
    assertThat(webappLogin("westminster", "tasklist")).isEqualTo(200);
    assertThat(webappLogin("westminster", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("westminster", "admin")).isEqualTo(403);
    assertThat(webappLogin("camden", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("applicant1", "cockpit")).isEqualTo(403);
  }

  @Test
  void mopacOpensCockpitButNotAdminAndTheAdminOpensAdmin() {
    assertThat(webappLogin("mopac", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("mopac", "admin")).isEqualTo(403);
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
    assertThat(webappLogin("admin", "cockpit")).isEqualTo(200);
  }

  @Test
  void everyRoleCanOpenTasklist() {
    for (String user :
        new String[] {"mopac", "wg", "leaders", "camden", "assessor1", "applicant2"}) {
      assertThat(webappLogin(user, "tasklist")).as(user).isEqualTo(200);
    }
  }

  @Test
  void boroughOfficerNeverSeesAnotherBoroughsTask() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("boroughIsolationProbe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Gateway_Fork")
            .userTask("Task_WestminsterProbe")
            .camundaCandidateGroups(LondonBorough.WESTMINSTER.groupId())
            .endEvent()
            .moveToNode("Gateway_Fork")
            .userTask("Task_CamdenProbe")
            .camundaCandidateGroups(LondonBorough.CAMDEN.groupId())
            .endEvent()
            .done();
    repositoryService
        .createDeployment()
        .addModelInstance("boroughIsolationProbe.bpmn", model)
        .deploy();
    String instance = runtimeService.startProcessInstanceByKey("boroughIsolationProbe").getId();
    String camdenTask =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_CamdenProbe")
            .singleResult()
            .getId();

    HttpApi.Response westminsterTasks =
        http.get("/engine-rest/task?processInstanceId=" + instance, "westminster");
    assertThat(westminsterTasks.status()).isEqualTo(200);
    assertThat(westminsterTasks.json().findValuesAsText("taskDefinitionKey"))
        .containsExactly("Task_WestminsterProbe");
    assertThat(http.get("/engine-rest/task", "westminster").json().findValuesAsText("id"))
        .doesNotContain(camdenTask);
    assertThat(http.get("/engine-rest/task/" + camdenTask, "westminster").status()).isIn(403, 404);
    assertThat(
            http.post("/engine-rest/task/" + camdenTask + "/complete", "westminster", "{}")
                .status())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(camdenTask).count()).isEqualTo(1);

    assertThat(
            http.get("/engine-rest/task?processInstanceId=" + instance, "camden")
                .json()
                .findValuesAsText("taskDefinitionKey"))
        .containsExactly("Task_CamdenProbe");
    runtimeService.deleteProcessInstance(instance, "probe done");
  }

  @Test
  void theAdminGroupHasMembersAndNoPasswordIsTheUserId() {
    assertThat(identityService.createUserQuery().memberOfGroup(Roles.ADMIN).count()).isPositive();
    for (User user : identityService.createUserQuery().list()) {
      assertThat(identityService.checkPassword(user.getId(), user.getId()))
          .as("password of %s is its id", user.getId())
          .isFalse();
    }
    // A wrong password counts as a failed login and Camunda throttles the user: undo that for the
    // other tests (unlocking needs an administrator).
    identityService.setAuthentication("admin", List.of(Roles.ADMIN));
    try {
      identityService
          .createUserQuery()
          .list()
          .forEach(user -> identityService.unlockUser(user.getId()));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void everyRoleAndBoroughGroupExists() {
    for (String group : IdentityBootstrap.roleGroups()) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    assertThat(
            identityService
                .createGroupQuery()
                .groupId("borough-" + LondonBorough.CITY_OF_LONDON)
                .count())
        .isZero();
  }

  @Test
  void actuatorShowsTheStatusToAnyoneAndEngineAndDatabaseOnlyToAdministratorsAndMonitoring() {
    HttpApi.Response anonymous = http.get("/actuator/health", null);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().toString()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/actuator/health", "mopac").json().has("components")).isFalse();

    HttpApi.Response admin = http.get("/actuator/health", "admin");
    assertThat(admin.json().get("components").has("processEngine")).isTrue();
    assertThat(admin.json().get("components").has("db")).isTrue();

    String monitor = "health-probe";
    User user = identityService.newUser(monitor);
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(monitor, Roles.MONITORING);
    try {
      HttpApi.Response monitoring = http.get("/actuator/health", monitor);
      assertThat(monitoring.json().get("components").has("db")).isTrue();
    } finally {
      identityService.deleteUser(monitor);
    }

    assertThat(http.get("/actuator/info", null).status()).isEqualTo(200);
    // Metrics: administrators and monitoring only. (Spring Boot's tests export no metrics; what
    // the endpoint shows a signed-in administrator is ClusterColdStartIT's, on the jar.)
    assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", "mopac").status()).isEqualTo(403);
    assertThat(http.get("/actuator/env", null).status()).isIn(401, 403, 404);
    assertThat(http.get("/actuator/beans", "admin").status()).isIn(401, 403, 404);
  }

  @Test
  void h2ConsoleIsForAdminsOnlyEvenInTheDemo() {
    HttpApi.Response anonymous = http.get("/h2-console/", null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
    assertThat(http.get("/h2-console/", "admin").status())
        .as("HTTP Basic is not a login for the console")
        .isEqualTo(302);
    assertThat(WebappLogin.tasklist(http, "mopac").get("/h2-console/").statusCode()).isEqualTo(403);

    var console = WebappLogin.tasklist(http, "admin").get("/h2-console/");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains("H2 Console");
  }

  /** Logs in to a Camunda webapp as a browser would; the status of the login form's POST. */
  private int webappLogin(String user, String app) {
    return WebappLogin.to(http, app, user, "demo").status();
  }
}
