package london.cofund.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import london.cofund.assessment.AssessmentScoring.Totals;
import london.cofund.proposal.ProposalService;
import london.cofund.system.Formats;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.Scores;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Recording assessments and totalling them, independent of the process engine. */
@Service
public class AssessmentService {

  private final AssessmentRepository assessments;
  private final ProposalService proposals;
  private final Clock clock;

  AssessmentService(AssessmentRepository assessments, ProposalService proposals, Clock clock) {
    this.assessments = assessments;
    this.proposals = proposals;
    this.clock = clock;
  }

  /** Whether this person has already assessed the proposal, or declared a conflict on it. */
  public boolean hasAssessed(String reference, String assessor) {
    return assessments.exists(reference, assessor);
  }

  public List<Assessment> of(String reference) {
    return assessments.findByReference(reference);
  }

  /** Records a declared conflict: this assessment is discarded and the slot is offered again. */
  public void recordConflict(String reference, String assessor, int slot) {
    insert(
        new Assessment(reference, assessor, slot, true, Map.of(), null, OffsetDateTime.now(clock)));
  }

  public void recordScores(
      String reference,
      String assessor,
      int slot,
      Map<ScoreCriterion, Integer> scores,
      String comments) {
    insert(
        new Assessment(
            reference,
            assessor,
            slot,
            false,
            Map.copyOf(scores),
            comments,
            OffsetDateTime.now(clock)));
  }

  private void insert(Assessment assessment) {
    if (assessments.exists(assessment.reference(), assessment.assessor())) {
      throw alreadyAssessed(assessment.reference(), assessment.assessor());
    }
    try {
      assessments.insert(assessment);
    } catch (DuplicateKeyException e) {
      throw alreadyAssessed(assessment.reference(), assessment.assessor());
    }
  }

  public static InvalidRequestException alreadyAssessed(String reference, String assessor) {
    return new InvalidRequestException(
        "assessor",
        assessor
            + " has already assessed proposal "
            + reference
            + " (or declared a conflict of interest on it); one person cannot assess the same proposal twice."
            + " Another assessor must take this task.");
  }

  /** Totals the scores, stores them on the proposal, and says whether moderation is needed. */
  public Totals total(String reference) {
    List<Assessment> all = assessments.findByReference(reference);
    Totals totals = AssessmentScoring.total(all);
    proposals.recordScores(
        reference, totals.total(), totals.moderationRequired(), summary(totals, all));
    return totals;
  }

  public void moderate(String reference, BigDecimal moderatedTotal, String note) {
    if (moderatedTotal == null) {
      throw new InvalidRequestException(
          "moderatedTotal",
          "is required: the agreed total, " + Scores.MIN_TOTAL + " to " + Scores.MAX_TOTAL);
    }
    if (moderatedTotal.compareTo(BigDecimal.valueOf(Scores.MIN_TOTAL)) < 0
        || moderatedTotal.compareTo(BigDecimal.valueOf(Scores.MAX_TOTAL)) > 0
        || moderatedTotal.scale() > 2 && moderatedTotal.stripTrailingZeros().scale() > 2) {
      throw new InvalidRequestException(
          "moderatedTotal",
          "must be between "
              + Scores.MIN_TOTAL
              + " and "
              + Scores.MAX_TOTAL
              + ", to at most 2 decimals");
    }
    if (note == null || note.isBlank()) {
      throw new InvalidRequestException(
          "moderationNote", "is required: why the assessors differed and how the total was agreed");
    }
    proposals.recordModeration(reference, moderatedTotal, note.trim());
  }

  /**
   * The scores' feedback as it is quoted to the applicant: each criterion's mean and the comments.
   */
  static String summary(Totals totals, List<Assessment> all) {
    String means =
        totals.means().entrySet().stream()
            .map(e -> e.getKey().label() + " " + Formats.score(e.getValue()))
            .collect(Collectors.joining(", "));
    String comments =
        all.stream()
            .filter(a -> !a.conflictOfInterest() && a.comments() != null)
            .map(a -> "\"" + a.comments().trim() + "\"")
            .collect(Collectors.joining(" "));
    String text =
        "Mean scores out of "
            + Scores.MAX_SCORE
            + ": "
            + means
            + "; total "
            + Scores.ofTotal(totals.total())
            + ". Assessors' comments: "
            + comments;
    return text.length() > 8000 ? text.substring(0, 7997) + "..." : text;
  }
}
