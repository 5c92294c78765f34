package london.cofund.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import london.cofund.eligibility.Thresholds;
import london.cofund.portfolio.PortfolioFlag;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The panel's hard limits, without an engine or a database. */
class PanelLimitsTest {

  static final List<AssessedProposal> ASSESSED =
      List.of(bid("R-001", 1_000_000), bid("R-002", 2_000_000), bid("R-003", 3_000_000));

  @Test
  void aDecisionWithinEveryLimitThatFollowsTheRecommendationNeedsNoRationale() {
    Round round = round(2, 3, 5_000_000, recommended(List.of("R-001", "R-002"), List.of("R-003")));
    FundingDecision decision =
        PanelLimits.check(round, ASSESSED, List.of("R-002", "R-001"), List.of("R-003"), " ", "wg");
    assertThat(decision.departsFromRecommendation()).isFalse();
    assertThat(decision.rationale()).isNull();
    assertThat(decision.funded()).containsExactly("R-002", "R-001");
    assertThat(decision.decidedBy()).isEqualTo("wg");
  }

  @Test
  void departingFromTheRecommendationNeedsARationaleAndKeepsIt() {
    Round round = round(1, 3, 5_000_000, recommended(List.of("R-001", "R-002"), List.of()));
    assertThat(problems(round, List.of("R-003"), List.of(), null))
        .containsExactly(
            "decisionRationale: is required because the decision departs from the recommended"
                + " portfolio");
    FundingDecision decision =
        PanelLimits.check(round, ASSESSED, List.of("R-003"), List.of(), " Local need. ", "wg");
    assertThat(decision.departsFromRecommendation()).isTrue();
    assertThat(decision.rationale()).isEqualTo("Local need.");
  }

  @Test
  void deferringDifferentlyIsADepartureToo() {
    Round round = round(1, 3, 5_000_000, recommended(List.of("R-001"), List.of("R-002")));
    assertThat(problems(round, List.of("R-001"), List.of(), null)).hasSize(1);
  }

  @Test
  void withoutARecommendationEveryDecisionIsADeparture() {
    Round round = round(1, 3, 5_000_000, null);
    assertThat(problems(round, List.of("R-001"), List.of(), "")).hasSize(1);
  }

  @Test
  void theProjectCountMustBeWithinTheRoundsLimits() {
    Round round = round(2, 2, 10_000_000, null);
    assertThat(problems(round, List.of("R-001"), List.of(), "why"))
        .containsExactly("fundedReferences: funds 1 projects; between 2 and 2 must be funded");
    assertThat(problems(round, List.of("R-001", "R-002", "R-003"), List.of(), "why"))
        .containsExactly("fundedReferences: funds 3 projects; between 2 and 2 must be funded");
    assertThat(problems(round, List.of("R-001", "R-002"), List.of(), "why")).isEmpty();
  }

  @Test
  void theMinimumDropsToWhatWasRecommendedWhenTooFewAreFundableOrThePotIsTooSmall() {
    for (PortfolioFlag flag :
        List.of(PortfolioFlag.BELOW_MINIMUM, PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM)) {
      Round round = round(5, 8, 10_000_000, recommended(List.of("R-001"), List.of(), flag.name()));
      assertThat(PanelLimits.minimumProjects(round, round.recommendedPortfolio())).isEqualTo(1);
      assertThat(problems(round, List.of("R-001"), List.of(), null)).isEmpty();
      assertThat(problems(round, List.of(), List.of(), "none"))
          .containsExactly("fundedReferences: funds 0 projects; between 1 and 8 must be funded");
    }
    Round unflagged = round(5, 8, 10_000_000, recommended(List.of("R-001"), List.of()));
    assertThat(PanelLimits.minimumProjects(unflagged, unflagged.recommendedPortfolio()))
        .isEqualTo(5);
  }

  @Test
  void theCostMayNotExceedThePotButMayMeetIt() {
    Round round = round(1, 3, 3_000_000, null);
    assertThat(problems(round, List.of("R-001", "R-002"), List.of(), "why")).isEmpty();
    assertThat(problems(round, List.of("R-001", "R-003"), List.of(), "why"))
        .containsExactly("fundedReferences: costs £4,000,000, more than the pot of £3,000,000");
  }

  @Test
  void aPortfolioThatFitsThePotButNotOneYearsBudgetCannotBeDecided() {
    List<AssessedProposal> assessed =
        List.of(
            phased("R-001", Map.of("2018/19", 1_000_000L, "2019/20", 1_000_000L)),
            phased("R-002", Map.of("2018/19", 1_500_000L, "2019/20", 500_000L)),
            phased("R-003", Map.of("2019/20", 2_000_000L)));
    Round round = round(1, 3, 6_000_000, null);
    Map<String, Long> yearBudgets = Map.of("2018/19", 2_000_000L, "2019/20", 4_000_000L);
    // £4m in all, within the £6m pot, but £2.5m falls in 2018/19, which has £2m left.
    assertThat(yearProblems(round, assessed, List.of("R-001", "R-002"), yearBudgets))
        .containsExactly(
            "fundedReferences: costs £2,500,000 in 2018/19, more than the £2,000,000 of"
                + " co-commissioning budget left that year");
    // The same money phased differently fits every year.
    assertThat(yearProblems(round, assessed, List.of("R-001", "R-003"), yearBudgets)).isEmpty();
    // A year the fund has nothing left in (or does not have) gives nothing.
    assertThat(yearProblems(round, assessed, List.of("R-003"), Map.of("2018/19", 9_000_000L)))
        .containsExactly(
            "fundedReferences: costs £2,000,000 in 2019/20, more than the £0 of"
                + " co-commissioning budget left that year");
  }

  @Test
  void onlyAssessedProposalsOfTheRoundAndNeverOneBothFundedAndDeferred() {
    Round round = round(1, 3, 10_000_000, null);
    assertThat(problems(round, List.of("R-001", "X-9"), List.of("Y-9", "R-001"), "why"))
        .containsExactlyInAnyOrder(
            "fundedReferences: X-9 not an assessed proposal of this round",
            "deferredReferences: Y-9 not an assessed proposal of this round",
            "deferredReferences: R-001 cannot be both funded and deferred");
  }

  private static List<String> problems(
      Round round, List<String> funded, List<String> deferred, String rationale) {
    try {
      PanelLimits.check(round, ASSESSED, funded, deferred, rationale, "wg");
      return List.of();
    } catch (InvalidRequestException e) {
      return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }
  }

  private static List<String> yearProblems(
      Round round,
      List<AssessedProposal> assessed,
      List<String> funded,
      Map<String, Long> yearBudgets) {
    try {
      PanelLimits.check(round, assessed, funded, List.of(), "why", "wg", yearBudgets);
      return List.of();
    } catch (InvalidRequestException e) {
      return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }
  }

  private static AssessedProposal phased(String reference, Map<String, Long> budgetByYear) {
    long amount = budgetByYear.values().stream().mapToLong(Long::longValue).sum();
    return new AssessedProposal(
        reference, reference, "Lead", amount, BigDecimal.valueOf(20), List.of("CSE"), budgetByYear);
  }

  private static AssessedProposal bid(String reference, long amount) {
    return new AssessedProposal(
        reference, reference, "Lead", amount, BigDecimal.valueOf(20), List.of("CSE"), Map.of());
  }

  private static RecommendedPortfolio recommended(
      List<String> funded, List<String> deferred, String... flags) {
    return new RecommendedPortfolio(
        funded, deferred, List.of(), List.of(flags), 1, BigDecimal.TEN, 0, 0);
  }

  /** A round in its funding decision, with only what the limits read. */
  private static Round round(int min, int max, long pot, RecommendedPortfolio recommended) {
    OffsetDateTime now = OffsetDateTime.parse("2026-06-01T09:00:00+01:00");
    return new Round(
        "R",
        "Round",
        1,
        pot,
        min,
        max,
        2,
        BigDecimal.valueOf(15),
        List.of(),
        List.of(),
        new Round.RoundDates(
            now, now.plusDays(1), now.plusDays(2), now.plusDays(3), now.plusDays(4)),
        RoundStage.FUNDING_DECISION,
        null,
        null,
        null,
        recommended,
        null,
        null,
        List.of(),
        null,
        "mopac",
        now,
        "LCPF-2017",
        Thresholds.SEED_DRAFT);
  }
}
