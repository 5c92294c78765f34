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
 * Rules of {@code Task_SignOffProspectus}: {@code prospectusApproved}, with comments required for a
 * no.
 */
@Component
class SignOffProspectusRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  SignOffProspectusRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_SIGN_OFF_PROSPECTUS);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    task.setVariableLocal(
        VAR_TASK_BRIEF, UserText.of(briefs.prospectus(rounds.get(TaskIdentity.businessKey(task)))));
  }

  @Override
  public void onComplete(DelegateTask task) {
    boolean approved = ProcessVariables.requiredBoolean(task, VAR_PROSPECTUS_APPROVED);
    rounds.recordProspectusSignOff(
        TaskIdentity.businessKey(task),
        approved,
        ProcessVariables.optionalString(task, VAR_SIGN_OFF_COMMENTS, 4000));
  }
}
