package london.cofund.system.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A {@link RefusedInput} raised while completing a task or submitting a form. engine-rest's
 * complete and submit-form (Tasklist's path) answer 400 only for a form-field validation error and
 * 500 for any other engine exception, so a refusal there takes this form: a 400 whose message names
 * the field.
 */
public class RefusedTaskInput extends FormFieldValidationException {

  RefusedTaskInput(RefusedInput refusal) {
    super(refusal.field(), refusal.getMessage(), refusal);
  }

  /** The refusal itself, with the field and the domain's reasons. */
  public RefusedInput refusal() {
    return (RefusedInput) getCause();
  }
}
