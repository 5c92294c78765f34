package london.cofund.assessment.process;

import static london.cofund.proposal.process.ProposalProcess.*;

import java.util.stream.Collectors;
import london.cofund.assessment.Assessment;
import london.cofund.assessment.AssessmentService;
import london.cofund.assessment.ScoreCriterion;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.process.ProposalBriefs;
import london.cofund.proposal.process.ProposalTaskSupport;
import london.cofund.system.Formats;
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

  AgreeModeratedScoreRules(AssessmentService assessments, ProposalTaskSupport support) {
    super(KEY, TASK_AGREE_MODERATED_SCORE);
    this.assessments = assessments;
    this.support = support;
  }

  @Override
  public void onCreate(DelegateTask task) {
    support.brief(task, (proposal, round) -> scoresTable(proposal));
  }

  /** The computed total and each assessor's scores, for MOPAC to moderate. */
  private String scoresTable(Proposal proposal) {
    StringBuilder text =
        new StringBuilder(
            "The assessors differ by 2 or more on a criterion. Agree a moderated total"
                + " (5 to 25) and record why. Computed total: **"
                + Formats.score(proposal.totalScore())
                + "**.\n\n");
    text.append("| assessor | ")
        .append(
            java.util.Arrays.stream(ScoreCriterion.values())
                .map(ScoreCriterion::label)
                .collect(Collectors.joining(" | ")))
        .append(" | comments |\n|---|---|---|---|---|---|---|\n");
    for (Assessment a : assessments.of(proposal.reference())) {
      if (!a.conflictOfInterest()) {
        text.append("| ")
            .append(a.assessor())
            .append(" | ")
            .append(
                java.util.Arrays.stream(ScoreCriterion.values())
                    .map(c -> String.valueOf(a.score(c)))
                    .collect(Collectors.joining(" | ")))
            .append(" | ")
            .append(ProposalBriefs.md(a.comments()))
            .append(" |\n");
      }
    }
    return text.append('\n').toString();
  }

  @Override
  public void onComplete(DelegateTask task) {
    assessments.moderate(
        support.reference(task),
        ProcessVariables.optionalDecimal(task, VAR_MODERATED_TOTAL),
        ProcessVariables.optionalString(task, VAR_MODERATION_NOTE, 4000));
  }
}
