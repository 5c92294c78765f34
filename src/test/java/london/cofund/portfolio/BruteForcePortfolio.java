package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of {@link PortfolioOptimizer}, implemented as plainly as possible: try every subset of
 * the fundable candidates. Exponential, so only for small instances, but obviously right, which is
 * what the optimizer is checked against. The year flag is found by its definition: the best under
 * the pot alone differs from the best under the pot and the years.
 */
final class BruteForcePortfolio {

  private BruteForcePortfolio() {}

  static RecommendedPortfolio recommend(PortfolioRequest request) {
    List<PortfolioCandidate> fundable = new ArrayList<>();
    List<String> notFunded = new ArrayList<>();
    for (PortfolioCandidate candidate : request.candidates()) {
      if (candidate.totalScore().compareTo(request.fundableThreshold()) >= 0) {
        fundable.add(candidate);
      } else {
        notFunded.add(candidate.reference());
      }
    }
    int n = fundable.size();
    if (n > 20) {
      throw new IllegalArgumentException("Too many fundable candidates for brute force: " + n);
    }

    List<String> flags = new ArrayList<>();
    int min = minimum(request, fundable, true, flags);
    Integer best = best(request, fundable, min, true);
    if (!request.yearBudgets().isEmpty()) {
      int minPotOnly = minimum(request, fundable, false, new ArrayList<>());
      if (!best.equals(best(request, fundable, minPotOnly, false))) {
        flags.add("YEAR_BUDGET_BINDS");
      }
    }

    List<String> funded = references(fundable, best);
    List<String> deferred = new ArrayList<>();
    Map<String, Long> costByYear = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if ((best & (1 << i)) == 0) {
        deferred.add(fundable.get(i).reference());
      } else {
        fundable
            .get(i)
            .costByYear()
            .forEach((year, amount) -> costByYear.merge(year, amount, Long::sum));
      }
    }
    deferred.sort(null);
    notFunded.sort(null);
    long cost = cost(fundable, best);
    return new RecommendedPortfolio(
        funded,
        deferred,
        notFunded,
        flags,
        coverage(fundable, best, request.shortlist()),
        score(fundable, best).setScale(2),
        cost,
        request.potAmount() - cost,
        costByYear);
  }

  /** The minimum number of projects to hold to, adding the flag when it has to be dropped. */
  private static int minimum(
      PortfolioRequest request,
      List<PortfolioCandidate> fundable,
      boolean withYears,
      List<String> flags) {
    if (fundable.size() < request.minProjects()) {
      flags.add("BELOW_MINIMUM");
      return 0;
    }
    for (int subset = 0; subset < (1 << fundable.size()); subset++) {
      if (Integer.bitCount(subset) >= request.minProjects()
          && allowed(request, fundable, subset, withYears)) {
        return request.minProjects();
      }
    }
    flags.add("POT_TOO_SMALL_FOR_MINIMUM");
    return 0;
  }

  /** The best allowed subset with at least {@code min} projects. */
  private static Integer best(
      PortfolioRequest request, List<PortfolioCandidate> fundable, int min, boolean withYears) {
    Comparator<Integer> better =
        Comparator.<Integer>comparingInt(subset -> coverage(fundable, subset, request.shortlist()))
            .thenComparing(subset -> score(fundable, subset))
            .thenComparing(subset -> -cost(fundable, subset))
            .thenComparing(
                (a, b) -> compareLists(references(fundable, b), references(fundable, a)));
    Integer best = null;
    for (int subset = 0; subset < (1 << fundable.size()); subset++) {
      if (Integer.bitCount(subset) >= min
          && allowed(request, fundable, subset, withYears)
          && (best == null || better.compare(subset, best) > 0)) {
        best = subset;
      }
    }
    return best;
  }

  /**
   * At most the maximum number of projects, within the pot and, if asked, within every year's
   * budget, where a year the budgets do not name has none.
   */
  private static boolean allowed(
      PortfolioRequest request, List<PortfolioCandidate> fundable, int subset, boolean withYears) {
    if (Integer.bitCount(subset) > request.maxProjects()
        || cost(fundable, subset) > request.potAmount()) {
      return false;
    }
    if (!withYears || request.yearBudgets().isEmpty()) {
      return true;
    }
    Map<String, Long> spent = new HashMap<>();
    for (int i = 0; i < fundable.size(); i++) {
      if ((subset & (1 << i)) != 0) {
        fundable
            .get(i)
            .costByYear()
            .forEach((year, amount) -> spent.merge(year, amount, Long::sum));
      }
    }
    return spent.entrySet().stream()
        .allMatch(e -> e.getValue() <= request.yearBudgets().getOrDefault(e.getKey(), 0L));
  }

  private static long cost(List<PortfolioCandidate> candidates, int subset) {
    long total = 0;
    for (int i = 0; i < candidates.size(); i++) {
      if ((subset & (1 << i)) != 0) {
        total += candidates.get(i).cost();
      }
    }
    return total;
  }

  private static BigDecimal score(List<PortfolioCandidate> candidates, int subset) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < candidates.size(); i++) {
      if ((subset & (1 << i)) != 0) {
        total = total.add(candidates.get(i).totalScore());
      }
    }
    return total;
  }

  private static int coverage(
      List<PortfolioCandidate> candidates, int subset, Set<String> shortlist) {
    Set<String> covered = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      if ((subset & (1 << i)) != 0) {
        for (String priority : candidates.get(i).priorities()) {
          if (shortlist.contains(priority)) {
            covered.add(priority);
          }
        }
      }
    }
    return covered.size();
  }

  private static List<String> references(List<PortfolioCandidate> candidates, int subset) {
    List<String> references = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if ((subset & (1 << i)) != 0) {
        references.add(candidates.get(i).reference());
      }
    }
    references.sort(null);
    return references;
  }

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int comparison = a.get(i).compareTo(b.get(i));
      if (comparison != 0) {
        return comparison;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
