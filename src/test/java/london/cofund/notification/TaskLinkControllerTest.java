package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /tasks/open}: the stable link of send steps, for people signed in to the webapps,
 * redirecting only to Tasklist and only to a task the person may see.
 */
@CoFundSpringTest
class TaskLinkControllerTest {

  private static final String SIGN_OFF = "test-signoff";
  private static final String TASK_CONFIRM = "Task_ConfirmPartner";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired MailSettings settings;

  private NotificationFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NotificationFixtures(repository, runtime, tasks, identity, management);
    if (repository.createProcessDefinitionQuery().processDefinitionKey(SIGN_OFF).count() == 0) {
      repository
          .createDeployment()
          .name(SIGN_OFF)
          .addModelInstance(
              SIGN_OFF + ".bpmn",
              Bpmn.createExecutableProcess(SIGN_OFF)
                  .camundaHistoryTimeToLive(1)
                  .startEvent("StartEvent_Asked")
                  .userTask(TASK_CONFIRM)
                  .camundaCandidateGroups("${group}")
                  .multiInstance()
                  .parallel()
                  .camundaCollection("${groups}")
                  .camundaElementVariable("group")
                  .multiInstanceDone()
                  .endEvent("EndEvent_Confirmed")
                  .done())
          .deploy();
    }
  }

  @AfterEach
  void tearDown() {
    fixtures.cleanUp();
  }

  /** Opens the link as the user, signed in to Tasklist; the redirect's target. */
  private String location(String user, String query) {
    HttpResponse<String> response =
        WebappLogin.tasklist(new HttpApi(port), user).get(TaskLinks.OPEN_PATH + "?" + query);
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void beforeTheTaskExistsItOpensTasklistThenTheTask() throws Exception {
    String instance =
        fixtures.start(fixtures.name("bk"), "template", "PROSPECTUS_PUBLISHED", "mailTo", "");
    String query = "processInstanceId=" + instance + "&taskKey=" + NotificationFixtures.TASK_REVISE;

    assertThat(location("applicant1", query)).isEqualTo(settings.getTasklistBaseUrl());

    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    management.executeJob(fixtures.sendJob(instance).getId());
    Task revise = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    assertThat(location("applicant1", query))
        .isEqualTo(
            settings.getPublicBaseUrl()
                + "/camunda/app/tasklist/default/#/?task="
                + revise.getId());
  }

  @Test
  void amongSeveralTasksOfAKeyItPrefersTheOneOfferedToTheGroup() throws Exception {
    String instance =
        runtime
            .createProcessInstanceByKey(SIGN_OFF)
            .setVariable("groups", List.of("borough-E09000007", "borough-E09000033"))
            .execute()
            .getId();
    fixtures.track(instance);
    Task westminster =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskCandidateGroup("borough-E09000033")
            .singleResult();

    assertThat(
            location(
                "admin",
                "processInstanceId="
                    + instance
                    + "&taskKey="
                    + TASK_CONFIRM
                    + "&group=borough-E09000033"))
        .endsWith("#/?task=" + westminster.getId());
    assertThat(location("admin", "processInstanceId=" + instance + "&taskKey=" + TASK_CONFIRM))
        .contains("#/?task=");
  }

  @Test
  void nonsenseOrNothingOpensTasklistsHomePage() throws Exception {
    assertThat(location("applicant1", "processInstanceId=nope&taskKey=Task_X"))
        .isEqualTo(settings.getTasklistBaseUrl());
    assertThat(location("applicant1", "processInstanceId=%0d%0aLocation:evil&taskKey=x"))
        .isEqualTo(settings.getTasklistBaseUrl());
    assertThat(location("applicant1", "")).isEqualTo(settings.getTasklistBaseUrl());
  }

  @Test
  void aStrangerIsSentToTasklistsLoginAndTheLinkWorksOnceSignedIn() throws Exception {
    String instance = signOff();
    String query = "processInstanceId=" + instance + "&taskKey=" + TASK_CONFIRM;
    HttpApi http = new HttpApi(port);

    HttpApi.Response stranger = http.get(TaskLinks.OPEN_PATH + "?" + query, null);
    assertThat(stranger.status()).isEqualTo(302);
    assertThat(stranger.header("Location")).isEqualTo(http.url("/camunda/app/tasklist/default/"));
    assertThat(stranger.header("Location")).doesNotContain("task=");
    HttpApi.Response basic = http.get(TaskLinks.OPEN_PATH + "?" + query, "westminster");
    assertThat(basic.header("Location")).doesNotContain("task=");

    assertThat(location("westminster", query)).contains("#/?task=");
  }

  @Test
  void aTaskTheUserMayNotSeeLeadsToTasklistsHomeWithoutItsId() throws Exception {
    String instance = signOff();
    String westminsters =
        "processInstanceId=" + instance + "&taskKey=" + TASK_CONFIRM + "&group=borough-E09000033";

    assertThat(location("applicant1", westminsters)).isEqualTo(settings.getTasklistBaseUrl());
    Task camdens =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskCandidateGroup("borough-E09000007")
            .singleResult();
    assertThat(location("camden", westminsters)).endsWith("#/?task=" + camdens.getId());
  }

  /** A sign-off with one task for Camden and one for Westminster. */
  private String signOff() {
    String instance =
        runtime
            .createProcessInstanceByKey(SIGN_OFF)
            .setVariable("groups", List.of("borough-E09000007", "borough-E09000033"))
            .execute()
            .getId();
    fixtures.track(instance);
    return instance;
  }
}
