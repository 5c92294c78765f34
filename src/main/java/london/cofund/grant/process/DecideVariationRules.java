package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import london.cofund.grant.GrantService;
import london.cofund.grant.Variation;
import london.cofund.system.ConflictException;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_DecideVariation}: {@code variationDecision} (APPROVE or DECLINE) on the
 * grant's one pending variation, with {@code variationDecisionReason} when declining. An approved
 * money change is checked against the fund again and refused with the figures. The variation's id
 * is kept as {@code variationId} in the task's own scope, which its output mapping hands to the
 * variation's event subprocess, so that {@code SendTask_VariationDecided} tells the lead of this
 * variation even if another is asked for and decided before an SMTP outage ends.
 */
@Component
class DecideVariationRules extends TaskRulesFor {

  private final GrantService grants;
  private final GrantTaskSupport support;

  DecideVariationRules(GrantService grants, GrantTaskSupport support) {
    super(KEY, TASK_DECIDE_VARIATION);
    this.grants = grants;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    Variation variation = pending(task);
    support.brief(
        task,
        "The lead asks for a variation ("
            + variation.kind()
            + "): "
            + variation.reason()
            + "\n\nBefore: `"
            + variation.before()
            + "`\n\nAfter: `"
            + variation.after()
            + "` (money in pence)");
  }

  @Override
  public void onComplete(DelegateTask task) {
    String decision = ProcessVariables.requiredString(task, VAR_VARIATION_DECISION, 20);
    if (!decision.equals("APPROVE") && !decision.equals("DECLINE")) {
      throw ProcessVariables.invalid(VAR_VARIATION_DECISION, "must be APPROVE or DECLINE");
    }
    long id = pending(task).id();
    grants.decideVariation(
        support.reference(task),
        id,
        decision.equals("APPROVE"),
        ProcessVariables.optionalString(task, VAR_VARIATION_DECISION_REASON, 4000),
        TaskActors.actorOrSystem(task));
    task.getExecution().setVariableLocal(VARIATION_ID.name(), id);
  }

  private Variation pending(DelegateTask task) {
    return grants
        .pendingVariation(support.reference(task))
        .orElseThrow(() -> new ConflictException("No variation of this grant awaits a decision."));
  }
}
