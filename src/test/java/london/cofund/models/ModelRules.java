package london.cofund.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules every model in {@code processes/} keeps, checked with the Camunda BPMN Model API. Each
 * violation names the file, the element and the rule.
 */
final class ModelRules {

  /** Prefix_Name, for example Task_CheckEligibility; a modeler-generated id has a random suffix. */
  static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");

  static final Pattern GENERATED_ID = Pattern.compile("(.*_[0-9a-z]{7}|.*_\\d+|sid-.*|id_.*|_.*)");
  static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[.}]");

  private ModelRules() {}

  static List<String> check(
      String file,
      BpmnModelInstance model,
      Predicate<String> beanExists,
      Set<String> sentByCode,
      Set<String> formIds) {
    List<String> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null
          || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        violations.add(
            file + ": process " + process.getId() + ": has no camunda:historyTimeToLive");
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id == null
          || element instanceof Process
          || element.getElementType().getTypeName().equals("definitions")) {
        continue;
      }
      if (GENERATED_ID.matcher(id).matches() || !MEANINGFUL_ID.matcher(id).matches()) {
        violations.add(
            file
                + ": "
                + id
                + ": id is not meaningful (use Prefix_Meaning, such as Task_CheckEligibility)");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (blank(task.getCamundaCandidateGroups())
          && blank(task.getCamundaAssignee())
          && blank(task.getCamundaCandidateUsers())) {
        violations.add(
            file + ": " + task.getId() + ": user task has no candidate group or assignee");
      }
      String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      if (blank(formRef) && blank(task.getCamundaFormKey())) {
        violations.add(file + ": " + task.getId() + ": user task has no form");
      } else if (!blank(formRef) && !formIds.contains(formRef)) {
        violations.add(
            file + ": " + task.getId() + ": form '" + formRef + "' is not in processes/");
      }
    }
    for (ModelElementInstance element : model.getModelElementsByType(FlowElement.class)) {
      String delegate =
          element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
      checkBean(file, ((BaseElement) element).getId(), delegate, beanExists, violations);
    }
    for (CamundaExecutionListener listener :
        model.getModelElementsByType(CamundaExecutionListener.class)) {
      String owner = ((BaseElement) listener.getParentElement().getParentElement()).getId();
      checkBean(file, owner, listener.getCamundaDelegateExpression(), beanExists, violations);
      checkBean(file, owner, listener.getCamundaExpression(), beanExists, violations);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      String owner = ((BaseElement) listener.getParentElement().getParentElement()).getId();
      checkBean(file, owner, listener.getCamundaDelegateExpression(), beanExists, violations);
      checkBean(file, owner, listener.getCamundaExpression(), beanExists, violations);
    }
    Set<String> thrownByModel = new java.util.HashSet<>();
    for (ThrowEvent event : model.getModelElementsByType(ThrowEvent.class)) {
      event.getEventDefinitions().stream()
          .filter(MessageEventDefinition.class::isInstance)
          .map(d -> ((MessageEventDefinition) d).getMessage())
          .filter(m -> m != null)
          .forEach(m -> thrownByModel.add(m.getName()));
    }
    for (CatchEvent event : model.getModelElementsByType(CatchEvent.class)) {
      for (var definition : event.getEventDefinitions()) {
        if (definition instanceof MessageEventDefinition messageDefinition) {
          caught(
              file,
              event.getId(),
              messageDefinition.getMessage(),
              thrownByModel,
              sentByCode,
              violations);
        }
      }
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      caught(file, task.getId(), task.getMessage(), thrownByModel, sentByCode, violations);
    }
    return violations;
  }

  private static void caught(
      String file,
      String id,
      Message message,
      Set<String> thrownByModel,
      Set<String> sentByCode,
      List<String> violations) {
    if (message == null || blank(message.getName())) {
      violations.add(file + ": " + id + ": catches a message without a name");
    } else if (!thrownByModel.contains(message.getName())
        && !sentByCode.contains(message.getName())) {
      violations.add(
          file
              + ": "
              + id
              + ": message '"
              + message.getName()
              + "' is caught but never sent by code or model");
    }
  }

  private static void checkBean(
      String file,
      String id,
      String expression,
      Predicate<String> beanExists,
      List<String> violations) {
    if (blank(expression)) {
      return;
    }
    Matcher matcher = BEAN.matcher(expression.trim());
    if (matcher.find()
        && !beanExists.test(matcher.group(1))
        && !matcher.group(1).equals("execution")
        && !matcher.group(1).equals("task")) {
      violations.add(
          file
              + ": "
              + id
              + ": expression "
              + expression
              + " names no Spring bean '"
              + matcher.group(1)
              + "'");
    }
  }

  /**
   * The message names that main code sends: the first argument of {@code createMessageCorrelation(}
   * or {@code correlateMessage(}, a string literal or a constant whose value is found in the
   * sources.
   */
  static Set<String> messagesSentByCode(Collection<String> javaSources) {
    java.util.Map<String, String> constants = new java.util.HashMap<>();
    Pattern constant = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]*)\"");
    for (String source : javaSources) {
      Matcher m = constant.matcher(source);
      while (m.find()) {
        constants.put(m.group(1), m.group(2));
      }
    }
    Set<String> sent = new java.util.HashSet<>();
    Pattern call =
        Pattern.compile(
            "(?:createMessageCorrelation|correlateMessage)\\(\\s*(\"([^\"]*)\"|(\\w+))");
    for (String source : javaSources) {
      Matcher m = call.matcher(source);
      while (m.find()) {
        sent.add(
            m.group(2) != null ? m.group(2) : constants.getOrDefault(m.group(3), "?" + m.group(3)));
      }
    }
    return sent;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
