package london.cofund.assessment;

import static london.cofund.assessment.ScoreCriterion.DELIVERABILITY;
import static london.cofund.assessment.ScoreCriterion.NEED;
import static london.cofund.assessment.ScoreCriterion.PARTNERSHIP;
import static london.cofund.assessment.ScoreCriterion.STRATEGIC_FIT;
import static london.cofund.assessment.ScoreCriterion.VALUE_FOR_MONEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import london.cofund.assessment.AssessmentScoring.Totals;
import org.junit.jupiter.api.Test;

/** How assessors' scores add up to a proposal's total, and when they call for moderation. */
class AssessmentScoringTest {

  @Test
  void theTotalIsTheSumOfEachCriterionsMeanOverTheAssessors() {
    Totals totals = AssessmentScoring.total(List.of(scored(5, 5, 4, 5, 4), scored(5, 4, 5, 4, 5)));

    assertThat(totals.total()).isEqualByComparingTo("23.00");
    assertThat(totals.means())
        .containsEntry(STRATEGIC_FIT, new BigDecimal("5.00"))
        .containsEntry(NEED, new BigDecimal("4.50"))
        .containsEntry(PARTNERSHIP, new BigDecimal("4.50"))
        .containsEntry(DELIVERABILITY, new BigDecimal("4.50"))
        .containsEntry(VALUE_FOR_MONEY, new BigDecimal("4.50"));
  }

  @Test
  void meansAndTotalAreRoundedHalfUpToTwoDecimals() {
    // Three assessors: 13/3 = 4.333..., 14/3 = 4.666..., and 68/3 = 22.666... overall.
    Totals totals =
        AssessmentScoring.total(
            List.of(scored(4, 5, 4, 4, 4), scored(4, 5, 5, 4, 5), scored(5, 4, 5, 5, 5)));

    assertThat(totals.means().get(STRATEGIC_FIT)).isEqualTo(new BigDecimal("4.33"));
    assertThat(totals.means().get(NEED)).isEqualTo(new BigDecimal("4.67"));
    assertThat(totals.total()).isEqualTo(new BigDecimal("22.67"));
  }

  @Test
  void theTotalDividesTheGrandSumOnceRatherThanAddingRoundedMeans() {
    // Each mean is 4.333... (4.33 rounded); five of them add to 21.67, not 21.65.
    Totals totals =
        AssessmentScoring.total(
            List.of(scored(4, 4, 4, 4, 4), scored(4, 4, 4, 4, 4), scored(5, 5, 5, 5, 5)));

    assertThat(totals.means().values()).containsOnly(new BigDecimal("4.33"));
    assertThat(totals.total()).isEqualTo(new BigDecimal("21.67"));
  }

  @Test
  void oneAssessorsScoresAreTheTotal() {
    Totals totals = AssessmentScoring.total(List.of(scored(1, 2, 3, 4, 5)));

    assertThat(totals.total()).isEqualTo(new BigDecimal("15.00"));
    assertThat(totals.moderationRequired()).isFalse();
    assertThat(totals.disagreements()).isEmpty();
  }

  @Test
  void scoresTwoApartOnACriterionCallForModerationOfThatCriterion() {
    Totals totals = AssessmentScoring.total(List.of(scored(5, 5, 5, 5, 5), scored(3, 4, 4, 4, 4)));

    assertThat(totals.moderationRequired()).isTrue();
    assertThat(totals.disagreements()).containsExactly(STRATEGIC_FIT);
  }

  @Test
  void scoresOneApartNeedNoModeration() {
    Totals totals = AssessmentScoring.total(List.of(scored(5, 5, 5, 5, 5), scored(4, 4, 4, 4, 4)));

    assertThat(totals.moderationRequired()).isFalse();
    assertThat(totals.disagreements()).isEmpty();
  }

  @Test
  void theGapIsBetweenTheHighestAndLowestOfAnyNumberOfAssessors() {
    // 3, 4 and 5: neighbours are one apart, the extremes two.
    Totals totals =
        AssessmentScoring.total(
            List.of(scored(4, 3, 3, 3, 3), scored(3, 4, 3, 3, 3), scored(5, 3, 3, 3, 3)));

    assertThat(totals.disagreements()).containsExactly(STRATEGIC_FIT);
  }

  @Test
  void everyCriterionInDisagreementIsNamedInOrder() {
    Totals totals = AssessmentScoring.total(List.of(scored(1, 5, 3, 1, 5), scored(5, 1, 3, 4, 4)));

    assertThat(totals.disagreements()).containsExactly(STRATEGIC_FIT, NEED, DELIVERABILITY);
  }

  @Test
  void aConflictedAssessmentCountsForNothing() {
    Totals totals =
        AssessmentScoring.total(
            List.of(conflicted(), scored(4, 4, 4, 4, 4), scored(5, 5, 5, 5, 5)));

    assertThat(totals.total()).isEqualTo(new BigDecimal("22.50"));
    assertThat(totals.means().get(NEED)).isEqualTo(new BigDecimal("4.50"));
  }

  @Test
  void onlyConflictedAssessmentsCannotBeTotalled() {
    assertThatThrownBy(() -> AssessmentScoring.total(List.of(conflicted(), conflicted())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No scored assessment");
    assertThatThrownBy(() -> AssessmentScoring.total(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDisagreementsCannotBeChangedAfterwards() {
    Totals totals = AssessmentScoring.total(List.of(scored(1, 3, 3, 3, 3), scored(5, 3, 3, 3, 3)));

    assertThatThrownBy(() -> totals.disagreements().add(NEED))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Assessment scored(int fit, int need, int partnership, int deliver, int value) {
    Map<ScoreCriterion, Integer> scores = new EnumMap<>(ScoreCriterion.class);
    scores.put(STRATEGIC_FIT, fit);
    scores.put(NEED, need);
    scores.put(PARTNERSHIP, partnership);
    scores.put(DELIVERABILITY, deliver);
    scores.put(VALUE_FOR_MONEY, value);
    return new Assessment("T1-001", "assessor", 1, false, scores, "", null);
  }

  /** A declared conflict: no scores at all, so reading one would fail. */
  private static Assessment conflicted() {
    return new Assessment("T1-001", "conflicted", 2, true, Map.of(), "", null);
  }
}
