package london.cofund.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import london.cofund.CoFundSpringTest;
import london.cofund.system.process.UserTaskRules;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every model in {@code processes/} keeps {@link ModelRules}, against the running application's
 * beans; and {@code docs/human-tasks.md}, generated from the same reading, is up to date.
 */
@CoFundSpringTest
class ProcessModelsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path HUMAN_TASKS = Path.of("docs", "human-tasks.md");

  @Autowired ApplicationContext context;

  @Test
  void everyModelKeepsTheRules() throws IOException {
    Set<String> sent = ModelRules.messagesSentByCode(javaSources());
    Set<String> forms = formIds();
    List<String> violations = new ArrayList<>();
    for (Path file : models()) {
      violations.addAll(
          ModelRules.check(
              file.getFileName().toString(), read(file), context::containsBean, sent, forms));
    }
    assertThat(violations).isEmpty();
    assertThat(models())
        .extracting(p -> p.getFileName().toString())
        .contains("proposal.bpmn", "fundingRound.bpmn");
  }

  /**
   * processes.xml lists each model (scanning finds none in a Spring Boot jar): the two must agree.
   */
  @Test
  void processesXmlDeploysEveryModelInTheFolder() throws IOException {
    String processesXml =
        Files.readString(Path.of("src", "main", "resources", "META-INF", "processes.xml"));
    List<String> listed =
        java.util.regex.Pattern.compile("<resource>processes/([^<]+)</resource>")
            .matcher(processesXml)
            .results()
            .map(m -> m.group(1))
            .sorted()
            .toList();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      assertThat(listed)
          .as("META-INF/processes.xml lists every file in processes/")
          .isEqualTo(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
                  .sorted()
                  .toList());
    }
  }

  @Test
  void everyListedModelIsDeployed(@Autowired org.camunda.bpm.engine.RepositoryService repository) {
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("proposal", "fundingRound", "reminderSweep");
  }

  @Test
  void everyModelCarriesDiagramInterchange() throws IOException {
    for (Path file : models()) {
      BpmnModelInstance model = read(file);
      assertThat(model.getDefinitions().getBpmDiagrams()).as(file + " has a diagram").isNotEmpty();
      model
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)
          .forEach(
              node ->
                  assertThat(
                          model
                              .getModelElementsByType(
                                  org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class)
                              .stream()
                              .anyMatch(shape -> shape.getBpmnElement() == node))
                      .as(file + ": " + node.getId() + " has a shape")
                      .isTrue());
    }
  }

  @Test
  void humanTasksDocumentIsUpToDate() throws IOException {
    String generated = humanTasks();
    String existing = Files.exists(HUMAN_TASKS) ? Files.readString(HUMAN_TASKS) : "";
    if (!generated.equals(existing)) {
      Files.createDirectories(HUMAN_TASKS.getParent());
      Files.writeString(HUMAN_TASKS, generated);
    }
    assertThat(existing)
        .as("docs/human-tasks.md was out of date and has been regenerated: commit it")
        .isEqualTo(generated);
  }

  private String humanTasks() throws IOException {
    StringBuilder text =
        new StringBuilder(
            """
        # Human tasks

        Every user task of every model in `processes/`, generated from the models by
        `ProcessModelsTest` (which fails, and rewrites this file, when it is out of date). The rules
        of a task (its validation, what it records, the brief its form shows) are the
        `UserTaskRules` beans named in the last column.

        | process | task | name | offered to | variables it takes | form | due | rules |
        |---|---|---|---|---|---|---|---|
        """);
    for (Path file : models()) {
      BpmnModelInstance model = read(file);
      String process = model.getModelElementsByType(Process.class).iterator().next().getId();
      model.getModelElementsByType(UserTask.class).stream()
          .sorted(Comparator.comparing(UserTask::getId))
          .forEach(
              task ->
                  text.append("| `")
                      .append(process)
                      .append("` | `")
                      .append(task.getId())
                      .append("` | ")
                      .append(task.getName())
                      .append(" | ")
                      .append(
                          task.getCamundaCandidateGroups() != null
                              ? "group `" + task.getCamundaCandidateGroups() + "`"
                              : "assignee `" + task.getCamundaAssignee() + "`")
                      .append(" | ")
                      .append(formFields(task))
                      .append(" | `")
                      .append(
                          task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
                      .append(".form` | ")
                      .append(
                          task.getCamundaDueDate() == null
                              ? "-"
                              : "`" + task.getCamundaDueDate() + "`")
                      .append(" | ")
                      .append(rulesOf(process, task.getId()))
                      .append(" |\n"));
    }
    return text.toString();
  }

  private String rulesOf(String processKey, String taskKey) {
    return context.getBeansOfType(UserTaskRules.class).values().stream()
        .filter(
            rules -> rules.processKey().equals(processKey) && rules.taskKeys().contains(taskKey))
        .map(
            rules ->
                "`"
                    + org.springframework.aop.support.AopUtils.getTargetClass(rules).getSimpleName()
                    + "`")
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** The variables a task takes: the keys of its form's fields. */
  private static String formFields(UserTask task) {
    String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    Path form = PROCESSES.resolve(formRef + ".form");
    try {
      List<String> keys = new ArrayList<>();
      new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(form.toFile())
          .get("components")
          .forEach(
              c -> {
                if (c.hasNonNull("key")) {
                  keys.add("`" + c.get("key").asText() + "`");
                }
              });
      return String.join(", ", keys);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static Set<String> formIds() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files
          .filter(p -> p.toString().endsWith(".form"))
          .map(
              p -> {
                try {
                  return new com.fasterxml.jackson.databind.ObjectMapper()
                      .readTree(p.toFile())
                      .get("id")
                      .asText();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .collect(Collectors.toSet());
    }
  }

  static List<String> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(
              p -> {
                try {
                  return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  static BpmnModelInstance read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Bpmn.readModelFromStream(in);
    }
  }
}
