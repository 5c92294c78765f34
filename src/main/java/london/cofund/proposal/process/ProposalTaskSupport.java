package london.cofund.proposal.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What the proposal's task rules share: the task's proposal and round, and JSON documents in
 * variables.
 */
@Component
class ProposalTaskSupport {

  private final ProposalService proposals;
  private final RoundService rounds;
  private final ObjectMapper json;
  private final ObjectMapper pretty;

  ProposalTaskSupport(ProposalService proposals, RoundService rounds, ObjectMapper json) {
    this.proposals = proposals;
    this.rounds = rounds;
    this.json = json;
    this.pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  String reference(DelegateTask task) {
    return (String) task.getVariable(ProposalProcess.VAR_REFERENCE);
  }

  Proposal proposal(DelegateTask task) {
    return proposals.get(reference(task));
  }

  Round round(Proposal proposal) {
    return rounds.get(proposal.roundId());
  }

  String prettyJson(Object value) {
    try {
      return pretty.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a JSON document variable (text, Spin JSON or a map) into a form; a bad one is a 400
   * naming it.
   */
  <T> T document(DelegateTask task, String variable, Class<T> type) {
    Object value = task.getVariable(variable);
    if (value == null) {
      throw new InvalidRequestException(
          variable, "is required: the document as JSON, in the shape of the API's request");
    }
    try {
      String text =
          value instanceof SpinJsonNode node
              ? node.toString()
              : value instanceof String s ? s : json.writeValueAsString(value);
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new InvalidRequestException(
          java.util.List.of(
              new FieldProblem(
                  variable, "is not a valid document" + where + ": " + e.getOriginalMessage())));
    }
  }
}
