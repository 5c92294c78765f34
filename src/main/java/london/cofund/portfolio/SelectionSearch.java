package london.cofund.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the optimal selection by depth-first branch and bound, in two passes. One instance serves
 * one pass of one request: it holds the incumbent and is not thread-safe.
 *
 * <p>The objective is lexicographic: coverage, then score, then lower cost, then the
 * lexicographically smallest sorted list of references.
 *
 * <ol>
 *   <li><b>Target coverage.</b> The exact table of {@link CompletionTables} over all items gives
 *       the cheapest selection of every size for every priority set, so the best reachable coverage
 *       K* is read off directly. No selection covers more and one covering K* exists, so only
 *       selections covering exactly K* can be optimal; nothing else is considered.
 *   <li><b>Pass 1, best objective.</b> Items are ordered by score, best first, so good selections
 *       are met early and the incumbent becomes strong quickly. A selection replaces the incumbent
 *       only if strictly better on (score, cost), and a branch is pruned unless it could be
 *       strictly better. This proves the optimal (score, cost) without wading through exact ties,
 *       which are common when scores and costs are round numbers.
 *   <li><b>Pass 2, tie-break.</b> Items are ordered by reference. Subsets are generated as
 *       increasing sequences of positions, depth first, and a set is visited before its extensions,
 *       so sets are visited in exactly the lexicographic order of their sorted reference lists. The
 *       incumbent starts as a virtual selection with the optimal score and one pound more than the
 *       optimal cost, so precisely the optimal selections improve on it. The first one visited is
 *       the lexicographically smallest, and the pass stops there.
 * </ol>
 *
 * <p><b>Pruning.</b> Before adding the item at position j, a pass asks whether any completion drawn
 * from positions j onwards could improve on the incumbent. A completion adds t items (within the
 * project count) and must address some set N of the still missing priorities with |N| = K* minus
 * what is covered. For each such (t, N), the tables give the least cost (exact) and a score bound
 * (valid for every such set within the remaining money). If no (t, N) fits the money left with a
 * bound above the incumbent's score, or equal to it with a lower least cost, nothing from j on can
 * improve. Both bounds only get worse as j grows, because later suffixes are subsets of earlier
 * ones, so the loop stops rather than trying later positions. Only branches that provably hold no
 * improvement are discarded, so both passes are exact.
 *
 * <p><b>Budgets per financial year.</b> An item is added only if the selection still spends no more
 * than each year's budget. Spending never falls as items are added, so this discards only
 * selections that break a year's budget, and every selection the search meets fits every year. The
 * tables keep ignoring the years in their coverage target, so K* may now be out of reach: when pass
 * 1 finds no selection covering K*, it searches again for K* − 1, and so on down, reusing the
 * tables. The first coverage at which a selection exists is the optimal coverage, because none
 * covers more. Pass 1 at that coverage then proves the optimal (score, cost) among selections that
 * fit every year, and pass 2 starts from that optimum, so its virtual incumbent is improved on
 * exactly by the optimal selections that fit every year, and it still stops at the
 * lexicographically smallest of them. Look-ahead for the years: the tables also give the least that
 * a completion spends in each year and score bounds priced on each year's money, and a branch that
 * could not fit a year is cut like one that could not fit the pot. Without year budgets nothing of
 * this runs: the arrays have length zero.
 */
final class SelectionSearch {

  /**
   * The optimal selection, if any selection with at least the minimum number of items fits the
   * money, and the work done to find it.
   */
  record Outcome(Optional<List<SearchItem>> selection, long nodesExplored, int tableStride) {}

  private static final Comparator<SearchItem> BEST_SCORE_FIRST =
      Comparator.comparingInt(SearchItem::scoreHundredths)
          .reversed()
          .thenComparingLong(SearchItem::cost)
          .thenComparing(SearchItem::reference);

  private static final Comparator<SearchItem> BY_REFERENCE =
      Comparator.comparing(SearchItem::reference);

  private final List<SearchItem> items;
  private final int minItems;
  private final int maxItems;
  private final long pot;
  private final long[] yearLeft;
  private final int years;
  private final int allPriorities;
  private final CompletionTables tables;
  private int targetCoverage;
  private final boolean stopAtFirstImprovement;

  private final int[] current;
  private int[] best;
  private int bestCount = -1;
  private long bestScore = Long.MIN_VALUE;
  private long bestCost = Long.MAX_VALUE;
  private long nodes;

  /**
   * Finds the optimal selection.
   *
   * @param items affordable fundable items, each costing at most the pot
   * @param minItems the fewest items a selection may have (0 when the minimum cannot be met)
   * @param maxItems the most items a selection may have, at most {@code items.size()}
   * @param pot the money available
   * @param yearBudgets the money available in each financial year, indexed like the items' {@link
   *     SearchItem#yearCosts()}; empty when only the pot limits the money
   * @param priorityCount how many priority bits the items' masks use
   * @param maxTableEntries the memory budget of one completion table, in longs
   * @param maxTableRows the most rows a completion table may keep
   */
  static Outcome optimise(
      List<SearchItem> items,
      int minItems,
      int maxItems,
      long pot,
      long[] yearBudgets,
      int priorityCount,
      int maxTableEntries,
      int maxTableRows) {
    Limits limits =
        new Limits(
            minItems, maxItems, pot, yearBudgets, priorityCount, maxTableEntries, maxTableRows);
    Optimum optimum = findOptimum(items, limits);
    if (optimum.coverage() < 0) {
      return new Outcome(Optional.empty(), optimum.nodes(), optimum.tableStride());
    }
    SelectionSearch byReference =
        new SelectionSearch(
            items.stream().sorted(BY_REFERENCE).toList(), limits, optimum.coverage(), true);
    byReference.bestScore = optimum.score();
    byReference.bestCost = optimum.cost() + 1;
    byReference.explore(0, 0, 0, 0, 0);
    if (byReference.best == null) {
      throw new IllegalStateException("The tie-break pass did not find the optimum again");
    }
    List<SearchItem> selection = new ArrayList<>();
    for (int i = 0; i < byReference.bestCount; i++) {
      selection.add(byReference.items.get(byReference.best[i]));
    }
    return new Outcome(
        Optional.of(selection), optimum.nodes() + byReference.nodes, optimum.tableStride());
  }

  /** What both passes share: the rules a selection must keep and the tables' memory budget. */
  private record Limits(
      int minItems,
      int maxItems,
      long pot,
      long[] yearBudgets,
      int priorityCount,
      int maxTableEntries,
      int maxTableRows) {}

  /**
   * What pass 1 hands to pass 2; its tables can be collected before pass 2 builds its own. A
   * coverage of −1 means that no selection fits.
   */
  private record Optimum(int coverage, long score, long cost, long nodes, int tableStride) {}

  private static Optimum findOptimum(List<SearchItem> items, Limits limits) {
    SelectionSearch byScore =
        new SelectionSearch(items.stream().sorted(BEST_SCORE_FIRST).toList(), limits, -1, false);
    for (int coverage = byScore.bestReachableCoverage(); coverage >= 0; coverage--) {
      byScore.targetCoverage = coverage;
      byScore.explore(0, 0, 0, 0, 0);
      if (byScore.best != null) {
        return new Optimum(
            coverage, byScore.bestScore, byScore.bestCost, byScore.nodes, byScore.tables.stride());
      }
      if (byScore.years == 0) {
        // Without year budgets the tables' K* is always reached; anything else is a bug.
        throw new IllegalStateException("No selection covers the reachable priorities");
      }
    }
    return new Optimum(-1, 0, 0, byScore.nodes, byScore.tables.stride());
  }

  private SelectionSearch(
      List<SearchItem> items,
      Limits limits,
      int knownTargetCoverage,
      boolean stopAtFirstImprovement) {
    this.items = items;
    this.minItems = limits.minItems();
    this.maxItems = limits.maxItems();
    this.pot = limits.pot();
    this.years = limits.yearBudgets().length;
    this.yearLeft = limits.yearBudgets().clone();
    this.allPriorities = (1 << limits.priorityCount()) - 1;
    this.tables =
        new CompletionTables(
            items,
            maxItems,
            limits.priorityCount(),
            pot,
            limits.yearBudgets(),
            limits.maxTableEntries(),
            limits.maxTableRows());
    this.targetCoverage = knownTargetCoverage;
    this.stopAtFirstImprovement = stopAtFirstImprovement;
    this.current = new int[Math.max(0, maxItems)];
  }

  /**
   * The largest number of priorities covered by any selection that respects the project count and
   * the pot, or −1 if none does. Reads the row for all items, which is always stored exactly. The
   * year budgets are ignored, so with them this is only an upper bound.
   */
  private int bestReachableCoverage() {
    int coverage = -1;
    for (int need = 0; need <= allPriorities; need++) {
      if (Integer.bitCount(need) > coverage && cheapest(need) <= pot) {
        coverage = Integer.bitCount(need);
      }
    }
    return coverage;
  }

  private long cheapest(int need) {
    long cheapest = CompletionTables.UNREACHABLE;
    for (int count = minItems; count <= maxItems; count++) {
      cheapest = Math.min(cheapest, tables.minCost(0, count, need));
    }
    return cheapest;
  }

  /** Visits the current selection, then its extensions by items from {@code from} onwards. */
  private void explore(int from, int count, long cost, long score, int covered) {
    nodes++;
    if (count >= minItems && Integer.bitCount(covered) == targetCoverage) {
      offer(count, cost, score);
    }
    long budget = pot - cost;
    for (int position = from; position < items.size() && count < maxItems; position++) {
      if (isFinished() || !suffixCanImprove(position, count, cost, score, covered)) {
        return;
      }
      SearchItem item = items.get(position);
      if (item.cost() <= budget && (years == 0 || fitsYears(item))) {
        current[count] = position;
        spendYears(item, -1);
        explore(
            position + 1,
            count + 1,
            cost + item.cost(),
            score + item.scoreHundredths(),
            covered | item.priorityMask());
        spendYears(item, +1);
      }
    }
  }

  private boolean fitsYears(SearchItem item) {
    long[] spends = item.yearCosts();
    for (int year = 0; year < years; year++) {
      if (spends[year] > yearLeft[year]) {
        return false;
      }
    }
    return true;
  }

  /** Takes the item's spending off what is left in each year ({@code -1}), or gives it back. */
  private void spendYears(SearchItem item, int sign) {
    long[] spends = item.yearCosts();
    for (int year = 0; year < years; year++) {
      yearLeft[year] += sign * spends[year];
    }
  }

  private boolean isFinished() {
    return stopAtFirstImprovement && best != null;
  }

  /**
   * Whether adding at least one item from {@code from} onwards to the current selection could
   * improve on the incumbent. False means no such selection exists.
   */
  private boolean suffixCanImprove(int from, int count, long cost, long score, int covered) {
    int fewest = Math.max(1, minItems - count);
    int most = maxItems - count;
    int missing = allPriorities & ~covered;
    int needed = targetCoverage - Integer.bitCount(covered);
    if (needed == Integer.bitCount(missing)) {
      return canImprove(from, fewest, most, missing, cost, score);
    }
    // Only some of the missing priorities are needed: any choice of that many may be the one.
    for (int need = missing; ; need = (need - 1) & missing) {
      if (Integer.bitCount(need) == needed && canImprove(from, fewest, most, need, cost, score)) {
        return true;
      }
      if (need == 0) {
        return false;
      }
    }
  }

  private boolean canImprove(int from, int fewest, int most, int need, long cost, long score) {
    long budget = pot - cost;
    for (int count = fewest; count <= most; count++) {
      long cheapest = tables.minCost(from, count, need);
      if (cheapest > budget || (years > 0 && !yearsReachable(from, count, need))) {
        continue;
      }
      long scoreBound =
          score
              + (years == 0
                  ? tables.scoreBound(from, count, need, budget)
                  : tables.scoreBound(from, count, need, budget, yearLeft));
      if (scoreBound > bestScore || (scoreBound == bestScore && cost + cheapest < bestCost)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some completion of that size and coverage could fit what is left of every year. */
  private boolean yearsReachable(int from, int count, int need) {
    for (int year = 0; year < years; year++) {
      if (tables.minYearCost(year, from, count, need) > yearLeft[year]) {
        return false;
      }
    }
    return true;
  }

  private void offer(int count, long cost, long score) {
    if (score > bestScore || (score == bestScore && cost < bestCost)) {
      best = current.clone();
      bestCount = count;
      bestScore = score;
      bestCost = cost;
    }
  }
}
