package london.cofund.notification.process;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import london.cofund.system.process.UserTaskListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a group's members when a task is offered to their group: on the creation of every user task
 * with candidate groups, it starts a {@code taskOffered} process in the same transaction, so the
 * mail is announced if and only if the task exists, and is sent from a job of its own.
 *
 * <p>A task that its own model already announces is left alone: a send task whose {@code
 * mailTaskKey} names it (the boroughs' core-partner sign-offs, the assessments) says more than a
 * generic message could.
 */
@Component
class OfferedTasks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(OfferedTasks.class);

  /** Per process definition: the user tasks that a send task of the model announces. */
  private final Map<String, Set<String>> announcedByModel = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onEveryUserTask(
        configuration,
        (definition, key) ->
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, this::offer));
  }

  private void offer(DelegateTask task) {
    boolean offeredToAGroup =
        task.getCandidates().stream()
            .anyMatch(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
    if (!offeredToAGroup || announcedByModel(task).contains(task.getTaskDefinitionKey())) {
      return;
    }
    // CoFund's own step, whoever's action created the task: no user holds CREATE_INSTANCE on it.
    Context.getCommandContext()
        .runWithoutAuthorization(
            () ->
                task.getProcessEngineServices()
                    .getRuntimeService()
                    .createProcessInstanceByKey(TaskOfferedProcess.KEY)
                    .businessKey(task.getId())
                    .setVariable(TaskOfferedProcess.OFFERED_TASK_ID.name(), task.getId())
                    .execute());
    LOG.debug(
        "Task {} ({}) offered to {}: its members will be told",
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getCandidates().stream().map(IdentityLink::getGroupId).toList());
  }

  private Set<String> announcedByModel(DelegateTask task) {
    return announcedByModel.computeIfAbsent(
        task.getProcessDefinitionId(),
        id ->
            announcedTasks(
                task.getProcessEngineServices().getRepositoryService().getBpmnModelInstance(id)));
  }

  /** The user tasks that a send task of the model links to ({@code mailTaskKey}). */
  static Set<String> announcedTasks(BpmnModelInstance model) {
    return model.getModelElementsByType(SendTask.class).stream()
        .filter(send -> send.getExtensionElements() != null)
        .flatMap(
            send ->
                send
                    .getExtensionElements()
                    .getElementsQuery()
                    .filterByType(CamundaInputOutput.class)
                    .list()
                    .stream())
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(parameter -> MailVariables.MAIL_TASK_KEY.equals(parameter.getCamundaName()))
        .map(CamundaInputParameter::getTextContent)
        .map(String::trim)
        .collect(Collectors.toUnmodifiableSet());
  }
}
