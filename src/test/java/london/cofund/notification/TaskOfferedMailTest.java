package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.Mailbox;
import london.cofund.Mailbox.Mail;
import london.cofund.borough.LondonBorough;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.DemoUsers;
import london.cofund.notification.process.TaskOfferedProcess;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.RoundRequest;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A group's members are told, over real SMTP (GreenMail), when a task is offered to their group:
 * once per task and person, from a job of its own ({@code taskOffered}), with the due date and the
 * task's link; tasks that their own model announces, and tasks gone before the mail, get none.
 */
@CoFundSpringTest
class TaskOfferedMailTest {

  static final String WESTMINSTER = "westminster@" + DemoUsers.EMAIL_DOMAIN;
  static final String CAMDEN = "camden@" + DemoUsers.EMAIL_DOMAIN;

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired GreenMail greenMail;

  private final List<String> instances = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    for (String id : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test over");
      }
    }
  }

  @Test
  void openingARoundTellsEachBoroughsMembersOfTheirConsultationOnce() {
    FundDriver fund = new FundDriver(context);
    RoundRequest request = Fixtures.round(Fixtures.newRoundId("OFFER"), Instant.now());
    String roundId = fund.openRound(request);
    instances.add(fund.instance(roundId).getId());
    Task westminster = consultation(fund, roundId, LondonBorough.WESTMINSTER);
    Task camden = consultation(fund, roundId, LondonBorough.CAMDEN);

    // The task's transaction started the announcement; the mail waits in a job of its own.
    ProcessInstance offer = offer(westminster.getId());
    assertThat(mails(roundId)).isEmpty();

    management.executeJob(sendJob(offer).getId());
    management.executeJob(sendJob(offer(camden.getId())).getId());

    List<Mail> sent = mails(roundId);
    assertThat(sent).flatExtracting(Mail::to).containsExactlyInAnyOrder(WESTMINSTER, CAMDEN);
    Mail mail = sent.stream().filter(m -> m.to().contains(WESTMINSTER)).findFirst().orElseThrow();
    assertThat(mail.subject())
        .startsWith("CoFund: \"" + westminster.getName() + "\" is for your team, due ");
    assertThat(mail.text())
        .contains(
            "Dear Wes Minster",
            "The task \"" + westminster.getName() + "\" has been offered to your team",
            "Round: " + request.name(),
            "complete it by ",
            "?task=" + westminster.getId());
    assertThat(mail.html()).contains("?task=" + westminster.getId());
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(offer.getId())
                .finished()
                .count())
        .as("the announcement's process has ended")
        .isOne();

    // The step again (an operator restarting it): no second copy for anybody.
    ProcessInstance again =
        runtime
            .createProcessInstanceByKey(TaskOfferedProcess.KEY)
            .businessKey(westminster.getId())
            .setVariable(TaskOfferedProcess.OFFERED_TASK_ID.name(), westminster.getId())
            .startBeforeActivity(TaskOfferedProcess.SEND_TASK)
            .execute();
    instances.add(again.getId());
    management.executeJob(sendJob(again).getId());
    assertThat(mails(roundId)).hasSize(2);
  }

  @Test
  void aTaskTheModelAnnouncesOrThatHasEndedGetsNoOfferMail() {
    FundDriver fund = new FundDriver(context);
    String roundId = fund.openRound(Fixtures.round(Fixtures.newRoundId("OFFER"), Instant.now()));
    instances.add(fund.instance(roundId).getId());
    Task westminster = consultation(fund, roundId, LondonBorough.WESTMINSTER);
    ProcessInstance offer = offer(westminster.getId());

    // Westminster comments before the mail goes: nobody is told about a task that is done.
    tasks.complete(
        westminster.getId(),
        java.util.Map.of(FundingRoundProcess.VAR_PRIORITY_COMMENTS, "Done at once."));
    management.executeJob(sendJob(offer).getId());
    assertThat(mails(roundId)).isEmpty();

    // The boroughs' core-partner sign-offs are announced by their own send task
    // (BOROUGH_SIGN_OFF_REQUESTED), so no taskOffered process starts for them.
    fund.publish(roundId, List.of("FEMALE_OFFENDING"));
    String ref =
        fund.submit(
            roundId, Fixtures.eligibleEoi("Offered once", FundDriver.CONTACT), "applicant1");
    instances.add(fund.instance(ref).getId());
    List<Task> signOffs = fund.tasks(ref, ProposalProcess.TASK_CONFIRM_CORE_PARTNER);
    assertThat(signOffs).hasSize(3);
    for (Task signOff : signOffs) {
      assertThat(offers(signOff.getId())).as(signOff.getName()).isEmpty();
    }
    // MOPAC's short list was offered to group mopac: it has its announcement.
    String agreeShortlist =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(roundId)
            .taskDefinitionKey(FundingRoundProcess.TASK_AGREE_SHORTLIST)
            .singleResult()
            .getId();
    offer(agreeShortlist);
  }

  // ---- helpers

  private Task consultation(FundDriver fund, String roundId, LondonBorough borough) {
    return fund.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES).stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(link -> borough.groupId().equals(link.getGroupId())))
        .findFirst()
        .orElseThrow();
  }

  private List<ProcessInstance> offers(String taskId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(TaskOfferedProcess.KEY)
        .processInstanceBusinessKey(taskId)
        .list();
  }

  private ProcessInstance offer(String taskId) {
    List<ProcessInstance> found = offers(taskId);
    assertThat(found).as("the announcement of task " + taskId).hasSize(1);
    instances.add(found.get(0).getId());
    return found.get(0);
  }

  private Job sendJob(ProcessInstance instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(TaskOfferedProcess.SEND_TASK)
        .singleResult();
  }

  private List<Mail> mails(String roundId) {
    return new Mailbox(greenMail).of("TASK_OFFERED", roundId);
  }
}
