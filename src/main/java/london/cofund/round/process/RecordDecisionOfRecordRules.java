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
 * Rules of {@code Task_RecordDecisionOfRecord}: MOPAC's {@code decisionReference}, the formal
 * decision (such as "PCD 310") that approved the awards the Leaders' Committee signed off. The
 * announcement gives it to every funded proposal.
 */
@Component
class RecordDecisionOfRecordRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  RecordDecisionOfRecordRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_RECORD_DECISION_OF_RECORD);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    task.setVariableLocal(
        VAR_TASK_BRIEF,
        UserText.of(briefs.decisionOfRecord(rounds.get(TaskIdentity.businessKey(task)))));
  }

  @Override
  public void onComplete(DelegateTask task) {
    rounds.recordDecisionReference(
        TaskIdentity.businessKey(task), ProcessVariables.string(task, VAR_DECISION_REFERENCE));
  }
}
