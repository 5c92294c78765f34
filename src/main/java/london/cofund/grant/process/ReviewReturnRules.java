package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.GrantService;
import london.cofund.grant.MonitoringReturn;
import london.cofund.grant.Pence;
import london.cofund.grant.Quarter;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ReviewReturn}: {@code returnReview} (APPROVE or CHANGES) and, when asking
 * for changes, {@code returnReviewReasons}. The outcome goes to the owned {@code returnOutcome},
 * which the model reads.
 */
@Component
class ReviewReturnRules extends TaskRulesFor {

  private final GrantService grants;
  private final GrantTaskSupport support;

  ReviewReturnRules(GrantService grants, GrantTaskSupport support) {
    super(KEY, TASK_REVIEW_RETURN);
    this.grants = grants;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    Quarter quarter = quarter(task);
    MonitoringReturn submitted = grants.returnOf(support.reference(task), quarter).orElse(null);
    StringBuilder intro =
        new StringBuilder("Review the monitoring return for **").append(quarter).append("**.");
    if (submitted != null) {
      intro.append(" Spend: ").append(Pence.format(submitted.spendPence())).append(".\n\n");
      intro.append("Outputs: ").append(submitted.body().outputs()).append("\n\n");
      intro.append("Outcomes: ").append(submitted.body().outcomes()).append("\n\n");
      intro.append("Narrative: ").append(submitted.body().narrative());
    }
    support.brief(task, intro.toString());
  }

  @Override
  public void onComplete(DelegateTask task) {
    String review = ProcessVariables.requiredString(task, VAR_RETURN_REVIEW, 20);
    if (!review.equals("APPROVE") && !review.equals("CHANGES")) {
      throw ProcessVariables.invalid(VAR_RETURN_REVIEW, "must be APPROVE or CHANGES");
    }
    boolean approved = review.equals("APPROVE");
    grants.reviewReturn(
        support.reference(task),
        quarter(task),
        approved,
        ProcessVariables.optionalString(task, VAR_RETURN_REVIEW_REASONS, 4000),
        TaskActors.actorOrSystem(task));
    RETURN_OUTCOME.set(task.getExecution(), approved ? "APPROVED" : "CHANGES");
  }

  private static Quarter quarter(DelegateTask task) {
    return Quarter.parse(QUARTER.require(task)).orElseThrow();
  }
}
