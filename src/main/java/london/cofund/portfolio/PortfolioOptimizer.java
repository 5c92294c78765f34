package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Recommends which assessed proposals of a funding round to fund, so that the decision panel starts
 * from the provably best portfolio rather than from a ranking that ignores the pot and the round's
 * priorities.
 *
 * <p><b>Rules.</b> Only fundable proposals (total score at or above the threshold) may be funded;
 * the rest are {@code notFunded}. A selection must have between {@code minProjects} and {@code
 * maxProjects} projects and cost no more than the pot. Among those, the recommendation maximises,
 * in this order:
 *
 * <ol>
 *   <li>the number of distinct short-listed priorities its projects address (the fund exists to
 *       cover the round's priorities; themes off the short list count for nothing);
 *   <li>the sum of the projects' total scores, compared exactly;
 *   <li>the money left unspent, i.e. the lower total cost.
 * </ol>
 *
 * Remaining ties go to the selection whose sorted list of references is lexicographically smallest,
 * so the same request always yields the same recommendation. Fundable proposals that are not
 * selected are {@code deferred}.
 *
 * <p><b>Budgets per financial year.</b> When the request names {@linkplain
 * PortfolioRequest#yearBudgets() budgets per year}, a selection must also spend no more than each
 * year's budget, counting each candidate's {@linkplain PortfolioCandidate#costByYear() split}; a
 * year missing from the budgets has £0. Candidates without a split count against the pot only. The
 * objective and the tie-break are unchanged. If the per-year limits change the recommendation (the
 * best selection under the pot alone breaks a year's budget), it carries {@link
 * PortfolioFlag#YEAR_BUDGET_BINDS}. The recommendation's {@link RecommendedPortfolio#costByYear()}
 * shows what it spends in each year.
 *
 * <p><b>When the minimum cannot be met</b>, the panel still needs the best that can be done, so the
 * optimizer drops the minimum rather than fail, keeps the maximum and the pot, and says why in a
 * flag:
 *
 * <ul>
 *   <li>{@link PortfolioFlag#BELOW_MINIMUM}: fewer fundable proposals than {@code minProjects}.
 *   <li>{@link PortfolioFlag#POT_TOO_SMALL_FOR_MINIMUM}: enough fundable proposals, but even the
 *       {@code minProjects} cheapest of them cost more than the pot, or no selection of that many
 *       fits every year's budget (then with {@link PortfolioFlag#YEAR_BUDGET_BINDS}). The
 *       recommendation is the best selection that fits, which necessarily has fewer projects than
 *       the minimum. We chose this over an empty recommendation because the panel can then decide
 *       between funding fewer projects, raising the pot or lowering the threshold with the real
 *       trade-off in front of it.
 * </ul>
 *
 * <p><b>Method and limits.</b> The search is an exact branch and bound, bounded by a dynamic
 * programme over the set of priorities covered; docs/portfolio-optimizer.md explains why it is
 * exact and how fast it is. That programme's table has {@code (projects + 1) x 2^priorities}
 * entries per row, where "priorities" counts only short-listed priorities that some affordable
 * fundable proposal addresses. A request that would need more than 2^20 entries per row (for
 * example more than 16 such priorities with up to 8 projects) is rejected with an {@link
 * IllegalArgumentException} rather than allowed to exhaust memory; a short list that long is far
 * beyond any real round (tranche 1 had four priorities).
 *
 * <p>Stateless and thread-safe: every call works on its own data.
 */
@Component
public final class PortfolioOptimizer {

  /** The memory budget of one completion table, in longs (8 MiB). */
  static final int DEFAULT_MAX_TABLE_ENTRIES = 1 << 20;

  private final int maxTableEntries;
  private final int maxTableRows;

  /** Creates an optimizer with the default memory budget. */
  public PortfolioOptimizer() {
    this(DEFAULT_MAX_TABLE_ENTRIES, Integer.MAX_VALUE);
  }

  /**
   * Creates an optimizer with a given memory budget per completion table. Tests use it to force
   * sparse tables, whose looser bounds must give the same results.
   */
  PortfolioOptimizer(int maxTableEntries, int maxTableRows) {
    this.maxTableEntries = maxTableEntries;
    this.maxTableRows = maxTableRows;
  }

  /**
   * Recommends the optimal portfolio for a round.
   *
   * @throws IllegalArgumentException if the request is null or its short list is too long to
   *     optimise exactly (see the class comment)
   */
  public RecommendedPortfolio recommend(PortfolioRequest request) {
    return solve(request).portfolio();
  }

  /** The recommendation together with the work the search did, for the benchmark. */
  record Solution(RecommendedPortfolio portfolio, long nodesExplored, int tableStride) {}

  Solution solve(PortfolioRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request is missing");
    }
    List<PortfolioCandidate> fundable = new ArrayList<>();
    List<String> notFunded = new ArrayList<>();
    for (PortfolioCandidate candidate : request.candidates()) {
      if (candidate.totalScore().compareTo(request.fundableThreshold()) >= 0) {
        fundable.add(candidate);
      } else {
        notFunded.add(candidate.reference());
      }
    }
    notFunded.sort(null);

    // The pot alone first: it is the whole answer when there are no year budgets, and also when
    // its best selection happens to fit every year, since a selection that is best among more
    // candidates and allowed among fewer is best among those too.
    Solution potOnly = solve(request, fundable, notFunded, Map.of());
    if (request.yearBudgets().isEmpty()
        || fitsYears(potOnly.portfolio().costByYear(), request.yearBudgets())) {
      return potOnly;
    }
    Solution withYears = solve(request, fundable, notFunded, request.yearBudgets());
    RecommendedPortfolio portfolio = withYears.portfolio();
    List<String> flags = new ArrayList<>(portfolio.flags());
    flags.add(PortfolioFlag.YEAR_BUDGET_BINDS.name());
    return new Solution(
        new RecommendedPortfolio(
            portfolio.funded(),
            portfolio.deferred(),
            portfolio.notFunded(),
            flags,
            portfolio.prioritiesCovered(),
            portfolio.totalScore(),
            portfolio.totalCost(),
            portfolio.unspent(),
            portfolio.costByYear()),
        potOnly.nodesExplored() + withYears.nodesExplored(),
        withYears.tableStride());
  }

  /** The optimal portfolio under the pot and the given year budgets (none when empty). */
  private Solution solve(
      PortfolioRequest request,
      List<PortfolioCandidate> fundable,
      List<String> notFunded,
      Map<String, Long> yearBudgets) {
    long pot = request.potAmount();
    List<String> flags = new ArrayList<>();
    int minItems = request.minProjects();
    if (fundable.size() < request.minProjects()) {
      flags.add(PortfolioFlag.BELOW_MINIMUM.name());
      minItems = 0;
    } else if (cheapest(fundable, request.minProjects()) > pot) {
      flags.add(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM.name());
      minItems = 0;
    }

    // A proposal dearer than the whole pot, or than what one year has, can never be funded;
    // leaving it out of the search keeps every sum the search forms below the pot.
    List<PortfolioCandidate> affordable =
        fundable.stream()
            .filter(candidate -> candidate.cost() <= pot)
            .filter(candidate -> fitsYears(candidate.costByYear(), yearBudgets))
            .toList();
    int maxItems = Math.min(request.maxProjects(), affordable.size());
    Map<String, Integer> priorityBits = priorityBits(request.shortlist(), affordable);
    checkTableFits(priorityBits.size(), maxItems);

    List<String> years = List.copyOf(yearBudgets.keySet());
    long[] budgets = new long[years.size()];
    for (int year = 0; year < budgets.length; year++) {
      // A year cannot spend more than the whole selection costs, so the pot caps each budget.
      budgets[year] = Math.min(pot, yearBudgets.get(years.get(year)));
    }
    List<SearchItem> items = new ArrayList<>();
    for (PortfolioCandidate candidate : affordable) {
      int mask = 0;
      for (String priority : candidate.priorities()) {
        Integer bit = priorityBits.get(priority);
        if (bit != null) {
          mask |= 1 << bit;
        }
      }
      long[] yearCosts = new long[years.size()];
      for (int year = 0; year < yearCosts.length; year++) {
        yearCosts[year] = candidate.costByYear().getOrDefault(years.get(year), 0L);
      }
      int hundredths = candidate.totalScore().movePointRight(2).intValueExact();
      items.add(
          new SearchItem(candidate.reference(), candidate.cost(), hundredths, mask, yearCosts));
    }
    SelectionSearch.Outcome outcome =
        SelectionSearch.optimise(
            items,
            minItems,
            maxItems,
            pot,
            budgets,
            priorityBits.size(),
            maxTableEntries,
            maxTableRows);
    long nodes = outcome.nodesExplored();
    if (outcome.selection().isEmpty()) {
      // The pot fits the minimum but the years do not: as with a small pot, the best that fits.
      flags.add(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM.name());
      outcome =
          SelectionSearch.optimise(
              items, 0, maxItems, pot, budgets, priorityBits.size(), maxTableEntries, maxTableRows);
      nodes += outcome.nodesExplored();
    }
    List<SearchItem> selection =
        outcome
            .selection()
            .orElseThrow(() -> new IllegalStateException("Not even an empty selection fits"));
    return new Solution(
        portfolio(fundable, notFunded, flags, pot, selection), nodes, outcome.tableStride());
  }

  private static RecommendedPortfolio portfolio(
      List<PortfolioCandidate> fundable,
      List<String> notFunded,
      List<String> flags,
      long pot,
      List<SearchItem> selection) {
    Set<String> funded = new TreeSet<>();
    int covered = 0;
    long totalCost = 0;
    for (SearchItem item : selection) {
      funded.add(item.reference());
      covered |= item.priorityMask();
      totalCost += item.cost();
    }
    BigDecimal totalScore = BigDecimal.ZERO.setScale(2);
    Map<String, Long> costByYear = new TreeMap<>();
    List<String> deferred = new ArrayList<>();
    for (PortfolioCandidate candidate : fundable) {
      if (funded.contains(candidate.reference())) {
        totalScore = totalScore.add(candidate.totalScore());
        candidate.costByYear().forEach((year, amount) -> costByYear.merge(year, amount, Long::sum));
      } else {
        deferred.add(candidate.reference());
      }
    }
    deferred.sort(null);
    return new RecommendedPortfolio(
        List.copyOf(funded),
        deferred,
        notFunded,
        flags,
        Integer.bitCount(covered),
        totalScore.setScale(2),
        totalCost,
        pot - totalCost,
        costByYear);
  }

  /**
   * Whether spending of these amounts per year keeps within the budgets: always, when there are
   * none; otherwise a year without a budget has £0.
   */
  private static boolean fitsYears(Map<String, Long> spending, Map<String, Long> yearBudgets) {
    if (yearBudgets.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, Long> entry : spending.entrySet()) {
      if (entry.getValue() > yearBudgets.getOrDefault(entry.getKey(), 0L)) {
        return false;
      }
    }
    return true;
  }

  /** The total cost of the {@code count} cheapest candidates; saturates instead of overflowing. */
  private static long cheapest(List<PortfolioCandidate> candidates, int count) {
    long[] costs = candidates.stream().mapToLong(PortfolioCandidate::cost).sorted().toArray();
    long sum = 0;
    for (int i = 0; i < count; i++) {
      if (sum > Long.MAX_VALUE - costs[i]) {
        return Long.MAX_VALUE;
      }
      sum += costs[i];
    }
    return sum;
  }

  /**
   * Numbers the short-listed priorities that some affordable fundable candidate addresses, in code
   * order. The others cannot be covered by any selection, so they would only enlarge the tables.
   */
  private static Map<String, Integer> priorityBits(
      Set<String> shortlist, List<PortfolioCandidate> candidates) {
    Set<String> addressed = new TreeSet<>();
    Set<String> shortlisted = new HashSet<>(shortlist);
    for (PortfolioCandidate candidate : candidates) {
      for (String priority : candidate.priorities()) {
        if (shortlisted.contains(priority)) {
          addressed.add(priority);
        }
      }
    }
    Map<String, Integer> bits = new HashMap<>();
    for (String priority : addressed) {
      bits.put(priority, bits.size());
    }
    return bits;
  }

  private void checkTableFits(int priorities, int maxItems) {
    int supported = 0;
    while (supported < 30 && ((long) (maxItems + 1) << (supported + 1)) <= maxTableEntries) {
      supported++;
    }
    if (priorities > supported || maxItems + 1 > maxTableEntries) {
      throw new IllegalArgumentException(
          "shortlist: fundable proposals address "
              + priorities
              + " short-listed priorities, but with up to "
              + maxItems
              + " projects at most "
              + supported
              + " can be optimised exactly");
    }
  }
}
