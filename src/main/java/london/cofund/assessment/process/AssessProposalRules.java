package london.cofund.assessment.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.EnumMap;
import java.util.Map;
import london.cofund.assessment.AssessmentService;
import london.cofund.assessment.ScoreCriterion;
import london.cofund.proposal.process.ProposalTaskSupport;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskActors;
import london.cofund.system.process.TaskGrants;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_AssessProposal}: first {@code conflictOfInterest}; a conflicted assessment
 * is recorded and the slot offered again. Otherwise five integer scores of 1 to 5 and {@code
 * assessmentComments}. One person cannot assess the same proposal twice: a second claim, or a
 * second completion, is refused with a message saying so.
 */
@Component
class AssessProposalRules extends TaskRulesFor {

  private final AssessmentService assessments;
  private final ProposalTaskSupport support;

  AssessProposalRules(AssessmentService assessments, ProposalTaskSupport support) {
    super(KEY, TASK_ASSESS_PROPOSAL);
    this.assessments = assessments;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    // Whoever has assessed this proposal, or declared a conflict on it, is not offered it again.
    assessments.of(reference(task)).stream()
        .map(a -> a.assessor())
        .distinct()
        .forEach(assessor -> TaskGrants.withhold(task, assessor));
    support.brief(
        task,
        (proposal, round) ->
            "First declare any conflict of interest: a conflicted assessment is set aside and offered"
                + " to another assessor. Otherwise score each criterion from 1 (poor) to 5 (excellent).\n\n");
  }

  @Override
  public void onAssignment(DelegateTask task) {
    String assessor = task.getAssignee();
    if (assessor == null) {
      return;
    }
    String reference = reference(task);
    if (assessments.hasAssessed(reference, assessor)) {
      throw AssessmentService.alreadyAssessed(reference, assessor);
    }
    long otherTasks =
        task
            .getProcessEngineServices()
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey(TASK_ASSESS_PROPOSAL)
            .taskAssignee(assessor)
            .list()
            .stream()
            .filter(t -> !t.getId().equals(task.getId()))
            .count();
    if (otherTasks > 0) {
      throw new InvalidRequestException(
          "assessor",
          assessor
              + " already holds an assessment of proposal "
              + reference
              + "; one person cannot assess the same proposal twice.");
    }
  }

  @Override
  public void onComplete(DelegateTask task) {
    String assessor = TaskActors.actor(task);
    if (assessor == null) {
      throw new InvalidRequestException(
          "assignee", "claim the task first: an assessment must name its assessor");
    }
    String reference = reference(task);
    int slot = ASSESSMENT_SLOT.require(task);
    withholdOtherSlots(task, assessor);
    if (ProcessVariables.requiredBoolean(task, VAR_CONFLICT_OF_INTEREST)) {
      assessments.recordConflict(reference, assessor, slot);
      return;
    }
    Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
    for (ScoreCriterion criterion : ScoreCriterion.values()) {
      Integer score = ProcessVariables.optionalInteger(task, criterion.variable());
      if (score == null || score < 1 || score > 5) {
        throw ProcessVariables.invalid(
            criterion.variable(),
            score == null
                ? "is required: a whole number from 1 to 5"
                : "must be a whole number from 1 to 5, not " + score);
      }
      scores.put(criterion, score);
    }
    assessments.recordScores(
        reference,
        assessor,
        slot,
        scores,
        ProcessVariables.requiredString(task, VAR_ASSESSMENT_COMMENTS, 8000));
  }

  /** The proposal's other open assessments are no longer this assessor's to see or take. */
  private static void withholdOtherSlots(DelegateTask task, String assessor) {
    task
        .getProcessEngineServices()
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(TASK_ASSESS_PROPOSAL)
        .list()
        .stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .forEach(
            other -> TaskGrants.withhold(task.getProcessEngineServices(), other.getId(), assessor));
  }

  private String reference(DelegateTask task) {
    return support.reference(task);
  }
}
