package london.cofund.system.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link UserTaskRules} beans to the user tasks they name, as the engine parses each
 * model.
 *
 * <p>Why not {@code camunda:taskListener} in the BPMN: the engine wraps whatever a declared listener
 * throws in a plain {@code ProcessEngineException}, which engine-rest answers with a 500. A listener
 * attached here is called directly, so a refused completion reaches the caller as the
 * {@code BadUserRequestException} it is: a 400 naming the field. The rules are found by task key at
 * call time, so a model deployed before a bean existed still gets them.
 */
@Component
class UserTaskRulesPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<UserTaskRules> rules;
  private volatile Map<String, List<UserTaskRules>> byKey;

  UserTaskRulesPlugin(ObjectProvider<UserTaskRules> rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          TaskDefinition definition = behavior.getTaskDefinition();
          String key = ((org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) activity.getProcessDefinition()).getKey()
              + "/" + activity.getId();
          definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> each(key).forEach(r -> Refusals.refusing(() -> r.onCreate(task))));
          definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, task -> each(key).forEach(r -> Refusals.refusing(() -> r.onAssignment(task))));
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> each(key).forEach(r -> Refusals.refusing(() -> r.onComplete(task))));
        }
      }
    });
  }

  private List<UserTaskRules> each(String processAndTaskKey) {
    return rulesByKey().getOrDefault(processAndTaskKey, List.of());
  }

  private Map<String, List<UserTaskRules>> rulesByKey() {
    Map<String, List<UserTaskRules>> map = byKey;
    if (map == null) {
      Map<String, List<UserTaskRules>> built = new HashMap<>();
      rules.orderedStream().forEach(r -> r.taskKeys().forEach(key ->
          built.computeIfAbsent(r.processKey() + "/" + key, k -> new java.util.ArrayList<>()).add(r)));
      byKey = map = Map.copyOf(built);
    }
    return map;
  }

}
