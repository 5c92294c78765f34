package london.cofund.notification;

import static london.cofund.notification.NotificationFixtures.receivedAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.identity.DemoUsers;
import london.cofund.identity.Roles;
import london.cofund.notification.api.MailboxController;
import london.cofund.notification.process.ReminderSweepProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder sweep ({@code reminderSweep}, {@code ${sendRemindersDelegate}}), with "now" moved by
 * the engine clock: a reminder at the lead time and one when due, to whoever should do the task;
 * then MOPAC every day; never twice a day to anyone; nothing once the task is done.
 */
@CoFundSpringTest
class ReminderSweepTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** A Friday, 5pm, in March: no clock change between the lead time and a few days after. */
  private static final ZonedDateTime DUE = ZonedDateTime.of(2030, 3, 15, 17, 0, 0, 0, LONDON);

  private static final String MOPAC =
      DemoUsers.ALL.stream()
          .filter(user -> user.id().equals(Roles.MOPAC))
          .findFirst()
          .orElseThrow()
          .email();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired GreenMail greenMail;
  @Autowired TestFundFacts facts;
  @Autowired MailSettings settings;

  private NotificationFixtures fixtures;
  private String doer;
  private String doerId;

  @BeforeEach
  void setUp() {
    fixtures = new NotificationFixtures(repository, runtime, tasks, identity, management);
    doer = fixtures.email("doer");
    doerId = fixtures.user("doer", doer);
  }

  @AfterEach
  void tearDown() {
    if (!greenMail.isRunning()) {
      greenMail.start();
    }
    fixtures.cleanUp();
  }

  /** A task due at {@link #DUE}, named uniquely so that its mail can be told apart. */
  private Task task(String assignee) {
    Task task = tasks.newTask();
    task.setName(fixtures.name("Sign off"));
    task.setDueDate(Date.from(DUE.toInstant()));
    task.setAssignee(assignee);
    tasks.saveTask(task);
    fixtures.trackTask(task.getId());
    return task;
  }

  /** Runs one sweep at {@code when}, as its timer would start it. */
  private String sweepAt(ZonedDateTime when) {
    ClockUtil.setCurrentTime(Date.from(when.toInstant()));
    String instance =
        runtime
            .createProcessInstanceByKey(ReminderSweepProcess.KEY)
            .startBeforeActivity(ReminderSweepProcess.TASK_SEND_REMINDERS)
            .execute()
            .getId();
    fixtures.track(instance);
    Job job = management.createJobQuery().processInstanceId(instance).singleResult();
    management.executeJob(job.getId());
    return instance;
  }

  /** Mail about the task {@code task} received by {@code address}. */
  private List<MimeMessage> mailAbout(Task task, String address) {
    return receivedAbout(greenMail, task.getName()).stream()
        .filter(message -> NotificationFixtures.recipients(message).contains(address.toLowerCase()))
        .toList();
  }

  private List<String> subjects(List<MimeMessage> messages) {
    return messages.stream().map(NotificationFixtures::subject).toList();
  }

  @Test
  void nothingBeforeTheLeadTime() {
    Task task = task(doerId);

    sweepAt(DUE.minus(settings.getReminderLeadTime()).minusMinutes(1));

    assertThat(mailAbout(task, doer)).isEmpty();
    assertThat(mailAbout(task, MOPAC)).isEmpty();
  }

  @Test
  void oneReminderAtTheLeadTimeEvenAfterTwoSweepsThatDay() throws Exception {
    Task task = task(doerId);

    sweepAt(DUE.minusDays(3));
    sweepAt(DUE.minusDays(3).plusHours(2));
    sweepAt(DUE.minusDays(1));

    List<MimeMessage> reminders = mailAbout(task, doer);
    assertThat(subjects(reminders))
        .containsExactly("CoFund reminder: \"" + task.getName() + "\" is due Friday 15 March 2030");
    assertThat(MailboxController.text(reminders.get(0)))
        .contains("is due at 5pm on Friday 15 March 2030", settings.taskUrl(task.getId()));
    assertThat(mailAbout(task, MOPAC)).isEmpty();
  }

  @Test
  void oneReminderWhenItFallsDue() {
    Task task = task(doerId);

    sweepAt(DUE.minusDays(3));
    sweepAt(DUE);
    sweepAt(DUE.plusHours(2));

    assertThat(subjects(mailAbout(task, doer)))
        .containsExactly(
            "CoFund reminder: \"" + task.getName() + "\" is due Friday 15 March 2030",
            "CoFund: \"" + task.getName() + "\" is due now");
  }

  @Test
  void mopacIsToldEveryDayWhileItIsOverdueAndTheDoerNoMore() {
    Task task = task(doerId);

    sweepAt(DUE);
    sweepAt(DUE.plusHours(3));
    assertThat(mailAbout(task, MOPAC)).hasSize(1);

    sweepAt(DUE.plusDays(1));
    sweepAt(DUE.plusDays(1).plusHours(1));
    sweepAt(DUE.plusDays(2));

    assertThat(subjects(mailAbout(task, MOPAC)))
        .hasSize(3)
        .allMatch(
            subject ->
                subject.equals(
                    "CoFund: overdue: \"" + task.getName() + "\" was due Friday 15 March 2030"));
    assertThat(mailAbout(task, doer)).hasSize(1);
  }

  @Test
  void nothingOnceTheTaskIsCompleted() {
    Task task = task(doerId);
    sweepAt(DUE.minusDays(2));
    assertThat(mailAbout(task, doer)).hasSize(1);

    tasks.complete(task.getId());
    sweepAt(DUE);
    sweepAt(DUE.plusDays(1));

    assertThat(mailAbout(task, doer)).hasSize(1);
    assertThat(mailAbout(task, MOPAC)).isEmpty();
  }

  @Test
  void withoutAnAssigneeTheCandidateGroupsAndUsersAreReminded() {
    String group = fixtures.group("panel");
    String member = fixtures.email("member");
    fixtures.user("member", member, group);
    fixtures.user("nomail", null, group);
    Task task = task(null);
    tasks.addCandidateGroup(task.getId(), group);
    tasks.addCandidateUser(task.getId(), doerId);

    sweepAt(DUE.minusDays(1));

    assertThat(mailAbout(task, member)).hasSize(1);
    assertThat(mailAbout(task, doer)).hasSize(1);
  }

  @Test
  void someoneWhoIsBothToldAndEscalatedToGetsOneMessageADay() {
    Task task = task(null);
    tasks.addCandidateGroup(task.getId(), Roles.MOPAC);

    sweepAt(DUE);
    assertThat(subjects(mailAbout(task, MOPAC)))
        .containsExactly("CoFund: \"" + task.getName() + "\" is due now");

    sweepAt(DUE.plusDays(1));
    assertThat(mailAbout(task, MOPAC)).hasSize(2);
  }

  @Test
  void aProcessTaskReminderNamesItsRoundAndProposal() {
    String roundId = facts.put(Samples.round("test-" + fixtures.name("round"))).roundId();
    ProposalFacts proposal =
        facts.put(
            Samples.proposal(
                "test-" + fixtures.name("P"),
                roundId,
                "Advance Minerva",
                fixtures.email("applicant")));
    String instance =
        fixtures.start(
            proposal.reference(),
            "roundId",
            roundId,
            "proposalReference",
            proposal.reference(),
            "submitName",
            fixtures.name("Submit"),
            "submitGroup",
            fixtures.group("applicants"),
            "submitDue",
            Date.from(DUE.toInstant()));
    identity.createMembership(doerId, fixtures.name("applicants"));
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    sweepAt(DUE.minusDays(2));

    List<MimeMessage> reminders = mailAbout(task, doer);
    assertThat(subjects(reminders))
        .containsExactly(
            "CoFund reminder: \""
                + task.getName()
                + "\" is due Friday 15 March 2030 ("
                + proposal.reference()
                + ")");
    assertThat(text(reminders.get(0)))
        .contains(
            "Round: Co-commissioning fund 2018-21 (tranche 1)",
            "Proposal: \"Advance Minerva\" (reference " + proposal.reference() + ")",
            "Process: Notification test",
            settings.taskUrl(task.getId()));
  }

  @Test
  void aSweepThatCannotSendNamesTheRecipientAndItsRetrySendsOnlyWhatIsMissing() {
    Task task = task(doerId);
    greenMail.stop();

    assertThatThrownBy(() -> sweepAt(DUE.minusDays(1)))
        .hasMessageContaining("TASK_REMINDER")
        .hasMessageContaining(doer + ": Mail server connection failed")
        .hasMessageContaining("Connection refused");
    Job failed =
        management
            .createJobQuery()
            .processDefinitionKey(ReminderSweepProcess.KEY)
            .withException()
            .singleResult();
    assertThat(failed.getRetries()).isEqualTo(4);

    greenMail.start();
    ClockUtil.setCurrentTime(Date.from(failed.getDuedate().toInstant().plusSeconds(1)));
    management.executeJob(failed.getId());
    sweepAt(DUE.minusDays(1).plusHours(1));

    assertThat(mailAbout(task, doer)).hasSize(1);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(failed.getProcessInstanceId())
                .variableName(ReminderSweepProcess.REMINDERS_SENT)
                .singleResult()
                .getValue())
        .isEqualTo(1);
  }

  private static String text(MimeMessage message) {
    try {
      return MailboxController.text(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
