package london.cofund.assessment;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One assessor's assessment of one proposal: either a declared conflict of interest (then no
 * scores) or five scores of 1 to 5 with comments.
 */
public record Assessment(
    String reference,
    String assessor,
    int slot,
    boolean conflictOfInterest,
    Map<ScoreCriterion, Integer> scores,
    String comments,
    OffsetDateTime submittedAt) {

  public int score(ScoreCriterion criterion) {
    return scores.get(criterion);
  }
}
