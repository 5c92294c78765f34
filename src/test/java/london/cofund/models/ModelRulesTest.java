package london.cofund.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The model rules catch what they promise to: each broken model names its element and rule. */
class ModelRulesTest {

  @Test
  void aCleanModelHasNoViolation() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Begun")
            .userTask("Task_DoIt")
            .camundaCandidateGroups("mopac")
            .camundaFormKey("camunda-forms:deployment:doIt.form")
            .serviceTask("Task_Compute")
            .camundaDelegateExpression("${knownBean}")
            .endEvent("EndEvent_Done")
            .done();
    assertThat(check(model)).isEmpty();
  }

  @Test
  void aUserTaskWithoutGroupOrFormIsReported() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Begun")
            .userTask("Task_Orphan")
            .endEvent("EndEvent_Done")
            .done();
    assertThat(check(model))
        .containsExactlyInAnyOrder(
            "probe.bpmn: Task_Orphan: user task has no candidate group or assignee",
            "probe.bpmn: Task_Orphan: user task has no form");
  }

  @Test
  void aDelegateExpressionNamingNoBeanIsReported() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Begun")
            .serviceTask("Task_Compute")
            .camundaDelegateExpression("${noSuchBean}")
            .endEvent("EndEvent_Done")
            .done();
    assertThat(check(model))
        .containsExactly(
            "probe.bpmn: Task_Compute: expression ${noSuchBean} names no Spring bean 'noSuchBean'");
  }

  @Test
  void aModelerGeneratedIdIsReported() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_1")
            .serviceTask("Activity_0x1y2z3")
            .camundaDelegateExpression("${knownBean}")
            .endEvent("EndEvent_Done")
            .done();
    assertThat(check(model))
        .anyMatch(v -> v.contains("StartEvent_1: id is not meaningful"))
        .anyMatch(v -> v.contains("Activity_0x1y2z3: id is not meaningful"));
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsReported() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .startEvent("StartEvent_Begun")
            .endEvent("EndEvent_Done")
            .done();
    // Since 7.20 the fluent builder sets a default time to live; a hand-written model may lack one.
    model
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
        .forEach(p -> p.setCamundaHistoryTimeToLiveString(null));
    assertThat(check(model))
        .containsExactly("probe.bpmn: process probe: has no camunda:historyTimeToLive");
  }

  @Test
  void aMessageCaughtButNeverSentIsReported() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("probe")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Begun")
            .intermediateCatchEvent("Event_Heard")
            .message("Nobody")
            .endEvent("EndEvent_Done")
            .done();
    model
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
        .forEach(m -> m.setId("Message_Nobody"));
    model
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class)
        .forEach(d -> d.setId("MessageEventDefinition_Heard"));
    assertThat(check(model))
        .contains(
            "probe.bpmn: Event_Heard: message 'Nobody' is caught but never sent by code or model");
    assertThat(
            ModelRules.check("probe.bpmn", model, "knownBean"::equals, Set.of("Nobody"), Set.of()))
        .isEmpty();
  }

  @Test
  void messagesSentByCodeAreFoundThroughConstants() {
    String constants = "class P { public static final String MESSAGE_X = \"FundingDecision\"; }";
    String sender =
        "class S { void f() { runtime.createMessageCorrelation(MESSAGE_X).correlate();"
            + " runtime.correlateMessage(\"Literal\"); } }";
    assertThat(ModelRules.messagesSentByCode(List.of(constants, sender)))
        .containsExactlyInAnyOrder("FundingDecision", "Literal");
  }

  private static List<String> check(BpmnModelInstance model) {
    model
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)
        .forEach(
            f ->
                f.setId(
                    "Flow_"
                        + f.getSource().getId().replace("_", "")
                        + "To"
                        + f.getTarget().getId().replace("_", "")));
    return ModelRules.check("probe.bpmn", model, "knownBean"::equals, Set.of(), Set.of("doIt"));
  }
}
