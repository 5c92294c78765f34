package london.cofund.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 */
final class SelectionSearch {

  /** The optimal selection and the work done to find it. */
  record Outcome(List<SearchItem> selection, long nodesExplored, int tableStride) {}

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
  private final int allPriorities;
  private final CompletionTables tables;
  private final int targetCoverage;
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
   * @param priorityCount how many priority bits the items' masks use
   * @param maxTableEntries the memory budget of one completion table, in longs
   * @param maxTableRows the most rows a completion table may keep
   */
  static Outcome optimise(
      List<SearchItem> items,
      int minItems,
      int maxItems,
      long pot,
      int priorityCount,
      int maxTableEntries,
      int maxTableRows) {
    Optimum optimum =
        findOptimum(items, minItems, maxItems, pot, priorityCount, maxTableEntries, maxTableRows);
    SelectionSearch byReference =
        new SelectionSearch(
            items.stream().sorted(BY_REFERENCE).toList(),
            minItems,
            maxItems,
            pot,
            priorityCount,
            maxTableEntries,
            maxTableRows,
            optimum.coverage(),
            true);
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
    return new Outcome(selection, optimum.nodes() + byReference.nodes, optimum.tableStride());
  }

  /** What pass 1 hands to pass 2; its tables can be collected before pass 2 builds its own. */
  private record Optimum(int coverage, long score, long cost, long nodes, int tableStride) {}

  private static Optimum findOptimum(
      List<SearchItem> items,
      int minItems,
      int maxItems,
      long pot,
      int priorityCount,
      int maxTableEntries,
      int maxTableRows) {
    SelectionSearch byScore =
        new SelectionSearch(
            items.stream().sorted(BEST_SCORE_FIRST).toList(),
            minItems,
            maxItems,
            pot,
            priorityCount,
            maxTableEntries,
            maxTableRows,
            -1,
            false);
    byScore.explore(0, 0, 0, 0, 0);
    if (byScore.best == null) {
      throw new IllegalStateException("No selection covers the reachable priorities");
    }
    return new Optimum(
        byScore.targetCoverage,
        byScore.bestScore,
        byScore.bestCost,
        byScore.nodes,
        byScore.tables.stride());
  }

  private SelectionSearch(
      List<SearchItem> items,
      int minItems,
      int maxItems,
      long pot,
      int priorityCount,
      int maxTableEntries,
      int maxTableRows,
      int knownTargetCoverage,
      boolean stopAtFirstImprovement) {
    this.items = items;
    this.minItems = minItems;
    this.maxItems = maxItems;
    this.pot = pot;
    this.allPriorities = (1 << priorityCount) - 1;
    this.tables =
        new CompletionTables(items, maxItems, priorityCount, pot, maxTableEntries, maxTableRows);
    this.targetCoverage = knownTargetCoverage >= 0 ? knownTargetCoverage : bestReachableCoverage();
    this.stopAtFirstImprovement = stopAtFirstImprovement;
    this.current = new int[maxItems];
  }

  /**
   * The largest number of priorities covered by any selection that respects the project count and
   * the pot. Reads the row for all items, which is always stored exactly.
   */
  private int bestReachableCoverage() {
    int coverage = -1;
    for (int need = 0; need <= allPriorities; need++) {
      if (Integer.bitCount(need) > coverage && cheapest(need) <= pot) {
        coverage = Integer.bitCount(need);
      }
    }
    if (coverage < 0) {
      throw new IllegalStateException("No selection respects the project count and the pot");
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
      if (item.cost() <= budget) {
        current[count] = position;
        explore(
            position + 1,
            count + 1,
            cost + item.cost(),
            score + item.scoreHundredths(),
            covered | item.priorityMask());
      }
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
      if (cheapest > budget) {
        continue;
      }
      long scoreBound = score + tables.scoreBound(from, count, need, budget);
      if (scoreBound > bestScore || (scoreBound == bestScore && cost + cheapest < bestCost)) {
        return true;
      }
    }
    return false;
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
