package london.cofund.proposal.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.function.BiFunction;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.process.TaskIdentity;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What the task rules of a proposal (its own, and the assessment's) share: the task's proposal and
 * round, the brief its form shows first, and JSON documents in variables.
 */
@Component
public class ProposalTaskSupport {

  private final ProposalService proposals;
  private final RoundService rounds;
  private final ProposalBriefs briefs;
  private final ObjectMapper json;
  private final ObjectMapper pretty;

  ProposalTaskSupport(
      ProposalService proposals, RoundService rounds, ProposalBriefs briefs, ObjectMapper json) {
    this.proposals = proposals;
    this.rounds = rounds;
    this.briefs = briefs;
    this.json = json;
    this.pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * Sets the task's brief: what this task asks (the intro, given the proposal and its round), then
   * the proposal as a reviewer needs it. Returns the proposal.
   */
  public Proposal brief(DelegateTask task, BiFunction<Proposal, Round, String> intro) {
    Proposal proposal = proposal(task);
    Round round = round(proposal);
    task.setVariableLocal(
        ProposalProcess.VAR_TASK_BRIEF,
        UserText.of(intro.apply(proposal, round) + briefs.proposal(proposal, round)));
    return proposal;
  }

  /** MOPAC's EOI feedback as Markdown, or nothing before there is any. */
  public String feedback(Proposal proposal) {
    return briefs.feedback(proposal);
  }

  /** The task's proposal reference: its process's business key, which no user can write. */
  public String reference(DelegateTask task) {
    return TaskIdentity.businessKey(task);
  }

  public Proposal proposal(DelegateTask task) {
    return proposals.get(reference(task));
  }

  public Round round(Proposal proposal) {
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
