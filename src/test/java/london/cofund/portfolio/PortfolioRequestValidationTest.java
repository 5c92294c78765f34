package london.cofund.portfolio;

import static london.cofund.portfolio.PortfolioOptimizerTest.candidate;
import static london.cofund.portfolio.PortfolioRequest.MAX_POT_AMOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Requests and candidates that cannot describe a real round are rejected, naming the field. */
class PortfolioRequestValidationTest {

  private static final List<PortfolioCandidate> CANDIDATES = List.of(candidate("A", 100, "20"));
  private static final Set<String> SHORTLIST = Set.of("CSE");

  @Test
  void minimumBelowOneIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, SHORTLIST, 0, 8, 100, BigDecimal.TEN))
        .withMessage("minProjects must be at least 1, was 0");
  }

  @Test
  void maximumBelowMinimumIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, SHORTLIST, 5, 4, 100, BigDecimal.TEN))
        .withMessage("maxProjects must be at least minProjects (5), was 4");
  }

  @Test
  void potsFromNothingToTheLargestAllowedAreAccepted() {
    assertThatCode(() -> new PortfolioRequest(CANDIDATES, SHORTLIST, 5, 8, 0, BigDecimal.TEN))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new PortfolioRequest(
                    CANDIDATES, SHORTLIST, 5, 8, PortfolioRequest.MAX_POT_AMOUNT, BigDecimal.TEN))
        .doesNotThrowAnyException();
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PortfolioRequest(
                    CANDIDATES,
                    SHORTLIST,
                    5,
                    8,
                    PortfolioRequest.MAX_POT_AMOUNT + 1,
                    BigDecimal.TEN))
        .withMessageStartingWith("potAmount must be between 0 and");
  }

  @Test
  void negativePotIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, SHORTLIST, 5, 8, -1, BigDecimal.TEN))
        .withMessageStartingWith("potAmount must be between 0 and");
  }

  @Test
  void absurdPotIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new PortfolioRequest(CANDIDATES, SHORTLIST, 5, 8, Long.MAX_VALUE, BigDecimal.TEN))
        .withMessageStartingWith("potAmount must be between 0 and");
  }

  @Test
  void missingCandidatesAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(null, SHORTLIST, 5, 8, 100, BigDecimal.TEN))
        .withMessageStartingWith("candidates must be a list");
  }

  @Test
  void nullCandidateIsRejected() {
    List<PortfolioCandidate> withNull = Arrays.asList(candidate("A", 100, "20"), null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(withNull, SHORTLIST, 5, 8, 100, BigDecimal.TEN))
        .withMessageStartingWith("candidates must be a list");
  }

  @Test
  void missingShortlistIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, null, 5, 8, 100, BigDecimal.TEN))
        .withMessageStartingWith("shortlist must be a set");
  }

  @Test
  void nullInShortlistIsRejected() {
    Set<String> withNull = new HashSet<>(Arrays.asList("CSE", null));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, withNull, 5, 8, 100, BigDecimal.TEN))
        .withMessageStartingWith("shortlist must be a set");
  }

  @Test
  void missingThresholdIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(CANDIDATES, SHORTLIST, 5, 8, 100, null))
        .withMessage("fundableThreshold is missing");
  }

  @Test
  void duplicateReferencesAreRejected() {
    List<PortfolioCandidate> duplicates =
        List.of(candidate("A", 100, "20"), candidate("B", 100, "20"), candidate("A", 200, "10"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioRequest(duplicates, SHORTLIST, 5, 8, 100, BigDecimal.TEN))
        .withMessage("candidates: reference A appears more than once");
  }

  @Test
  void nullRequestIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioOptimizer().recommend(null))
        .withMessage("request is missing");
  }

  @Test
  void blankReferenceIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> candidate(" ", 100, "20"))
        .withMessage("A candidate needs a non-blank reference");
  }

  @Test
  void costOfZeroIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> candidate("A", 0, "20"))
        .withMessage("Candidate A: cost must be more than £0, was £0");
  }

  @Test
  void scoreOutsideFiveToTwentyFiveIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> candidate("A", 100, "25.01"))
        .withMessage("Candidate A: totalScore must be between 5 and 25, was 25.01");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> candidate("A", 100, "4.99"))
        .withMessage("Candidate A: totalScore must be between 5 and 25, was 4.99");
  }

  @Test
  void scoreWithMoreThanTwoDecimalsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> candidate("A", 100, "18.333"))
        .withMessage("Candidate A: totalScore may have at most 2 decimal places, was 18.333");
  }

  @Test
  void trailingZerosBeyondTwoDecimalsAreAccepted() {
    candidate("A", 100, "18.3300");
  }

  @Test
  void theOldConstructorsMeanNoYears() {
    PortfolioCandidate candidate = candidate("A", 100, "20");
    PortfolioRequest request =
        new PortfolioRequest(List.of(candidate), SHORTLIST, 1, 1, 100, BigDecimal.TEN);

    assertThat(candidate.costByYear()).isEmpty();
    assertThat(request.yearBudgets()).isEmpty();
  }

  @Test
  void costByYearMustAddUpToTheCost() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(350, Map.of("2018/19", 200L, "2019/20", 100L)))
        .withMessage("Candidate A: costByYear must add up to the cost of £350, adds up to £300");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(350, Map.of("2018/19", Long.MAX_VALUE, "2019/20", 1L)))
        .withMessage(
            "Candidate A: costByYear must add up to the cost of £350, adds up to more than £"
                + Long.MAX_VALUE);
  }

  @Test
  void negativeCostInAYearIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(100, Map.of("2018/19", 150L, "2019/20", -50L)))
        .withMessage("Candidate A: costByYear for 2019/20 must be at least £0, was £-50");
  }

  @Test
  void nullsInCostByYearAreRejected() {
    Map<String, Long> nullYear = new HashMap<>();
    nullYear.put(null, 100L);
    Map<String, Long> nullAmount = new HashMap<>();
    nullAmount.put("2018/19", null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(100, null))
        .withMessageStartingWith("Candidate A: costByYear must be a map");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(100, nullYear))
        .withMessageStartingWith("Candidate A: costByYear needs a financial year and an amount");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> split(100, nullAmount))
        .withMessageStartingWith("Candidate A: costByYear needs a financial year and an amount");
  }

  @Test
  void costByYearIsAnImmutableCopyInYearOrder() {
    Map<String, Long> years = new HashMap<>(Map.of("2019/20", 0L, "2018/19", 100L));
    PortfolioCandidate candidate = split(100, years);
    years.clear();

    assertThat(candidate.costByYear().keySet()).containsExactly("2018/19", "2019/20");
    assertThatThrownBy(() -> candidate.costByYear().put("2020/21", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void yearBudgetsMustBeBetweenNothingAndTheLargestPot() {
    assertThatCode(() -> yearRequest(Map.of("2018/19", 0L, "2019/20", MAX_POT_AMOUNT)))
        .doesNotThrowAnyException();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> yearRequest(Map.of("2018/19", -1L)))
        .withMessage(
            "yearBudgets for 2018/19 must be between 0 and " + MAX_POT_AMOUNT + ", was -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> yearRequest(Map.of("2018/19", MAX_POT_AMOUNT + 1)))
        .withMessageStartingWith("yearBudgets for 2018/19 must be between 0 and");
  }

  @Test
  void nullsInYearBudgetsAreRejected() {
    Map<String, Long> nullYear = new HashMap<>();
    nullYear.put(null, 100L);
    Map<String, Long> nullAmount = new HashMap<>();
    nullAmount.put("2018/19", null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> yearRequest(null))
        .withMessageStartingWith("yearBudgets must be a map");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> yearRequest(nullYear))
        .withMessageStartingWith("yearBudgets needs a financial year and an amount");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> yearRequest(nullAmount))
        .withMessageStartingWith("yearBudgets needs a financial year and an amount");
  }

  private static PortfolioCandidate split(long cost, Map<String, Long> costByYear) {
    return new PortfolioCandidate("A", cost, BigDecimal.TEN, Set.of(), costByYear);
  }

  private static PortfolioRequest yearRequest(Map<String, Long> yearBudgets) {
    return new PortfolioRequest(CANDIDATES, SHORTLIST, 1, 1, 100, BigDecimal.TEN, yearBudgets);
  }

  @Test
  void missingPrioritiesAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortfolioCandidate("A", 100, BigDecimal.TEN, null))
        .withMessageStartingWith("Candidate A: priorities must be a set");
  }
}
