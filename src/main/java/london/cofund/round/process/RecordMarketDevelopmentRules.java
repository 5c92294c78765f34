package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.round.MarketSession;
import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.TaskRulesFor;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_RecordMarketDevelopment}, one per short-listed priority: {@code
 * sessionDate}, {@code attendingOrganisations} (a list) and {@code sessionNotes}.
 */
@Component
class RecordMarketDevelopmentRules extends TaskRulesFor {

  private final RoundService rounds;
  private final RoundBriefs briefs;

  RecordMarketDevelopmentRules(RoundService rounds, RoundBriefs briefs) {
    super(KEY, TASK_RECORD_MARKET_DEVELOPMENT);
    this.rounds = rounds;
    this.briefs = briefs;
  }

  @Override
  public void onCreate(DelegateTask task) {
    task.setVariableLocal(
        VAR_TASK_BRIEF,
        UserText.of(
            briefs.marketSession(
                rounds.get(TaskIdentity.businessKey(task)), PRIORITY_CODE.require(task))));
  }

  @Override
  public void onComplete(DelegateTask task) {
    OffsetDateTime date = ProcessVariables.optionalDateTime(task, VAR_SESSION_DATE);
    if (date == null) {
      throw ProcessVariables.invalid(VAR_SESSION_DATE, "is required: when the session was held");
    }
    List<String> organisations = ProcessVariables.stringList(task, VAR_ATTENDING_ORGANISATIONS);
    if (organisations.isEmpty()) {
      throw ProcessVariables.invalid(
          VAR_ATTENDING_ORGANISATIONS, "must name at least one organisation");
    }
    rounds.recordMarketSession(
        TaskIdentity.businessKey(task),
        new MarketSession(
            PRIORITY_CODE.require(task),
            date,
            organisations,
            ProcessVariables.optionalString(task, VAR_SESSION_NOTES, 8000),
            TaskActors.actorOrSystem(task)));
  }
}
