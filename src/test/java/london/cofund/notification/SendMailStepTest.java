package london.cofund.notification;

import static london.cofund.notification.NotificationFixtures.SEND_STEP;
import static london.cofund.notification.NotificationFixtures.TASK_REVISE;
import static london.cofund.notification.NotificationFixtures.TASK_SUBMIT;
import static london.cofund.notification.NotificationFixtures.header;
import static london.cofund.notification.NotificationFixtures.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import london.cofund.CoFundSpringTest;
import london.cofund.notification.api.MailboxController;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A send step ({@code ${sendMailDelegate}}) against a real SMTP server, GreenMail: the step runs in
 * its own job, fails without touching the transaction that led to it, retries as {@code
 * ${mailSettings.retryCycle}} says, becomes an incident naming who was not reached and why, and
 * once retried sends every copy exactly once.
 */
@CoFundSpringTest
class SendMailStepTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired GreenMail greenMail;
  @Autowired TestFundFacts facts;
  @Autowired MailOutbox outbox;
  @Autowired MailSettings settings;
  @Autowired ContactAddresses contacts;

  private NotificationFixtures fixtures;
  private String roundId;

  @BeforeEach
  void setUp() {
    fixtures = new NotificationFixtures(repository, runtime, tasks, identity, management);
    roundId = facts.put(Samples.round("test-" + fixtures.name("round"))).roundId();
  }

  @AfterEach
  void tearDown() {
    if (!greenMail.isRunning()) {
      greenMail.start();
    }
    fixtures.cleanUp();
  }

  /** A proposal whose lead contact has confirmed their address (ContactConfirmationTest). */
  private ProposalFacts proposal(String title) {
    String contact = fixtures.email("applicant");
    contacts.confirm(contacts.token(contact));
    return facts.put(Samples.proposal("test-" + fixtures.name("P"), roundId, title, contact));
  }

  private String startAndSubmit(ProposalFacts proposal, String template, String mailTo) {
    String instance =
        fixtures.start(
            proposal.reference(),
            "roundId",
            roundId,
            "proposalReference",
            proposal.reference(),
            "template",
            template,
            "mailTo",
            mailTo);
    String submit =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(TASK_SUBMIT)
            .singleResult()
            .getId();
    tasks.complete(submit);
    return instance;
  }

  private void runSendJob(String instance) {
    management.executeJob(fixtures.sendJob(instance).getId());
  }

  @Test
  void smtpDownDuringSubmissionTheSubmissionCommitsThenAnIncidentThenEachEmailArrivesOnce() {
    String group = fixtures.group("wg");
    String wes = fixtures.email("wes");
    String cam = fixtures.email("cam");
    fixtures.user("wes", wes, group);
    fixtures.user("cam", cam, group);
    fixtures.user("nomail", null, group);
    ProposalFacts proposal = proposal("Advance Minerva");
    String applicant = proposal.contactEmail();

    greenMail.stop();
    String instance = startAndSubmit(proposal, "EOI_NOT_ELIGIBLE", "applicant, group:" + group);

    // The submission committed: its task is done and the mail waits in a job of its own.
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(TASK_SUBMIT)
                .finished()
                .count())
        .isEqualTo(1);
    Job job = fixtures.sendJob(instance);
    assertThat(job).isNotNull();

    // First try: the retry cycle comes from ${mailSettings.retryCycle}, R5/PT5M.
    Date firstTry = ClockUtil.getCurrentTime();
    assertThatThrownBy(() -> runSendJob(instance)).hasMessageContaining(applicant);
    job = fixtures.sendJob(instance);
    assertThat(job.getRetries()).isEqualTo(4);
    assertThat(job.getDuedate())
        .isCloseTo(Date.from(firstTry.toInstant().plus(Duration.ofMinutes(5))), 2000);
    assertThat(job.getExceptionMessage())
        .contains(applicant, wes, cam, "Mail server connection failed", "Connection refused");

    for (int attempt = 2; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(
          Date.from(fixtures.sendJob(instance).getDuedate().toInstant().plusSeconds(1)));
      assertThatThrownBy(() -> runSendJob(instance)).isNotNull();
    }

    Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(SEND_STEP);
    assertThat(incident.getIncidentMessage())
        .contains(
            "EOI_NOT_ELIGIBLE",
            "not delivered to 3 of 3 recipients",
            applicant,
            "Connection refused",
            "Retrying the job sends to these");
    assertThat(outbox.withKeyPrefix("step:job:" + job.getId() + ":"))
        .extracting(OutboxRow::recipient, OutboxRow::status)
        .containsExactlyInAnyOrder(
            tuple(applicant, MailOutbox.FAILED),
            tuple(wes, MailOutbox.FAILED),
            tuple(cam, MailOutbox.FAILED));

    // SMTP is back; MOPAC retries the incident.
    greenMail.start();
    management.setJobRetries(job.getId(), 1);
    runSendJob(instance);

    for (String address : List.of(applicant, wes, cam)) {
      assertThat(receivedBy(greenMail, address)).hasSize(1);
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(TASK_REVISE)
                .count())
        .isEqualTo(1);
    List<OutboxRow> rows = outbox.withKeyPrefix("step:job:" + job.getId() + ":");
    assertThat(rows).extracting(OutboxRow::status).containsOnly(MailOutbox.SENT);
    assertThat(rows).extracting(OutboxRow::attempts).containsOnly(6);
    // Each Message-ID comes from the idempotency key, so a copy keeps its id whatever happens.
    Map<String, String> messageIds =
        rows.stream().collect(Collectors.toMap(OutboxRow::recipient, OutboxRow::messageId));
    assertThat(header(receivedBy(greenMail, applicant).get(0), "Message-ID"))
        .isEqualTo(messageIds.get(applicant));
  }

  @Test
  void oneRecipientRefusedTheOthersAreSentAndTheRetrySendsOnlyTheMissingOne() throws Exception {
    String group = fixtures.group("boroughs");
    String wes = fixtures.email("wes");
    String refused = fixtures.email("refused");
    fixtures.user("wes", wes, group);
    fixtures.user("refused", refused, group);
    ProposalFacts proposal = proposal("Rescue and Response");
    String applicant = proposal.contactEmail();
    String instance =
        startAndSubmit(proposal, "BOROUGH_SIGN_OFF_REQUESTED", "group:" + group + ",applicant");
    String jobId = fixtures.sendJob(instance).getId();

    int port = greenMail.getSmtp().getServerSetup().getPort();
    greenMail.stop();
    try (RefusingSmtpServer refusing = new RefusingSmtpServer(port, refused)) {
      assertThatThrownBy(() -> runSendJob(instance))
          .hasMessageContaining("not delivered to 1 of 3 recipients")
          .hasMessageContaining(refused + ": ")
          .hasMessageContaining("550 5.1.1")
          .hasMessageNotContaining(wes + ":");
      assertThat(refusing.accepted()).containsExactlyInAnyOrder(wes, applicant);
    }
    greenMail.start();
    assertThat(outbox.withKeyPrefix("step:job:" + jobId + ":"))
        .extracting(OutboxRow::recipient, OutboxRow::status)
        .containsExactlyInAnyOrder(
            tuple(wes, MailOutbox.SENT),
            tuple(applicant, MailOutbox.SENT),
            tuple(refused, MailOutbox.FAILED));

    ClockUtil.setCurrentTime(
        Date.from(fixtures.sendJob(instance).getDuedate().toInstant().plusSeconds(1)));
    runSendJob(instance);

    assertThat(receivedBy(greenMail, refused)).hasSize(1);
    assertThat(receivedBy(greenMail, wes)).isEmpty();
    assertThat(receivedBy(greenMail, applicant)).isEmpty();
  }

  @Test
  void groupsAndUsersAreReachedThroughTheIdentityServiceAndAUserWithoutEmailIsSkipped() {
    String group = fixtures.group("assessors");
    String asha = fixtures.email("asha");
    String ben = fixtures.email("ben");
    String chloe = fixtures.email("chloe");
    fixtures.user("asha", asha, group);
    fixtures.user("ben", ben, group);
    String noMail = fixtures.user("nomail", null, group);
    String chloeId = fixtures.user("chloe", chloe);
    ProposalFacts proposal = proposal("Female offending consortium");
    String instance =
        startAndSubmit(
            proposal,
            "ASSESSMENT_REQUESTED",
            "group:" + group + ", user:" + chloeId + ", user:" + noMail + ", email:" + asha);

    runSendJob(instance);

    for (String address : List.of(asha, ben, chloe)) {
      List<MimeMessage> received = receivedBy(greenMail, address);
      assertThat(received).hasSize(1);
      assertThat(header(received.get(0), MailService.TEMPLATE_HEADER))
          .isEqualTo("ASSESSMENT_REQUESTED");
    }
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(TASK_REVISE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void theLinkOpensTheTaskThroughTheRedirectAndPrefersTheRecipientsGroup() throws Exception {
    String group = fixtures.group("borough");
    String wes = fixtures.email("wes");
    fixtures.user("wes", wes, group);
    ProposalFacts proposal = proposal("Youth offending partnership");
    String instance =
        startAndSubmit(proposal, "BOROUGH_SIGN_OFF_REQUESTED", "group:" + group + ",applicant");

    runSendJob(instance);

    String wesBody = MailboxController.text(receivedBy(greenMail, wes).get(0));
    assertThat(wesBody)
        .contains(
            settings.getPublicBaseUrl()
                + "/tasks/open?processInstanceId="
                + instance
                + "&taskKey="
                + TASK_REVISE
                + "&group="
                + group);
    String applicantBody =
        MailboxController.text(receivedBy(greenMail, proposal.contactEmail()).get(0));
    assertThat(applicantBody)
        .contains("/tasks/open?processInstanceId=" + instance + "&taskKey=" + TASK_REVISE)
        .doesNotContain("&group=");
  }

  @Test
  void aTitleWithAnInjectedHeaderAddsNoRecipientAndHtmlIsEscaped() throws Exception {
    ProposalFacts proposal =
        proposal("Youth work\r\nBcc: attacker@example.org <script>alert(1)</script>");
    String applicant = proposal.contactEmail();
    int before = greenMail.getReceivedMessages().length;
    String instance = startAndSubmit(proposal, "EOI_RECEIVED", "applicant");

    runSendJob(instance);

    List<MimeMessage> received = receivedBy(greenMail, applicant);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(NotificationFixtures.recipients(message)).containsExactly(applicant);
    assertThat(receivedBy(greenMail, "attacker@example.org")).isEmpty();
    assertThat(greenMail.getReceivedMessages()).hasSize(before + 1);
    assertThat(message.getSubject())
        .isEqualTo(
            "CoFund: EOI received for \"Youth work Bcc: attacker@example.org"
                + " <script>alert(1)</script>\" ("
                + proposal.reference()
                + ")");
    String html = html(message);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void anUnknownProposalFailsTheStepWithAMessageAnOperatorCanActOn() {
    String instance =
        fixtures.start(
            "test-unknown",
            "roundId",
            roundId,
            "proposalReference",
            "test-unknown",
            "template",
            "EOI_FEEDBACK",
            "mailTo",
            "applicant");
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());

    assertThatThrownBy(() -> runSendJob(instance))
        .hasMessageContaining("Proposal 'test-unknown' is unknown to every FundFacts bean");
  }

  @Test
  void noRecipientIsNotAFailure() {
    ProposalFacts proposal = proposal("Nobody to tell");
    String instance = startAndSubmit(proposal, "EOI_FEEDBACK", "group:" + fixtures.name("empty"));

    runSendJob(instance);

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(TASK_REVISE)
                .count())
        .isEqualTo(1);
  }

  private static String html(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      var multipart = (jakarta.mail.Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = html(multipart.getBodyPart(i));
        if (!html.isEmpty()) {
          return html;
        }
      }
    }
    return "";
  }
}
