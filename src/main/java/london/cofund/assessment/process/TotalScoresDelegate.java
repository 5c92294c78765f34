package london.cofund.assessment.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import london.cofund.assessment.AssessmentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_TotalScores}: totals the assessors' scores and says whether moderation is
 * needed.
 */
@Component
class TotalScoresDelegate implements JavaDelegate {

  private final AssessmentService assessments;

  TotalScoresDelegate(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var totals = assessments.total(REFERENCE.require(execution));
    execution.setVariable(VAR_MODERATION_REQUIRED, totals.moderationRequired());
  }
}
