package london.cofund.system.process;

import java.util.ArrayList;
import london.cofund.system.Causes;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a refusal reach the caller as the 400 it is.
 *
 * <p>The engine wraps whatever a task listener throws in a plain {@code ProcessEngineException}
 * (ENGINE-03051), which engine-rest and Tasklist answer with a 500. This interceptor sits outside
 * the engine's transaction: once a command has failed and rolled back, if a {@link RefusedInput} is
 * among the causes it throws that instead (as a {@link RefusedTaskInput} from a task completion or
 * form submission, whose REST resources only answer 400 for form validation), so every channel (the
 * Java API, engine-rest, Tasklist) sees a 400 naming the field. Any other failure passes untouched.
 */
@Component
class RefusalUnwrappingPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalUnwrappingPlugin.class);

  RefusalUnwrappingPlugin() {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.addTurboFilter(new RefusalLogFilter());
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Unwrapping());
  }

  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        RefusedInput refused = refusalIn(e);
        if (refused == null) {
          throw e;
        }
        LOG.info("Refused: {}", refused.getMessage());
        throw submitsVariables(command) ? new RefusedTaskInput(refused) : refused;
      }
    }
  }

  /** Commands whose REST resources answer 400 only for a form-field validation error. */
  static boolean submitsVariables(Command<?> command) {
    return command instanceof CompleteTaskCmd
        || command instanceof SubmitTaskFormCmd
        || command instanceof SubmitStartFormCmd;
  }

  static RefusedInput refusalIn(Throwable failure) {
    return Causes.first(failure, RefusedInput.class);
  }
}
