package london.cofund.committee.process;

import london.cofund.round.DecisionPoint;
import london.cofund.system.process.ProcessVariable;

/**
 * The names of the {@code committeeUpdate} process ({@code processes/committeeUpdate.bpmn}): one
 * instance per round and decision point, whose business key is {@code <roundId>:<POINT>}.
 */
public final class CommitteeUpdateProcess {

  public static final String KEY = "committeeUpdate";

  public static final String START_EVENT = "StartEvent_DecisionPointReached";
  public static final String SEND_TASK = "SendTask_SendCommitteeUpdate";
  public static final String END_EVENT = "EndEvent_CommitteeUpdateSent";

  /** The round that passed the point. */
  public static final ProcessVariable<String> ROUND_ID =
      ProcessVariable.owned("roundId", String.class);

  /** The point it passed: a {@link DecisionPoint} constant. */
  public static final ProcessVariable<String> DECISION_POINT =
      ProcessVariable.owned("decisionPoint", String.class);

  private CommitteeUpdateProcess() {}

  public static String businessKey(String roundId, DecisionPoint point) {
    return roundId + ":" + point.name();
  }
}
