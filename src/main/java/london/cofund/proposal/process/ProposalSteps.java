package london.cofund.proposal.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import london.cofund.proposal.ProposalService;
import london.cofund.round.Round;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import london.cofund.system.ForbiddenException;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's steps through the API. Each runs in one transaction with the process: a request
 * that is refused stores nothing, and a step that is not the current one is a 409.
 */
@Service
public class ProposalSteps {

  private final ProposalService proposals;
  private final ProposalQueries queries;
  private final RoundService rounds;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;

  ProposalSteps(
      ProposalService proposals,
      ProposalQueries queries,
      RoundService rounds,
      RuntimeService runtime,
      TaskService tasks,
      ObjectMapper json) {
    this.proposals = proposals;
    this.queries = queries;
    this.rounds = rounds;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
  }

  /**
   * Stores the EOI and starts its {@code proposal} process, which screens it before this returns.
   */
  @Transactional
  public Proposal submitEoi(String roundId, EoiForm form, CurrentUser user) {
    String reference = proposals.submitEoi(roundId, form, user.id());
    Round round = rounds.get(roundId);
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(KEY)
            .businessKey(reference)
            .setVariable(VAR_REFERENCE, reference)
            .setVariable(VAR_ROUND_ID, roundId)
            .setVariable(VAR_SUBMITTED_BY, user.id())
            .setVariable(VAR_EOI_DEADLINE, Date.from(round.dates().eoiDeadline().toInstant()))
            .setVariable(
                VAR_FULL_PROPOSAL_DEADLINE,
                Date.from(round.dates().fullProposalDeadline().toInstant()))
            .setVariable(VAR_DECISION_DATE, Date.from(round.dates().decisionDate().toInstant()))
            .setVariable(
                VAR_SERVICE_START_DATE, Date.from(round.dates().serviceStartDate().toInstant()))
            .execute();
    proposals.linkProcessInstance(reference, instance.getId());
    return proposals.get(reference);
  }

  /** Completes {@code Task_ReviseEoi} with the revised EOI; its rules store and re-screen it. */
  @Transactional
  public Proposal reviseEoi(String reference, EoiForm form, CurrentUser user) {
    Task task = applicantTask(reference, TASK_REVISE_EOI, user, "revised");
    proposals.checkEoiRevision(
        reference, form); // before the engine sees it: a 400 names each field
    tasks.complete(task.getId(), java.util.Map.of(VAR_EOI, UserText.of(write(form))));
    return proposals.get(reference);
  }

  /** Completes {@code Task_SubmitFullProposal}; its rules store and screen the full proposal. */
  @Transactional
  public Proposal submitFullProposal(String reference, FullProposalForm form, CurrentUser user) {
    Task task = applicantTask(reference, TASK_SUBMIT_FULL_PROPOSAL, user, "submitted");
    proposals.checkFullProposal(reference, form);
    tasks.complete(task.getId(), java.util.Map.of(VAR_FULL_PROPOSAL, UserText.of(write(form))));
    return proposals.get(reference);
  }

  /** Withdraws the proposal wherever it is; the applicant or MOPAC may. */
  @Transactional
  public Proposal withdraw(String reference, CurrentUser user) {
    Proposal proposal = queries.visible(reference, user);
    if (!proposal.submittedBy().equals(user.id()) && !user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException(
          "Only the applicant who submitted " + reference + " (or MOPAC) may withdraw it.");
    }
    try {
      runtime
          .createMessageCorrelation(MESSAGE_WITHDRAWN)
          .processInstanceBusinessKey(reference)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException(
          "Proposal "
              + reference
              + " can no longer be withdrawn: it is "
              + proposal.status()
              + ".");
    }
    return proposals.get(reference);
  }

  private Task applicantTask(String reference, String taskKey, CurrentUser user, String verb) {
    Proposal proposal = queries.visible(reference, user);
    if (!proposal.submittedBy().equals(user.id())) {
      throw new ForbiddenException(
          "Only the applicant who submitted " + reference + " may do this.");
    }
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new ConflictException(
          "This cannot be "
              + verb
              + " now: proposal "
              + reference
              + " is "
              + proposal.status()
              + ".");
    }
    return task;
  }

  private String write(Object form) {
    try {
      return json.writeValueAsString(form);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
