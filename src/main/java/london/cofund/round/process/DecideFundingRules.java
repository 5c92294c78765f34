package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_DecideFunding}: {@code fundedReferences} and {@code deferredReferences}
 * (lists) within the hard limits, and {@code decisionRationale}, required where the decision
 * departs from the recommendation.
 */
@Component
class DecideFundingRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  DecideFundingRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_DECIDE_FUNDING);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    var round = rounds.get(TaskIdentity.businessKey(task));
    task.setVariableLocal(VAR_TASK_BRIEF, UserText.of(briefs.decision(round)));
    if (round.recommendedPortfolio() != null) {
      // The recommendation as the form's starting point (confirming it needs no rationale), on the
      // task's own scope (input parameters in the model), where the panel's answer overwrites it.
      task.getExecution()
          .setVariableLocal(VAR_FUNDED_REFERENCES, prefill(round.recommendedPortfolio().funded()));
      task.getExecution()
          .setVariableLocal(
              VAR_DEFERRED_REFERENCES, prefill(round.recommendedPortfolio().deferred()));
    }
  }

  /**
   * A list as the form shows it: a plain string variable, which every door reads and sends back as
   * it is; past a string variable's 4,000 characters (a round that defers a few hundred bids), text
   * of any length ({@link UserText}), which engine-rest shows as a serialized object.
   */
  static Object prefill(java.util.List<String> references) {
    String text = String.join(", ", references);
    return text.length() <= STRING_VARIABLE_LIMIT ? text : UserText.of(text);
  }

  /** The characters a string variable holds (Camunda's {@code TEXT_} column). */
  static final int STRING_VARIABLE_LIMIT = 4000;

  @Override
  public void onComplete(DelegateTask task) {
    rounds.decide(
        TaskIdentity.businessKey(task),
        ProcessVariables.stringList(task, VAR_FUNDED_REFERENCES),
        ProcessVariables.stringList(task, VAR_DEFERRED_REFERENCES),
        ProcessVariables.optionalString(task, VAR_DECISION_RATIONALE, 8000),
        TaskActors.actorOrSystem(task));
  }
}
