package london.cofund.assessment.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.List;
import java.util.Map;
import london.cofund.assessment.AssessmentScoring;
import london.cofund.assessment.AssessmentService;
import london.cofund.assessment.ScoreCriterion;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.process.ProposalTaskSupport;
import london.cofund.system.BriefRenderer;
import london.cofund.system.Scores;
import london.cofund.system.process.ProcessVariables;
import london.cofund.system.process.TaskRulesFor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Rules of {@code Task_AgreeModeratedScore}: {@code moderatedTotal} (5 to 25) and {@code
 * moderationNote}.
 */
@Component
class AgreeModeratedScoreRules extends TaskRulesFor {

  private final AssessmentService assessments;
  private final ProposalTaskSupport support;
  private final BriefRenderer renderer;

  AgreeModeratedScoreRules(
      AssessmentService assessments, ProposalTaskSupport support, BriefRenderer renderer) {
    super(KEY, TASK_AGREE_MODERATED_SCORE);
    this.assessments = assessments;
    this.support = support;
    this.renderer = renderer;
  }

  @Override
  public void onCreate(DelegateTask task) {
    support.brief(task, (proposal, round) -> scoresTable(proposal));
  }

  /** The computed total and each assessor's scores, for MOPAC to moderate. */
  private String scoresTable(Proposal proposal) {
    return renderer.render(
        "moderation",
        Map.of(
            "proposal",
            proposal,
            "gap",
            AssessmentScoring.MODERATION_GAP,
            "min",
            Scores.MIN_TOTAL,
            "max",
            Scores.MAX_TOTAL,
            "criteria",
            List.of(ScoreCriterion.values()),
            "assessments",
            assessments.of(proposal.reference()).stream()
                .filter(a -> !a.conflictOfInterest())
                .toList()));
  }

  @Override
  public void onComplete(DelegateTask task) {
    assessments.moderate(
        support.reference(task),
        ProcessVariables.optionalDecimal(task, VAR_MODERATED_TOTAL),
        ProcessVariables.optionalString(task, VAR_MODERATION_NOTE, 4000));
  }
}
