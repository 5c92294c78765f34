package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import java.util.ArrayList;
import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_AgreeShortlist}: {@code shortlist} names one or more long-list codes, as a
 * JSON array or a comma-separated string.
 */
@Component
class AgreeShortlistRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  AgreeShortlistRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_AGREE_SHORTLIST);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    var round = rounds.get(TaskIdentity.businessKey(task));
    task.setVariableLocal(VAR_TASK_BRIEF, UserText.of(briefs.shortlist(round)));
    // The long list as options for the form's checklist.
    task.setVariableLocal(
        "longListOptions",
        org.camunda.spin.Spin.JSON(
            round.priorityLongList().stream()
                .map(p -> java.util.Map.of("label", p.code() + ": " + p.title(), "value", p.code()))
                .toList()));
  }

  @Override
  public void onComplete(DelegateTask task) {
    var codes =
        rounds.agreeShortlist(
            TaskIdentity.businessKey(task), ProcessVariables.stringList(task, VAR_SHORTLIST));
    task.getExecution().setVariable(VAR_SHORTLIST_CODES, new ArrayList<>(codes));
  }
}
