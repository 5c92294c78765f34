package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import london.cofund.borough.LondonBorough;
import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Rules of {@code Task_CommentOnPriorities}: one borough's comment on the long list. */
@Component
class CommentOnPrioritiesRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  CommentOnPrioritiesRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_COMMENT_ON_PRIORITIES);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    task.setVariableLocal(
        VAR_TASK_BRIEF, UserText.of(briefs.consultation(rounds.get(roundId(task)))));
  }

  @Override
  public void onComplete(DelegateTask task) {
    String comment = ProcessVariables.requiredString(task, VAR_PRIORITY_COMMENTS, 4000);
    String borough =
        LondonBorough.byGroupId(TaskIdentity.candidateGroup(task))
            .map(LondonBorough::code)
            .orElseThrow();
    rounds.recordComment(roundId(task), borough, comment, TaskActors.actorOrSystem(task));
  }

  private static String roundId(DelegateTask task) {
    return TaskIdentity.businessKey(task);
  }
}
