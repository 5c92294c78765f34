package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import london.cofund.grant.GrantService;
import london.cofund.grant.ReturnForm;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_SubmitReturn}: {@code monitoringReturn}, the return as JSON ({@link
 * ReturnForm}), for this task's quarter only; it is checked and stored as {@code POST
 * /api/grants/{reference}/returns} would.
 */
@Component
class SubmitReturnRules extends TaskRulesFor {

  private final GrantService grants;
  private final GrantTaskSupport support;
  private final ObjectMapper json;

  SubmitReturnRules(GrantService grants, GrantTaskSupport support, ObjectMapper json) {
    super(KEY, TASK_SUBMIT_RETURN);
    this.grants = grants;
    this.support = support;
    this.json = json;
  }

  @Override
  public void onCreate(DelegateTask task) {
    String quarter = QUARTER.require(task);
    String reasons =
        london.cofund.grant.Quarter.parse(quarter)
            .flatMap(q -> grants.returnOf(support.reference(task), q))
            .map(r -> r.reviewReasons())
            .filter(r -> r != null)
            .map(r -> "\n\nMOPAC asked for changes: " + r)
            .orElse("");
    support.brief(
        task,
        "Submit the monitoring return for **"
            + quarter
            + "**: spend by budget line (whole pence), outputs and outcomes against the full"
            + " proposal, people reached by borough, risks and a narrative. The quarter's payment"
            + " follows MOPAC's approval."
            + reasons);
  }

  @Override
  public void onComplete(DelegateTask task) {
    String text = ProcessVariables.requiredString(task, VAR_MONITORING_RETURN, 30_000);
    ReturnForm form;
    try {
      form = json.readValue(text, ReturnForm.class);
    } catch (JsonProcessingException e) {
      throw ProcessVariables.invalid(VAR_MONITORING_RETURN, "is not a return in JSON");
    }
    String quarter = QUARTER.require(task);
    if (form.quarter() == null || !quarter.equals(form.quarter().trim())) {
      throw ProcessVariables.invalid(
          VAR_MONITORING_RETURN,
          "reports on " + form.quarter() + ", but this task is for " + quarter);
    }
    grants.submitReturn(support.reference(task), form, TaskActors.actorOrSystem(task));
  }
}
