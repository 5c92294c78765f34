package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_ReviewShortlist}: the working group's {@code workingGroupComments} on
 * MOPAC's draft short list, stored on the round for MOPAC and the Leaders' Committee.
 */
@Component
class ReviewShortlistRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  ReviewShortlistRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_REVIEW_SHORTLIST);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    task.setVariableLocal(
        VAR_TASK_BRIEF,
        UserText.of(briefs.shortlistReview(rounds.get(TaskIdentity.businessKey(task)))));
  }

  @Override
  public void onComplete(DelegateTask task) {
    rounds.recordWorkingGroupComments(
        TaskIdentity.businessKey(task),
        ProcessVariables.requiredString(task, VAR_WORKING_GROUP_COMMENTS, 4000));
  }
}
