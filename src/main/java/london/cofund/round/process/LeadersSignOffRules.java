package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import java.util.Map;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of the Leaders' Committee's two sign-offs, {@code Task_SignOffProspectus} and {@code
 * Task_SignOffAwards}: each shows its brief, takes a yes or no ({@code prospectusApproved}, {@code
 * awardsApproved}) and {@code signOffComments}, which a no requires.
 */
@Component
class LeadersSignOffRules extends TaskRulesFor {

  /** What differs between the two sign-offs. */
  private record SignOff(
      String approvalVariable,
      java.util.function.BiFunction<RoundBriefs, Round, String> brief,
      Recorder recorder) {}

  @FunctionalInterface
  private interface Recorder {
    void record(RoundService rounds, String roundId, boolean approved, String comments);
  }

  private static final Map<String, SignOff> SIGN_OFFS =
      Map.of(
          TASK_SIGN_OFF_PROSPECTUS,
          new SignOff(
              VAR_PROSPECTUS_APPROVED,
              RoundBriefs::prospectus,
              RoundService::recordProspectusSignOff),
          TASK_SIGN_OFF_AWARDS,
          new SignOff(VAR_AWARDS_APPROVED, RoundBriefs::awards, RoundService::recordAwardsSignOff));

  private final RoundService rounds;
  private final RoundBriefs briefs;

  LeadersSignOffRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_SIGN_OFF_PROSPECTUS, TASK_SIGN_OFF_AWARDS);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    Round round = rounds.get(TaskIdentity.businessKey(task));
    task.setVariableLocal(
        VAR_TASK_BRIEF,
        UserText.of(SIGN_OFFS.get(task.getTaskDefinitionKey()).brief().apply(briefs, round)));
  }

  @Override
  public void onComplete(DelegateTask task) {
    SignOff signOff = SIGN_OFFS.get(task.getTaskDefinitionKey());
    signOff
        .recorder()
        .record(
            rounds,
            TaskIdentity.businessKey(task),
            ProcessVariables.requiredBoolean(task, signOff.approvalVariable()),
            ProcessVariables.optionalString(task, VAR_SIGN_OFF_COMMENTS, 4000));
  }
}
