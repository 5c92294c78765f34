package london.cofund.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What the notification Spring tests share: a test process with one send step, users and groups
 * that each test creates and removes (the context is shared; other tests count mail to {@code
 * allUsers}), and GreenMail queries. Everything is named with a per-test prefix.
 */
final class NotificationFixtures {

  /** The test process: submit, a send step, then the task its link opens. */
  static final String PROCESS = "test-notification";

  static final String TASK_SUBMIT = "Task_SubmitEoi";
  static final String SEND_STEP = "SendTask_Notify";
  static final String TASK_REVISE = "Task_ReviseEoi";
  static final String EMAIL_DOMAIN = "test.example.org";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final String prefix;
  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> instances = new ArrayList<>();
  private final List<String> standaloneTasks = new ArrayList<>();

  NotificationFixtures(
      RepositoryService repository,
      RuntimeService runtime,
      TaskService tasks,
      IdentityService identity,
      ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.management = management;
    // Camunda's default pattern for user ids allows letters and digits only.
    this.prefix =
        "t" + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    deployTestProcess();
  }

  /** A name unique to this test, letters and digits only: {@code t7x1abc<suffix>}. */
  String name(String suffix) {
    return prefix + suffix;
  }

  /** An email address unique to this test. */
  String email(String suffix) {
    return name(suffix) + "@" + EMAIL_DOMAIN;
  }

  /** A user with an email (or none, for null) in the given groups. */
  String user(String suffix, String email, String... memberOf) {
    String id = name(suffix);
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName(suffix);
    user.setEmail(email);
    identity.saveUser(user);
    users.add(id);
    for (String group : memberOf) {
      identity.createMembership(id, group);
    }
    return id;
  }

  String group(String suffix) {
    String id = name(suffix);
    Group group = identity.newGroup(id);
    group.setName(id);
    identity.saveGroup(group);
    groups.add(id);
    return id;
  }

  /** Starts the test process; {@code variables} are name, value pairs. */
  String start(String businessKey, Object... variables) {
    var builder =
        runtime
            .createProcessInstanceByKey(PROCESS)
            .businessKey(businessKey)
            .setVariable("reviseGroup", "applicants");
    for (int i = 0; i < variables.length; i += 2) {
      builder.setVariable((String) variables[i], variables[i + 1]);
    }
    String id = builder.execute().getId();
    instances.add(id);
    return id;
  }

  /** Remembers a process instance or a standalone task to remove after the test. */
  void track(String processInstanceId) {
    instances.add(processInstanceId);
  }

  void trackTask(String taskId) {
    standaloneTasks.add(taskId);
  }

  /** The send step's job of a process instance. */
  Job sendJob(String processInstanceId) {
    return management
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(SEND_STEP)
        .singleResult();
  }

  /** Removes what this test created and restores the clock. */
  void cleanUp() {
    ClockUtil.reset();
    for (String instance : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, "test finished", true, true);
      }
    }
    for (String task : standaloneTasks) {
      if (tasks.createTaskQuery().taskId(task).count() > 0) {
        tasks.deleteTask(task, true);
      }
    }
    users.forEach(identity::deleteUser);
    groups.forEach(identity::deleteGroup);
  }

  private void deployTestProcess() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
      return;
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .name("Notification test")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Submitted")
            .userTask(TASK_SUBMIT)
            .name("${execution.getVariable('submitName') != null ? submitName : 'Submit the EOI'}")
            .camundaCandidateGroups(
                "${execution.getVariable('submitGroup') != null ? submitGroup : 'applicants'}")
            .camundaDueDate("${execution.getVariable('submitDue')}")
            .sendTask(SEND_STEP)
            .name("Email")
            .camundaAsyncBefore()
            .camundaDelegateExpression("${sendMailDelegate}")
            .camundaFailedJobRetryTimeCycle("${mailSettings.retryCycle}")
            .camundaInputParameter("mailTemplate", "${template}")
            .camundaInputParameter("mailTo", "${mailTo}")
            .camundaInputParameter("mailDueDate", "${execution.getVariable('dueDate')}")
            .camundaInputParameter("mailTaskKey", TASK_REVISE)
            .userTask(TASK_REVISE)
            .name("Revise the EOI")
            .camundaCandidateGroups("${reviseGroup}")
            .endEvent("EndEvent_Done")
            .done();
    repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
  }

  /** Messages GreenMail received for an address, oldest first. */
  static List<MimeMessage> receivedBy(GreenMail greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> recipients(message).contains(address.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Messages GreenMail received whose subject contains {@code marker}. */
  static List<MimeMessage> receivedAbout(GreenMail greenMail, String marker) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> subject(message).contains(marker))
        .toList();
  }

  static List<String> recipients(MimeMessage message) {
    try {
      return message.getAllRecipients() == null
          ? List.of()
          : Arrays.stream(message.getAllRecipients())
              .map(
                  address ->
                      ((jakarta.mail.internet.InternetAddress) address)
                          .getAddress()
                          .toLowerCase(Locale.ROOT))
              .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject() == null ? "" : message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? null : values[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
