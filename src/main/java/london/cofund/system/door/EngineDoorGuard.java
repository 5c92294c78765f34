package london.cofund.system.door;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import london.cofund.identity.Roles;
import london.cofund.system.process.RefusedInput;
import london.cofund.system.process.UserTaskListeners;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * One set of rules for every door into the engine: engine-rest, Tasklist and Cockpit all reach the
 * engine as commands run on behalf of a signed-in user, and this interceptor checks each such
 * command before it runs, inside its transaction. The application's own calls (the {@code /api}
 * services, delegates, the job executor) run without a user and pass untouched.
 *
 * <ul>
 *   <li><b>A task accepts only what it declares</b> ({@link DeclaredInputs}): a completion or form
 *       submission with any other variable is a 400 naming it; text over its field's limit is a
 *       400; text is stored as {@link UserText}, never as a string variable.
 *   <li><b>The actor is the signed-in user</b>: one claims only for oneself and unclaims only one's
 *       own claim; a claimed task is completed only by its assignee; MOPAC and administrators may
 *       reassign (Camunda's user operation log records each reassignment).
 *   <li><b>The process's own signals are not users' to send</b>: BPMN errors, escalations,
 *       delegation, resolution, variables set from outside, messages, signals, modification and
 *       deployments are for administrators only, and every user gets the same 403 whether or not a
 *       message would have matched.
 *   <li><b>Starting by hand</b> is for processes with a start form, with its fields only.
 * </ul>
 *
 * <p>Camunda's commands keep their arguments in protected fields with no getters; they are read by
 * name here. {@link #fieldOf} fails at startup if a Camunda upgrade renames one, so the guard can
 * never silently stop checking.
 */
@Component
public class EngineDoorGuard extends AbstractProcessEnginePlugin {

  /** Commands that only administrators may run through a door: the process's own signals. */
  static final Set<String> ADMIN_ONLY =
      Set.of(
          "HandleTaskBpmnErrorCmd",
          "HandleTaskEscalationCmd",
          "DelegateTaskCmd",
          "ResolveTaskCmd",
          "SetTaskVariablesCmd",
          "PatchTaskVariablesCmd",
          "RemoveTaskVariablesCmd",
          "SetExecutionVariablesCmd",
          "PatchExecutionVariablesCmd",
          "RemoveExecutionVariablesCmd",
          "SetVariablesToProcessInstancesBatchCmd",
          "CorrelateMessageCmd",
          "CorrelateAllMessageCmd",
          "CorrelateAllMessageBatchCmd",
          "MessageEventReceivedCmd",
          "SignalEventReceivedCmd",
          "SignalCmd",
          "StartProcessInstanceAtActivitiesCmd",
          "ModifyProcessInstanceCmd",
          "ModifyProcessInstanceAsyncCmd",
          "ProcessInstanceModificationBatchCmd",
          "RestartProcessInstancesCmd",
          "DeleteProcessInstanceCmd",
          "DeleteProcessInstancesCmd",
          "DeleteProcessInstanceBatchCmd",
          "SetProcessDefinitionVersionCmd",
          "AddUserIdentityLinkCmd",
          "AddGroupIdentityLinkCmd",
          "DeleteUserIdentityLinkCmd",
          "DeleteGroupIdentityLinkCmd",
          "CreateTaskCmd",
          "SaveTaskCmd",
          "DeleteTaskCmd",
          "SetTaskNameCmd",
          "SetTaskDescriptionCmd",
          "SetTaskPriorityCmd",
          "DeployCmd",
          "DeleteDeploymentCmd");

  /** A BPMN error or escalation sent to a task from outside. */
  static final Set<String> SIGNALS_FROM_A_TASK =
      Set.of("HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd");

  /** Commands that MOPAC may also run: reassigning work and moving its dates. */
  static final Set<String> MOPAC_OR_ADMIN = Set.of("SetTaskOwnerCmd", "SetTaskDueDateCmd");

  private static final Field COMPLETE_TASK_ID = fieldOf(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = fieldOf(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = fieldOf(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = fieldOf(SubmitTaskFormCmd.class, "properties");
  private static final Field CLAIM_TASK_ID = fieldOf(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER_ID = fieldOf(ClaimTaskCmd.class, "userId");
  private static final Field PROPERTY_TASK_ID = fieldOf(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field PROPERTY_VALUE = fieldOf(AbstractSetTaskPropertyCmd.class, "value");
  private static final Field START_BUILDER =
      fieldOf(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_FORM_DEFINITION =
      fieldOf(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_FORM_VARIABLES = fieldOf(SubmitStartFormCmd.class, "variables");

  /** Set while a checked command runs, so the commands it runs in turn pass unchecked. */
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  /**
   * The models' declared inputs. Reading them parses every model and form (about a second), so it
   * runs beside the rest of the start on another thread, and the engine's start waits for it before
   * it is done ({@link #postProcessEngineBuild}): a model that cannot be read still stops the
   * start.
   */
  private final CompletableFuture<DeclaredInputs> inputs;

  public EngineDoorGuard() {
    // A thread of its own that sees the application's classes as this one does (in the packaged
    // jar, only this thread's context class loader finds processes/).
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    this.inputs =
        CompletableFuture.supplyAsync(
            DeclaredInputs::fromClasspath,
            reading -> {
              Thread thread = new Thread(reading, "cofund-declared-inputs");
              thread.setContextClassLoader(application);
              thread.setDaemon(true);
              thread.start();
            });
  }

  EngineDoorGuard(DeclaredInputs inputs) {
    this.inputs = CompletableFuture.completedFuture(inputs);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    inputs.join();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new java.util.ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Guard());
    UserTaskListeners.onEveryUserTask(
        configuration,
        (definition, key) -> {
          definition.addTaskListener(
              TaskListener.EVENTNAME_ASSIGNMENT, FormerAssigneeGrants::revoke);
          definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, FormerAssigneeGrants::revoke);
        });
  }

  /** The interceptor: checks the outermost command that a signed-in user runs. */
  final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (INSIDE.get()) {
        return next.execute(command);
      }
      INSIDE.set(true);
      try {
        Authentication caller =
            Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
          return next.execute(command);
        }
        check(command, new Caller(caller), Context.getCommandContext());
        try {
          return next.execute(command);
        } catch (BadUserRequestException e) {
          throw e;
        } catch (RuntimeException e) {
          // A completion that lost a race: the loser's permission check can find the winner's
          // task grants already gone (an AuthorizationException), or the engine can find the
          // process instance already ended by a timer that fired at the same moment (a
          // NullPointerException inside the engine). Either is someone else having done it.
          String taskId = completedTaskId(command);
          if (taskId != null) {
            endedTask(Context.getCommandContext(), taskId);
          }
          if (e instanceof ProcessEngineException
              && !(e instanceof AuthorizationException)
              && SIGNALS_FROM_A_TASK.contains(command.getClass().getSimpleName())) {
            // An administrator's BPMN error or escalation that no boundary event catches: the
            // engine refuses it (enable-exceptions-after-unhandled-bpmn-error), and the caller
            // sent something this step cannot take: a 400, not a 500.
            throw new BadUserRequestException(e.getMessage(), e);
          }
          throw e;
        }
      } finally {
        INSIDE.set(false);
      }
    }
  }

  /** The signed-in user behind a command. */
  record Caller(String userId, List<String> groups) {
    Caller(Authentication authentication) {
      this(
          authentication.getUserId(),
          authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    boolean isAdmin() {
      return groups.contains(Roles.ADMIN);
    }

    boolean mayReassign() {
      return isAdmin() || groups.contains(Roles.MOPAC);
    }
  }

  void check(Command<?> command, Caller caller, CommandContext context) {
    String name = command.getClass().getSimpleName();
    if (ADMIN_ONLY.contains(name)) {
      if (!caller.isAdmin()) {
        throw refused(caller, what(name));
      }
      return;
    }
    if (MOPAC_OR_ADMIN.contains(name)) {
      if (!caller.mayReassign()) {
        throw refused(caller, what(name));
      }
      return;
    }
    if (command instanceof CompleteTaskCmd) {
      completing(
          caller,
          context,
          (String) read(COMPLETE_TASK_ID, command),
          variables(COMPLETE_VARIABLES, command));
    } else if (command instanceof SubmitTaskFormCmd) {
      completing(
          caller,
          context,
          (String) read(SUBMIT_TASK_ID, command),
          variables(SUBMIT_VARIABLES, command));
    } else if (command instanceof ClaimTaskCmd) {
      claiming(
          caller,
          context,
          (String) read(CLAIM_TASK_ID, command),
          (String) read(CLAIM_USER_ID, command));
    } else if (command instanceof AssignTaskCmd) {
      assigning(
          caller,
          context,
          (String) read(PROPERTY_TASK_ID, command),
          (String) read(PROPERTY_VALUE, command));
    } else if (command instanceof SetTaskFollowUpDateCmd) {
      // A follow-up date is the user's own reminder: harmless, and Tasklist offers it to all.
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder =
          (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
      String key = builder.getProcessDefinitionKey();
      if (key == null) {
        key = definition(context, builder.getProcessDefinitionId()).getKey();
      }
      starting(caller, key, builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = (String) read(START_FORM_DEFINITION, command);
      starting(
          caller,
          definition(context, definitionId).getKey(),
          variables(START_FORM_VARIABLES, command));
    }
  }

  private void completing(
      Caller caller, CommandContext context, String taskId, Map<String, Object> variables) {
    TaskEntity task = task(context, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
      throw refused(
          caller,
          "complete task "
              + task.getTaskDefinitionKey()
              + ", which "
              + task.getAssignee()
              + " has claimed: only its assignee may complete it (MOPAC can reassign it)");
    }
    if (task.getAssignee() == null && !caller.isAdmin() && !offeredTo(task, caller)) {
      // The links may have just gone with a completion that committed a moment ago.
      endedTask(context, taskId);
      throw refused(
          caller,
          "complete task " + task.getTaskDefinitionKey() + ", which is not offered to them");
    }
    String processKey = processKey(context, task);
    DeclaredInputs.Inputs declared =
        inputs
            .join()
            .of(processKey, task.getTaskDefinitionKey())
            .orElse(new DeclaredInputs.Inputs(null, Map.of()));
    accept(task.getTaskDefinitionKey(), declared, variables);
  }

  private void starting(Caller caller, String processKey, Map<String, Object> variables) {
    DeclaredInputs.Inputs declared =
        inputs
            .join()
            .start(processKey)
            .orElseThrow(
                () ->
                    refused(
                        caller,
                        "start process "
                            + processKey
                            + " by hand: CoFund starts it itself (see docs/api.md)"));
    accept(processKey + " start form", declared, variables);
  }

  /**
   * Checks each submitted variable against the declared fields, and turns text into {@link
   * UserText}. The map is the command's own, so the command stores what was checked.
   */
  private static void accept(
      String where, DeclaredInputs.Inputs declared, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    for (String name : new TreeSet<>(variables.keySet())) {
      DeclaredInputs.Field field = declared.fields().get(name);
      if (field == null) {
        throw new RefusedInput(
            name,
            "is not a field of "
                + where
                + "; it accepts only "
                + (declared.fields().isEmpty()
                    ? "nothing"
                    : String.join(", ", new TreeSet<>(declared.fields().keySet()))));
      }
      String text = text(variables.get(name));
      if (text != null) {
        if (UserText.length(text) > field.maxLength()) {
          throw new RefusedInput(name, "is longer than " + field.maxLength() + " characters");
        }
        try {
          variables.put(name, UserText.of(text));
        } catch (UnsupportedOperationException immutable) {
          // Only the Java API takes an immutable map, and no door does: the text stays a string.
        }
      }
    }
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof StringValue typed) {
      return typed.getValue();
    }
    return null;
  }

  private void claiming(Caller caller, CommandContext context, String taskId, String userId) {
    TaskEntity task = task(context, taskId);
    if (userId != null && task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      // engine-rest answers Camunda's TaskAlreadyClaimedException with a 500.
      throw new BadUserRequestException(
          "Task "
              + task.getTaskDefinitionKey()
              + " is already claimed by "
              + task.getAssignee()
              + "; they can unclaim it, or MOPAC can reassign it.");
    }
    if (userId == null) {
      unclaiming(caller, task);
    } else if (userId.equals(caller.userId())
        && !caller.isAdmin()
        && !caller.userId().equals(task.getAssignee())
        && !offeredTo(task, caller)) {
      endedTask(context, taskId);
      throw refused(
          caller, "claim task " + task.getTaskDefinitionKey() + ", which is not offered to them");
    } else if (!userId.equals(caller.userId()) && !caller.mayReassign()) {
      throw refused(
          caller,
          "claim task "
              + task.getTaskDefinitionKey()
              + " for "
              + userId
              + ": one claims only for oneself");
    }
  }

  private void assigning(Caller caller, CommandContext context, String taskId, String userId) {
    TaskEntity task = task(context, taskId);
    if (caller.mayReassign()) {
      return;
    }
    if (userId == null) {
      unclaiming(caller, task);
    } else if (!userId.equals(caller.userId()) || task.getAssignee() != null) {
      throw refused(
          caller,
          "assign task "
              + task.getTaskDefinitionKey()
              + " to "
              + userId
              + ": only MOPAC and administrators reassign work");
    }
  }

  /**
   * Whether the task is offered to the caller: a candidate user or group link fixed by the model.
   * Camunda's own check is not enough here, because the engine grants a task to each user it is
   * ever assigned to and never takes the grant back when the task is reassigned.
   */
  private static boolean offeredTo(TaskEntity task, Caller caller) {
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(
            link ->
                caller.userId().equals(link.getUserId())
                    || (link.getGroupId() != null && caller.groups().contains(link.getGroupId())));
  }

  private static void unclaiming(Caller caller, TaskEntity task) {
    if (task.getAssignee() != null
        && !task.getAssignee().equals(caller.userId())
        && !caller.mayReassign()) {
      throw refused(
          caller,
          "remove "
              + task.getAssignee()
              + "'s claim on task "
              + task.getTaskDefinitionKey()
              + ": one unclaims only one's own claim");
    }
  }

  /** The task a completion or form submission names, or null for any other command. */
  private static String completedTaskId(Command<?> command) {
    if (command instanceof CompleteTaskCmd) {
      return (String) read(COMPLETE_TASK_ID, command);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return (String) read(SUBMIT_TASK_ID, command);
    }
    return null;
  }

  /** Throws {@link TaskAlreadyEndedException} if the task's history says it has ended. */
  private static void endedTask(CommandContext context, String taskId) {
    var ended = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
    if (ended != null && ended.getEndTime() != null) {
      throw new TaskAlreadyEndedException(
          "Task "
              + ended.getTaskDefinitionKey()
              + " has already ended ("
              + (ended.getDeleteReason() == null ? "done" : ended.getDeleteReason())
              + "): someone else has just done it, or its deadline has passed.");
    }
  }

  private static TaskEntity task(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null && taskId != null) {
      endedTask(context, taskId);
    }
    if (task == null) {
      throw new NotFoundException(
          "There is no open task with id '"
              + taskId
              + "': it may have just been completed by someone else.");
    }
    return task;
  }

  private static String processKey(CommandContext context, TaskEntity task) {
    return task.getProcessDefinitionId() == null
        ? ""
        : definition(context, task.getProcessDefinitionId()).getKey();
  }

  private static ProcessDefinitionEntity definition(CommandContext context, String definitionId) {
    return context
        .getProcessEngineConfiguration()
        .getDeploymentCache()
        .findDeployedProcessDefinitionById(definitionId);
  }

  private static String what(String command) {
    return switch (command) {
      case "HandleTaskBpmnErrorCmd" -> "throw a BPMN error on a task";
      case "HandleTaskEscalationCmd" -> "raise an escalation on a task";
      case "DelegateTaskCmd" -> "delegate a task";
      case "ResolveTaskCmd" -> "resolve a delegated task";
      case "CorrelateMessageCmd",
          "CorrelateAllMessageCmd",
          "CorrelateAllMessageBatchCmd",
          "MessageEventReceivedCmd" ->
          "send a message to a process (messages are CoFund's own; use /api)";
      case "SignalEventReceivedCmd", "SignalCmd" -> "send a signal to a process";
      case "DeployCmd", "DeleteDeploymentCmd" -> "deploy or remove models";
      case "SetTaskOwnerCmd" -> "change a task's owner";
      case "SetTaskDueDateCmd" -> "change a task's due date";
      default ->
          command.contains("Variables")
              ? "set or remove variables from outside a task's form"
              : "change the process or its tasks this way (" + command + ")";
    };
  }

  private static AuthorizationException refused(Caller caller, String what) {
    return new AuthorizationException(caller.userId() + " may not " + what + ".");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Field field, Object command) {
    return (Map<String, Object>) read(field, command);
  }

  private static Object read(Field field, Object command) {
    return ReflectionUtils.getField(field, command);
  }

  static Field fieldOf(Class<?> type, String name) {
    Field field = ReflectionUtils.findField(type, name);
    if (field == null) {
      throw new IllegalStateException(
          type.getName()
              + " has no field '"
              + name
              + "': CoFund's doors (system.door) rely on it; was Camunda or MyBatis upgraded?");
    }
    ReflectionUtils.makeAccessible(field);
    return field;
  }
}
