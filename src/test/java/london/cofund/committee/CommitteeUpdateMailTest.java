package london.cofund.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.Mailbox;
import london.cofund.Mailbox.Mail;
import london.cofund.committee.process.CommitteeUpdateProcess;
import london.cofund.notification.MailOutbox;
import london.cofund.notification.OutboxRow;
import london.cofund.round.DecisionPoint;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A round passes a decision point and each configured committee (application-test.yml: two for
 * Westminster, one for Wandsworth) is sent its borough's update as PDF, over real SMTP (GreenMail):
 * in a job of its own, retried and then an incident while the server is down, and never twice.
 */
@CoFundSpringTest
class CommitteeUpdateMailTest {

  static final String WESTMINSTER_COMMITTEE = "westminster-scrutiny@committee.test";
  static final String WESTMINSTER_CLERK = "westminster-clerk@committee.test";
  static final String WANDSWORTH_COMMITTEE = "wandsworth-scrutiny@committee.test";

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired GreenMail greenMail;
  @Autowired MailOutbox outbox;

  private String roundId;

  @AfterEach
  void cleanUp() {
    if (!greenMail.isRunning()) {
      greenMail.start();
    }
    new CommitteeRounds(context).cleanUp(roundId);
  }

  @Test
  void publishingTheProspectusSendsEachCommitteeItsBoroughsUpdateAsPdfOnce() throws Exception {
    CommitteeRounds.Scenario round = new CommitteeRounds(context).published("CU-ML");
    roundId = round.roundId();
    String businessKey = CommitteeUpdateProcess.businessKey(roundId, DecisionPoint.PROSPECTUS);

    // The round's transaction started the update; its mail waits in a job of its own.
    ProcessInstance update = instance(businessKey);
    assertThat(runtime.getVariable(update.getId(), "roundId")).isEqualTo(roundId);
    assertThat(runtime.getVariable(update.getId(), "decisionPoint")).isEqualTo("PROSPECTUS");
    assertThat(sent(round)).isEmpty();

    management.executeJob(sendJob(update).getId());

    List<Mail> mails = sent(round);
    assertThat(mails)
        .extracting(m -> m.to().get(0))
        .containsExactlyInAnyOrder(WESTMINSTER_COMMITTEE, WESTMINSTER_CLERK, WANDSWORTH_COMMITTEE);
    Mail westminster = only(mails, WESTMINSTER_COMMITTEE);
    assertThat(westminster.template()).isEqualTo("COMMITTEE_UPDATE");
    assertThat(westminster.subject())
        .isEqualTo(
            "CoFund: "
                + round.name()
                + " has reached The funding prospectus - committee update for Westminster");
    assertThat(westminster.text())
        .contains(
            "Dear Westminster Policy and Scrutiny Committee",
            "the decision point \"The funding prospectus\"",
            "The funding prospectus: Reached",
            "The market development sessions: Next",
            round.bid() + " \"Women & girls\" (Advance): Awaiting the boroughs' sign-off",
            "the next decision point is planned for",
            "Read the update online: http://localhost:8080/boroughs/E09000033/committee-updates/"
                + roundId);
    assertThat(westminster.html()).contains("Read the update online", "Women &amp; girls");

    Attachment pdf = pdf(westminster);
    assertThat(pdf.fileName()).isEqualTo("committee-update-" + roundId + "-Westminster.pdf");
    assertThat(CommitteeUpdatePdfTest.text(pdf.content()))
        .contains("Committee update for Westminster", round.name(), round.bid(), "£473,766");
    assertThat(CommitteeUpdatePdfTest.text(pdf(only(mails, WANDSWORTH_COMMITTEE)).content()))
        .contains("Committee update for Wandsworth", round.name())
        .doesNotContain(round.bid());
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(update.getId())
                .finished()
                .count())
        .as("the update's process has ended")
        .isEqualTo(1);

    // The same round and point again (an operator restarting the step): no second copy.
    ProcessInstance again =
        runtime
            .createProcessInstanceByKey(CommitteeUpdateProcess.KEY)
            .businessKey(businessKey)
            .setVariable("roundId", roundId)
            .setVariable("decisionPoint", "PROSPECTUS")
            .startBeforeActivity(CommitteeUpdateProcess.SEND_TASK)
            .execute();
    management.executeJob(sendJob(again).getId());
    assertThat(sent(round)).hasSize(3);
  }

  @Test
  void smtpDownTheStepRetriesThenBecomesAnIncidentAndTheRetrySendsEachCopyOnce() {
    CommitteeRounds.Scenario round = new CommitteeRounds(context).published("CU-DN");
    roundId = round.roundId();
    ProcessInstance update =
        instance(CommitteeUpdateProcess.businessKey(roundId, DecisionPoint.PROSPECTUS));

    greenMail.stop();
    Job job = sendJob(update);
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .hasMessageContaining("COMMITTEE_UPDATE")
        .hasMessageContaining("not delivered to 3 of 3 recipients")
        .hasMessageContaining(WESTMINSTER_COMMITTEE)
        .hasMessageContaining(WANDSWORTH_COMMITTEE);
    assertThat(sendJob(update).getRetries()).as("${mailSettings.retryCycle}: R5").isEqualTo(4);
    for (int attempt = 2; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(update.getId()).singleResult())
        .satisfies(
            incident -> {
              assertThat(incident.getActivityId()).isEqualTo(CommitteeUpdateProcess.SEND_TASK);
              assertThat(incident.getIncidentMessage()).contains(WESTMINSTER_CLERK);
            });
    assertThat(sent(round)).isEmpty();

    greenMail.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(sent(round))
        .extracting(m -> m.to().get(0))
        .containsExactlyInAnyOrder(WESTMINSTER_COMMITTEE, WESTMINSTER_CLERK, WANDSWORTH_COMMITTEE);
    assertThat(runtime.createIncidentQuery().processInstanceId(update.getId()).count()).isZero();
    List<OutboxRow> rows = outbox.withKeyPrefix("committee-update:" + roundId + ":PROSPECTUS:");
    assertThat(rows).extracting(OutboxRow::status).containsOnly(MailOutbox.SENT);
    assertThat(rows).extracting(OutboxRow::attempts).containsOnly(6);
  }

  // ---- helpers

  private ProcessInstance instance(String businessKey) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CommitteeUpdateProcess.KEY)
            .processInstanceBusinessKey(businessKey)
            .singleResult();
    assertThat(instance).as("the committee update " + businessKey).isNotNull();
    return instance;
  }

  private Job sendJob(ProcessInstance instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(CommitteeUpdateProcess.SEND_TASK)
        .singleResult();
  }

  /** The committee updates about this round (its name is in every subject). */
  private List<Mail> sent(CommitteeRounds.Scenario round) {
    return new Mailbox(greenMail).of("COMMITTEE_UPDATE", round.name());
  }

  private static Mail only(List<Mail> mails, String address) {
    List<Mail> to = mails.stream().filter(m -> m.to().contains(address)).toList();
    assertThat(to).as(address).hasSize(1);
    return to.get(0);
  }

  record Attachment(String fileName, String contentType, byte[] content) {}

  /** The message's one attachment, which must be a PDF. */
  private static Attachment pdf(Mail mail) throws Exception {
    List<Attachment> found = new ArrayList<>();
    collect(mail.raw(), found);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).contentType()).startsWith("application/pdf");
    return found.get(0);
  }

  private static void collect(Part part, List<Attachment> found) throws Exception {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), found);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      found.add(new Attachment(part.getFileName(), part.getContentType(), bytes(part)));
    }
  }

  private static byte[] bytes(Part part) throws Exception {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
