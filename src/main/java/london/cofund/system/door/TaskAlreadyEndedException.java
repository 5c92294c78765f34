package london.cofund.system.door;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task that someone has just completed, or that its process has moved past: a 409. */
public class TaskAlreadyEndedException extends ProcessEngineException {

  TaskAlreadyEndedException(String message) {
    super(message);
  }
}
