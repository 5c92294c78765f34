package london.cofund.system.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches task listeners to every user task of every model as the engine parses it. A listener
 * attached this way is called directly, not wrapped like a {@code camunda:taskListener} of the
 * model, so a refusal it throws reaches the caller as the 400 it is.
 */
public final class UserTaskListeners {

  /** What to attach to one user task, given its "processKey/taskKey". */
  @FunctionalInterface
  public interface Attach {
    void to(TaskDefinition task, String processAndTaskKey);
  }

  private UserTaskListeners() {}

  /** Calls {@code attach} for each user task the engine parses from now on. */
  public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Attach attach) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                  String key =
                      ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey()
                          + "/"
                          + activity.getId();
                  attach.to(behavior.getTaskDefinition(), key);
                }
              }
            });
  }
}
