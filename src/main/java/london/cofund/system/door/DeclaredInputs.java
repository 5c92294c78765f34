package london.cofund.system.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What each human step accepts: the fields of its Camunda Form, read from the models in {@code
 * processes/}. A form is the one place where a task declares its inputs; {@link EngineDoorGuard}
 * refuses a completion or a start that carries anything else.
 *
 * <p>Each process's user tasks and form-bearing start events are found by their {@code
 * camunda:formRef}; each form's keyed components (at any depth) are its fields.
 */
public final class DeclaredInputs {

  /**
   * The most characters (Unicode code points) a text field without a {@code maxLength} of its own
   * may hold: a JSON document such as a revised EOI. Request bodies stop at 1 MB long before this.
   */
  public static final int DEFAULT_TEXT_LIMIT = 200_000;

  /** One field of a form: its variable name, its form type and its documented length limit. */
  public record Field(String key, String type, int maxLength) {

    /** Text typed by a person: a textarea or a text field. */
    public boolean isText() {
      return "textarea".equals(type) || "textfield".equals(type);
    }
  }

  /** The inputs of one element: its form's id and fields by name. */
  public record Inputs(String formId, Map<String, Field> fields) {}

  /** The key suffix under which a process's start form is also found. */
  private static final String START = "#start";

  private final Map<String, Inputs> byElement;

  private DeclaredInputs(Map<String, Inputs> byElement) {
    this.byElement = Map.copyOf(byElement);
  }

  /** Reads every model and form under {@code classpath:processes/}. */
  public static DeclaredInputs fromClasspath() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      Map<String, Map<String, Field>> forms = new HashMap<>();
      for (Resource form : resolver.getResources("classpath*:processes/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = new ObjectMapper().readTree(in);
          Map<String, Field> fields = new LinkedHashMap<>();
          collect(root.path("components"), fields);
          forms.put(root.path("id").asText(), fields);
        }
      }
      List<BpmnModelInstance> models = new ArrayList<>();
      for (Resource bpmn : resolver.getResources("classpath*:processes/*.bpmn")) {
        try (InputStream in = bpmn.getInputStream()) {
          models.add(Bpmn.readModelFromStream(in));
        }
      }
      return of(models, forms);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models in processes/", e);
    }
  }

  /** The declared inputs of the given models, with the given forms' fields by form id. */
  static DeclaredInputs of(
      Collection<BpmnModelInstance> models, Map<String, Map<String, Field>> forms) {
    Map<String, Inputs> byElement = new HashMap<>();
    for (BpmnModelInstance model : models) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (processOf(task) == process) {
            put(byElement, process.getId(), task.getId(), task.getCamundaFormRef(), forms);
          }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
          if (start.getParentElement() == process) {
            put(byElement, process.getId(), start.getId(), start.getCamundaFormRef(), forms);
            if (start.getCamundaFormRef() != null) {
              byElement.put(
                  process.getId() + START, byElement.get(process.getId() + "/" + start.getId()));
            }
          }
        }
      }
    }
    return new DeclaredInputs(byElement);
  }

  private static Process processOf(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static void put(
      Map<String, Inputs> byElement,
      String processKey,
      String elementId,
      String formRef,
      Map<String, Map<String, Field>> forms) {
    Map<String, Field> fields = formRef == null ? Map.of() : forms.get(formRef);
    if (fields == null) {
      throw new IllegalStateException(
          processKey + "/" + elementId + " refers to form '" + formRef + "', which is not there");
    }
    byElement.put(processKey + "/" + elementId, new Inputs(formRef, Map.copyOf(fields)));
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
        String type = component.path("type").asText();
        int maxLength = component.path("validate").path("maxLength").asInt(DEFAULT_TEXT_LIMIT);
        fields.put(
            component.get("key").asText(),
            new Field(component.get("key").asText(), type, maxLength));
      }
      collect(component.path("components"), fields);
    }
  }

  /**
   * The inputs of a user task or start event, by process key and element id; empty for an element
   * that has no form (and so accepts nothing from a person).
   */
  public Optional<Inputs> of(String processKey, String elementId) {
    return Optional.ofNullable(byElement.get(processKey + "/" + elementId));
  }

  /**
   * The inputs of the start form of a process, by its key; empty for a process that people do not
   * start by hand.
   */
  public Optional<Inputs> start(String processKey) {
    return Optional.ofNullable(byElement.get(processKey + START));
  }

  /** Every element with declared inputs, keyed "processKey/elementId": for docs and tests. */
  public Map<String, Inputs> all() {
    Map<String, Inputs> elements = new HashMap<>(byElement);
    elements.keySet().removeIf(key -> key.endsWith(START));
    return elements;
  }
}
