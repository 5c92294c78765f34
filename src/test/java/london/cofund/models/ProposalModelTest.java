package london.cofund.models;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parts of the {@code proposal} model on the bare engine (model-tests.camunda.cfg.xml), one part at
 * a time with {@code startBeforeActivity}: the model's own logic, with every delegate stubbed. The
 * Spring path tests (ProposalProcessTest) run the same model with the real delegates.
 */
class ProposalModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("model-tests.camunda.cfg.xml").build();

  final List<String> statuses = new ArrayList<>();
  final List<String> mails = new ArrayList<>();
  boolean declined;
  boolean moderation;

  /** Stands in for the status listener: records what the model asks for. */
  public class StatusRecorder {
    public void set(DelegateExecution execution, String status) {
      statuses.add(status);
    }
  }

  /** Stands in for the sign-off records. */
  public class SignOffs {
    public boolean anyDeclined(DelegateExecution execution) {
      return declined;
    }
  }

  @BeforeEach
  void stubDelegates() {
    // Two engines share this JVM (this one and the Spring tests'): tell camunda-bpm-assert which.
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("proposalStatus", new StatusRecorder());
    Mocks.register("corePartnerSignOffs", new SignOffs());
    Mocks.register(
        "sendMailDelegate", (JavaDelegate) e -> mails.add((String) e.getVariable("mailTemplate")));
    Mocks.register("mailSettings", Map.of("retryCycle", "R1/PT1M"));
    // Screening fails LA_CORE_PARTNERS once a borough has declined, as the real service does.
    Mocks.register(
        "checkEligibilityDelegate", (JavaDelegate) e -> e.setVariable("eligible", !declined));
    Mocks.register(
        "totalScoresDelegate", (JavaDelegate) e -> e.setVariable("moderationRequired", moderation));
    Mocks.register("recordFundingDecisionDelegate", (JavaDelegate) e -> {});
    // The grant capability's step after a signed agreement (issue 13): it opens the grant.
    Mocks.register("openGrantDelegate", (JavaDelegate) e -> {});
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void aRejectedEoiIsToldAndEnds() {
    ProcessInstance instance = startBefore("Task_GiveEoiFeedback");
    complete(task(instance), withVariables("eoiOutcome", "REJECT", "eoiFeedback", "Not yet."));
    assertThat(instance).hasPassed("EndEvent_EoiRejected").isWaitingAt("SendTask_EoiFeedback");
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("SendTask_EoiFeedback", "EndEvent_FeedbackSent");
    Assertions.assertThat(mails).containsExactly("EOI_FEEDBACK");
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void anAcceptedEoiAsksForTheFullProposal() {
    ProcessInstance instance = startBefore("Task_GiveEoiFeedback");
    complete(
        task(instance),
        withVariables("eoiOutcome", "ACCEPT_WITH_MODIFICATION", "eoiFeedback", "Add health."));
    // The task is there at once; the two mails go on branches of their own, so that an SMTP outage
    // cannot hold the proposal before its deadline.
    assertThat(instance)
        .isWaitingAt("Task_SubmitFullProposal", "SendTask_EoiFeedback", "SendTask_FullProposalDue");
    runAsyncSteps(instance);
    assertThat(instance).isWaitingAt("Task_SubmitFullProposal");
    assertThat(task(instance)).isAssignedTo("applicant1");
    Assertions.assertThat(mails).containsExactlyInAnyOrder("EOI_FEEDBACK", "FULL_PROPOSAL_DUE");
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void aDeclinedSignOffEndsTheOthersAndScreensAgain() {
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceByKey("proposal")
            .businessKey("T1-001")
            .setVariables(
                variables(
                    Map.of(
                        "corePartnerGroups",
                        new ArrayList<>(List.of("borough-E09000007", "borough-E09000033")))))
            .startBeforeActivity("SubProcess_CorePartnerSignOff#multiInstanceBody")
            .execute();
    runAsyncSteps(instance); // one mail step per borough, then their sign-off tasks
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ConfirmCorePartner")
                .count())
        .isEqualTo(2);
    Assertions.assertThat(mails)
        .containsExactly("BOROUGH_SIGN_OFF_REQUESTED", "BOROUGH_SIGN_OFF_REQUESTED");
    declined = true;
    complete(
        taskQuery()
            .processInstanceId(instance.getId())
            .taskCandidateGroup("borough-E09000007")
            .singleResult());
    runAsyncSteps(instance); // the asyncAfter continuation evaluates the completion condition
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ConfirmCorePartner")
                .count())
        .as("one decline ends the other sign-offs")
        .isZero();
    assertThat(instance)
        .hasPassed(
            "Gateway_CorePartnersConfirmed", "Task_CheckEligibility", "SendTask_EoiNotEligible")
        .isWaitingAt("Task_ReviseEoi");
    assertThat(task(instance)).isAssignedTo("applicant1");
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void aFullProposalsNewBoroughSignsOffBeforeScreeningAndADeclineReturnsIt() {
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceByKey("proposal")
            .businessKey("T1-001")
            .setVariables(
                variables(
                    Map.of(
                        "newCorePartnerGroups",
                        new ArrayList<>(List.of("borough-E09000012", "borough-E09000033")))))
            .startBeforeActivity("Gateway_NewDeliveryBoroughs")
            .execute();
    runAsyncSteps(instance);
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ConfirmNewCorePartner")
                .count())
        .isEqualTo(2);
    Assertions.assertThat(statuses).contains("AWAITING_BOROUGH_SIGN_OFF");
    declined = true;
    complete(
        taskQuery()
            .processInstanceId(instance.getId())
            .taskCandidateGroup("borough-E09000012")
            .singleResult());
    runAsyncSteps(instance);
    assertThat(instance)
        .hasPassed("Gateway_NewBoroughsAnsweredOrNone", "Task_CheckFullProposal")
        .isWaitingAt("Task_SubmitFullProposal");
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ConfirmNewCorePartner")
                .count())
        .as("one decline ends the other sign-offs")
        .isZero();
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void aFullProposalWithoutNewBoroughsIsScreenedAtOnce() {
    declined = true; // screening fails, so the stubbed model stops at the applicant again
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceByKey("proposal")
            .businessKey("T1-001")
            .setVariables(variables(Map.of("newCorePartnerGroups", new ArrayList<String>())))
            .startBeforeActivity("Gateway_NewDeliveryBoroughs")
            .execute();
    assertThat(instance)
        .hasNotPassed("SubProcess_NewBoroughSignOff")
        .hasPassed("Gateway_NewBoroughsAnsweredOrNone", "Task_CheckFullProposal");
    Assertions.assertThat(statuses).isEmpty();
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void scoresApartGoToModerationThenWaitForTheDecision() {
    moderation = true;
    ProcessInstance instance = startBefore("Task_TotalScores");
    assertThat(instance).isWaitingAt("Task_AgreeModeratedScore");
    assertThat(task(instance)).hasCandidateGroup("mopac");
    complete(task(instance));
    assertThat(instance).isWaitingAt("Event_FundingDecision");
    Assertions.assertThat(statuses).containsExactly("ASSESSED");
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void theServiceStartsOnItsDateOnceTheAgreementIsSigned() {
    ProcessInstance instance = startBefore("Task_ConfirmGrantAgreement");
    complete(task(instance));
    assertThat(instance).isWaitingAt("Event_ServiceStart");
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_ServiceStarted");
    Assertions.assertThat(statuses).containsExactly("SERVICE_STARTED");
  }

  @Test
  @Deployment(resources = "processes/proposal.bpmn")
  void aWithdrawalEndsTheProposalWhereverItIs() {
    ProcessInstance instance = startBefore("Task_SubmitFullProposal");
    runtimeService().correlateMessage("ProposalWithdrawn", "T1-001");
    assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
    Assertions.assertThat(statuses).containsExactly("WITHDRAWN");
  }

  /** Runs asynchronous continuations (not timers) until none is left. */
  private static void runAsyncSteps(ProcessInstance instance) {
    List<org.camunda.bpm.engine.runtime.Job> steps;
    while (!(steps =
            managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .messages()
                .list())
        .isEmpty()) {
      execute(steps.get(0));
    }
  }

  private ProcessInstance startBefore(String activityId) {
    // Variables first: those set after startBeforeActivity would belong to that one instruction.
    return runtimeService()
        .createProcessInstanceByKey("proposal")
        .businessKey("T1-001")
        .setVariables(variables(Map.of()))
        .startBeforeActivity(activityId)
        .execute();
  }

  private static Map<String, Object> variables(Map<String, Object> extra) {
    Map<String, Object> variables =
        new java.util.HashMap<>(
            Map.of(
                "proposalReference",
                "T1-001",
                "roundId",
                "T1",
                "submittedBy",
                "applicant1",
                "eoiDeadline",
                date(30),
                "fullProposalDeadline",
                date(60),
                "decisionDate",
                date(90),
                "serviceStartDate",
                date(180)));
    variables.putAll(extra);
    return variables;
  }

  private static Date date(int daysFromNow) {
    return new Date(System.currentTimeMillis() + daysFromNow * 86_400_000L);
  }
}
