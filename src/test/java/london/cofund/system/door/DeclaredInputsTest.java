package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import london.cofund.grant.process.GrantProcess;
import london.cofund.proposal.process.ProposalProcess;
import london.cofund.round.process.FundingRoundProcess;
import london.cofund.system.process.ProcessVariable;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * The rules that make "a task accepts only what it declares" hold: every human step declares its
 * inputs in its form, and no form can reach a variable that the process relies on.
 */
class DeclaredInputsTest {

  /** Every typed handle of the processes with user tasks (see ProcessVariable). */
  static final List<ProcessVariable<?>> HANDLES =
      handles(ProposalProcess.class, FundingRoundProcess.class, GrantProcess.class);

  /** Variables the processes rely on: ids, groups, submitters, deadlines, decided outcomes. */
  static final Set<String> PROCESS_OWNED =
      HANDLES.stream()
          .filter(h -> !h.userWritable())
          .map(ProcessVariable::name)
          .collect(java.util.stream.Collectors.toSet());

  static List<ProcessVariable<?>> handles(Class<?>... holders) {
    List<ProcessVariable<?>> handles = new ArrayList<>();
    for (Class<?> holder : holders) {
      for (java.lang.reflect.Field field : holder.getFields()) {
        if (field.getType() == ProcessVariable.class) {
          try {
            handles.add((ProcessVariable<?>) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return handles;
  }

  final DeclaredInputs inputs = DeclaredInputs.fromClasspath();

  @Test
  void everyUserTaskDeclaresItsInputsInAForm() throws Exception {
    for (UserTask task : userTasks()) {
      assertThat(task.getCamundaFormRef()).as(task.getId() + " has a form").isNotBlank();
    }
    assertThat(inputs.all().keySet())
        .as("every user task and the round's start form")
        .contains(
            "proposal/Task_ReviseEoi",
            "proposal/Task_AssessProposal",
            "fundingRound/Task_CommentOnPriorities",
            "fundingRound/StartEvent_RoundOpened");
    assertThat(inputs.of("proposal", "Task_ReviseEoi").orElseThrow().fields())
        .containsOnlyKeys("eoi");
    assertThat(inputs.start("fundingRound")).isPresent();
    assertThat(inputs.start("proposal")).as("a bid's process is started by CoFund only").isEmpty();
  }

  @Test
  void noFormFieldIsAVariableTheProcessReliesOn() {
    List<String> clashes = new ArrayList<>();
    // The round's start form is where the id and dates come from: RoundService.register checks
    // them as POST /api/rounds does, and the process then takes them from the stored round.
    inputs.all().entrySet().stream()
        .filter(entry -> !entry.getKey().endsWith("/StartEvent_RoundOpened"))
        .forEach(
            entry -> {
              String element = entry.getKey();
              entry.getValue().fields().keySet().stream()
                  .filter(PROCESS_OWNED::contains)
                  .forEach(field -> clashes.add(element + " declares " + field));
            });
    assertThat(clashes).isEmpty();
  }

  /**
   * A completion writes each variable where it already exists, else on the process instance. A
   * field without an input parameter on its task therefore lands on the process, where the model
   * reads it (an EOI outcome, say). Such a field is declared by one task only, so no later step can
   * overwrite what an earlier one decided.
   */
  @Test
  void aFieldThatReachesTheProcessIsDeclaredByOneTaskOnly() throws Exception {
    java.util.Map<String, Set<String>> writers = new java.util.TreeMap<>();
    for (UserTask task : userTasks()) {
      Set<String> local = new TreeSet<>();
      if (task.getExtensionElements() != null) {
        task.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaInputOutput.class)
            .list()
            .forEach(
                io ->
                    io.getCamundaInputParameters().stream()
                        .map(CamundaInputParameter::getCamundaName)
                        .forEach(local::add));
      }
      inputs.of(processKey(task), task.getId()).orElseThrow().fields().keySet().stream()
          .filter(field -> !local.contains(field))
          .forEach(field -> writers.computeIfAbsent(field, f -> new TreeSet<>()).add(task.getId()));
    }
    assertThat(writers)
        .as("fields that reach the process scope, and the tasks that write them")
        .isNotEmpty()
        .allSatisfy((field, tasks) -> assertThat(tasks).as(field).hasSize(1));
  }

  /** Each form field of a user task has a typed handle that says a person may write it. */
  @Test
  void everyFormFieldHasAUserWritableHandleAndEveryInputHandleAField() {
    Set<String> userWritable = new TreeSet<>();
    HANDLES.stream()
        .filter(ProcessVariable::userWritable)
        .map(ProcessVariable::name)
        .forEach(userWritable::add);
    Set<String> fields = new TreeSet<>();
    inputs.all().entrySet().stream()
        .filter(entry -> !entry.getKey().contains("/StartEvent_"))
        .forEach(entry -> fields.addAll(entry.getValue().fields().keySet()));
    assertThat(PROCESS_OWNED)
        .as("process-owned handles")
        .contains(ProposalProcess.VAR_REFERENCE, FundingRoundProcess.VAR_BOROUGH_GROUP);
    assertThat(fields).as("form fields of user tasks").isEqualTo(userWritable);
  }

  @Test
  void textFieldsCarryTheirDocumentedLimit() {
    DeclaredInputs.Field comments =
        inputs
            .of("fundingRound", "Task_CommentOnPriorities")
            .orElseThrow()
            .fields()
            .get("priorityComments");
    assertThat(comments.isText()).isTrue();
    assertThat(comments.maxLength()).isEqualTo(4000);
    assertThat(
            inputs.of("proposal", "Task_ReviseEoi").orElseThrow().fields().get("eoi").maxLength())
        .isEqualTo(DeclaredInputs.DEFAULT_TEXT_LIMIT);
  }

  private static String processKey(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
    while (!(parent instanceof org.camunda.bpm.model.bpmn.instance.Process process)) {
      parent = parent.getParentElement();
    }
    return process.getId();
  }

  private static List<UserTask> userTasks() throws Exception {
    List<UserTask> tasks = new ArrayList<>();
    for (String model :
        List.of("processes/proposal.bpmn", "processes/fundingRound.bpmn", "processes/grant.bpmn")) {
      try (InputStream in = DeclaredInputsTest.class.getClassLoader().getResourceAsStream(model)) {
        BpmnModelInstance instance = Bpmn.readModelFromStream(in);
        tasks.addAll(instance.getModelElementsByType(UserTask.class));
      }
    }
    return tasks;
  }
}
