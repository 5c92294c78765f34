package london.cofund.round.process;

import static london.cofund.round.process.FundingRoundProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import london.cofund.borough.LondonBorough;
import london.cofund.round.Round;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundRequest.PriorityItem;
import london.cofund.round.RoundService;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.Refusals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_RegisterRound}: a round opened through the API is already stored; one opened
 * from the Tasklist start form is checked and stored here, from the form's variables. Then the
 * round's dates and the 32 borough groups become process variables for timers and tasks.
 */
@Component
class RegisterRoundDelegate implements JavaDelegate {

  private final RoundService rounds;

  RegisterRoundDelegate(RoundService rounds) {
    this.rounds = rounds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = ProcessVariables.string(execution, VAR_ROUND_ID);
    Round round;
    // Only the API sets the flag: the start form does not declare it, so EngineDoorGuard refuses
    // it from any person's start, and a person's round is always checked and registered here.
    if (Boolean.TRUE.equals(execution.getVariable(VAR_REGISTERED))) {
      round = rounds.get(roundId); // opened through the API, which stored it in this transaction
    } else {
      if (roundId != null && rounds.find(roundId).isPresent()) {
        throw ProcessVariables.invalid(
            VAR_ROUND_ID, "a round with id '" + roundId + "' already exists");
      }
      round =
          Refusals.refusing(
              () ->
                  rounds.register(
                      fromStartForm(execution),
                      java.util.Objects.requireNonNullElse(
                          ROUND_INITIATOR.get(execution), "system")));
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(round.roundId())) {
      throw ProcessVariables.invalid(
          "businessKey", "must be the round id '" + round.roundId() + "' or left empty");
    }
    // Messages to the round (ProposalsAssessed) are correlated by this business key.
    execution.setProcessBusinessKey(round.roundId());
    execution.setVariable(VAR_ROUND_ID, round.roundId());
    execution.setVariable(VAR_CONSULTATION_DEADLINE, date(round.dates().consultationDeadline()));
    execution.setVariable(VAR_EOI_DEADLINE, date(round.dates().eoiDeadline()));
    execution.setVariable(VAR_FULL_PROPOSAL_DEADLINE, date(round.dates().fullProposalDeadline()));
    execution.setVariable(VAR_DECISION_DATE, date(round.dates().decisionDate()));
    execution.setVariable(VAR_SERVICE_START_DATE, date(round.dates().serviceStartDate()));
    execution.setVariable(VAR_PREVIOUS_ROUND_ID, round.previousRoundId());
    execution.setVariable(
        VAR_BOROUGH_GROUPS,
        new ArrayList<>(
            List.of(LondonBorough.values()).stream().map(LondonBorough::groupId).toList()));
    // The start form's list text is now stored in cf_round; the process keeps only ids and dates.
    execution.removeVariable("priorityLongList");
  }

  /**
   * The Tasklist start form's fields, named as the API's. The long list is one "CODE: Title" per
   * line.
   */
  static RoundRequest fromStartForm(DelegateExecution execution) {
    Integer tranche = ProcessVariables.optionalInteger(execution, "tranche");
    BigDecimal pot = ProcessVariables.optionalDecimal(execution, "potAmount");
    Long potAmount;
    try {
      potAmount = pot == null ? null : pot.longValueExact();
    } catch (ArithmeticException e) {
      throw ProcessVariables.invalid("potAmount", "must be whole pounds");
    }
    return new RoundRequest(
        ProcessVariables.string(execution, VAR_ROUND_ID),
        ProcessVariables.string(execution, "name"),
        tranche,
        potAmount,
        ProcessVariables.optionalInteger(execution, "minProjects"),
        ProcessVariables.optionalInteger(execution, "maxProjects"),
        ProcessVariables.optionalInteger(execution, "assessorsPerProposal"),
        ProcessVariables.optionalDecimal(execution, "fundableThreshold"),
        longList(ProcessVariables.string(execution, "priorityLongList")),
        ProcessVariables.optionalDateTime(execution, VAR_CONSULTATION_DEADLINE),
        ProcessVariables.optionalDateTime(execution, VAR_EOI_DEADLINE),
        ProcessVariables.optionalDateTime(execution, VAR_FULL_PROPOSAL_DEADLINE),
        ProcessVariables.optionalDateTime(execution, VAR_DECISION_DATE),
        ProcessVariables.optionalDateTime(execution, VAR_SERVICE_START_DATE),
        ProcessVariables.string(execution, VAR_PREVIOUS_ROUND_ID),
        ProcessVariables.string(execution, "fundId"),
        ProcessVariables.optionalInteger(execution, "minSubRegionalBoroughs"),
        ProcessVariables.optionalInteger(execution, "minPartnerAgencies"));
  }

  static List<PriorityItem> longList(String text) {
    List<PriorityItem> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      String code =
          (colon < 0 ? line : line.substring(0, colon)).trim().toUpperCase().replace(' ', '_');
      String title = colon < 0 ? code : line.substring(colon + 1).trim();
      items.add(new PriorityItem(code, title));
    }
    return items;
  }

  private static Date date(java.time.OffsetDateTime value) {
    return Date.from(value.toInstant());
  }
}
