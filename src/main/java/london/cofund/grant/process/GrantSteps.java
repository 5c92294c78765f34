package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import london.cofund.grant.GrantService;
import london.cofund.grant.GrantService.GrantRecord;
import london.cofund.grant.Quarter;
import london.cofund.grant.ReturnForm;
import london.cofund.grant.Variation;
import london.cofund.grant.VariationRequest;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import london.cofund.system.ConflictException;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grant's steps through the API. Each runs in one transaction with the process: a request that
 * is refused stores nothing. Who may see a grant is who may see its proposal ({@link
 * ProposalQueries#maySee}): the applicant their own, a borough those delivered in it, MOPAC and the
 * working group all.
 */
@Service
public class GrantSteps {

  private final GrantService grants;
  private final ProposalQueries proposals;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;

  GrantSteps(
      GrantService grants,
      ProposalQueries proposals,
      RuntimeService runtime,
      TaskService tasks,
      ObjectMapper json) {
    this.grants = grants;
    this.proposals = proposals;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
  }

  /**
   * The grant with its schedule, payments, returns and variations; a 404 if the user may not see
   * it.
   */
  public GrantRecord view(String reference, CurrentUser user) {
    proposals.visible(reference, user);
    if (grants.find(reference).isEmpty()) {
      throw new NotFoundException("No grant '" + reference + "' that you may see.");
    }
    return grants.record(reference);
  }

  /**
   * The lead's quarterly return: checked (400 naming the field, 409 for a quarter not yet over or
   * already in), then completes that quarter's {@code Task_SubmitReturn}, whose rules store it.
   */
  @Transactional
  public GrantRecord submitReturn(String reference, ReturnForm form, CurrentUser user) {
    lead(reference, user, "submit its returns");
    Quarter quarter = grants.checkReturn(reference, form);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(TASK_SUBMIT_RETURN)
            .list()
            .stream()
            .filter(t -> quarter.toString().equals(tasks.getVariable(t.getId(), VAR_QUARTER)))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConflictException(
                        "No return for "
                            + quarter
                            + " of grant "
                            + reference
                            + " is due now: the grant asks for its quarters one after the other."));
    tasks.complete(task.getId(), Map.of(VAR_MONITORING_RETURN, UserText.of(write(form))));
    return grants.record(reference);
  }

  /** The lead asks for a variation: recorded with before and after, and offered to MOPAC. */
  @Transactional
  public Variation requestVariation(String reference, VariationRequest request, CurrentUser user) {
    lead(reference, user, "ask for its variations");
    Variation variation = grants.requestVariation(reference, request, user.id());
    correlate(reference, runtime.createMessageCorrelation(MESSAGE_VARIATION_REQUESTED));
    return variation;
  }

  /** MOPAC suspends the grant's payments with a reason; resuming is MOPAC's task in Tasklist. */
  @Transactional
  public GrantRecord suspend(String reference, String reason, CurrentUser user) {
    proposals.visible(reference, user);
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC suspends a grant's payments.");
    }
    grants.suspend(reference, reason);
    correlate(reference, runtime.createMessageCorrelation(MESSAGE_PAYMENTS_SUSPENDED));
    return grants.record(reference);
  }

  private void correlate(
      String reference, org.camunda.bpm.engine.runtime.MessageCorrelationBuilder message) {
    try {
      message.processInstanceBusinessKey(reference).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Grant " + reference + " is not running: it has closed.");
    }
  }

  private Proposal lead(String reference, CurrentUser user, String what) {
    Proposal proposal = proposals.visible(reference, user);
    grants.get(reference);
    if (!proposal.submittedBy().equals(user.id())) {
      throw new ForbiddenException(
          "Only the lead agency's applicant who submitted " + reference + " may " + what + ".");
    }
    return proposal;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
