package london.cofund.system.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A user's input that a task rule or a start step refuses, naming the variable. A {@link
 * BadUserRequestException}, so engine-rest and the webapps answer 400 with the message; and
 * recognisably CoFund's, so {@link RefusalUnwrappingPlugin} can lift it out of the engine's
 * wrapping.
 */
public class RefusedInput extends BadUserRequestException {

  private final String field;

  public RefusedInput(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  RefusedInput(String message, Throwable cause) {
    super(message, cause);
    this.field = null;
  }

  /** The variable or field refused, when a single one is. */
  public String field() {
    return field;
  }
}
