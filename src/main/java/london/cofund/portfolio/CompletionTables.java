package london.cofund.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The branch and bound's look-ahead: for the items from position {@code j} onwards (the items the
 * search may still add), the cheapest way, and a bound on the best score, of adding exactly {@code
 * t} of them so that together they address every priority in a set {@code N}.
 *
 * <p>Both tables come from one exact dynamic programme over (item, count, priority set). Covering
 * "at least N" gives the recurrence {@code F(j, t, N) = best(F(j+1, t, N), item j + F(j+1, t-1, N
 * minus item j's priorities))}, so it costs O(items x counts x 2^priorities) to build.
 *
 * <ul>
 *   <li>{@code minCost(j, t, N)} is exact: no t items from the suffix that cover N cost less. The
 *       search uses it to drop branches that cannot reach the target coverage or the minimum
 *       project count within the remaining money, and as a lower bound on the final cost.
 *   <li>{@code scoreBound(j, t, N, budget)} relaxes only the money. For a multiplier {@code λ = p /
 *       q >= 0} the table holds the maximum of {@code Σ (q·score − p·cost)} over the same sets. Any
 *       set X that also fits the budget has {@code q·score(X) = Σ (q·score − p·cost) + p·cost(X) <=
 *       table + p·budget}, so {@code floor((table + p·budget) / q)} bounds its score (weak
 *       Lagrangian duality). That holds for every λ, so the minimum over a few λ is still a bound.
 *       λ = 0 is the plain "best t scores that cover N"; the other λ is the optimal multiplier of
 *       the root's linear relaxation, which prices money in score points and makes the bound tight
 *       when the pot, not the project count, binds.
 * </ul>
 *
 * <p>What makes the bound strong is that it keeps the coverage and the count exact: a branch whose
 * best remaining proposals do not address the missing priorities is bounded by the score of those
 * that do, not by the best scores overall.
 *
 * <p>When the full table would exceed the memory budget, rows are kept only every {@code stride}
 * items and position {@code j} reads the row of the nearest kept position at or before it. That row
 * describes a superset of the remaining items, so its minimum cost can only be lower and its score
 * bound only higher: the bounds stay valid, just looser.
 *
 * <p><b>Budgets per financial year.</b> When the search must also keep each year's spending within
 * that year's budget, the same programme runs once more per year with the item's spending in that
 * year as its cost: {@link #minYearCost} is the least a completion spends in that year, and a
 * multiplier priced on that year's money joins the score bounds ({@link #scoreBound(int, int, int,
 * long, long[])}). Each is a relaxation that ignores the other limits, so each stays valid, and the
 * minimum of valid bounds is valid. Without year budgets there are no such tables.
 *
 * <p>Arithmetic is exact. Scores are integers (hundredths); each item costs at most the pot;
 * multipliers are chosen so that no table entry or bound can overflow a long ({@link #fits}); sums
 * of costs saturate at {@link #UNREACHABLE}, which is safe because the pot is always smaller, so a
 * saturated sum still reads as "does not fit".
 */
final class CompletionTables {

  /** A cost no completion reaches: the cheapest completion with these properties does not exist. */
  static final long UNREACHABLE = Long.MAX_VALUE;

  private static final long NO_SET = Long.MIN_VALUE;

  /**
   * A Lagrange multiplier λ = p / q, in integers so that bounds are exact, on the total cost
   * ({@code year} −1) or on the spending in one financial year.
   */
  record Multiplier(long p, long q, int year) {}

  private static final int TOTAL = -1;

  private final int counts;
  private final int masks;
  private final int stride;
  private final int years;
  private final long[] minCost;
  private final long[][] minYearCost;
  private final List<Multiplier> multipliers;
  private final long[][] maxValue;

  /**
   * Builds the tables.
   *
   * @param items the items in search order
   * @param maxItems the most items any completion may add
   * @param priorityCount the number of priority bits in the items' masks
   * @param pot the money available, which bounds every completion's cost
   * @param maxEntries the most longs one table may hold
   * @param maxRows the most rows to keep, whatever the memory budget (tests force sparse rows)
   */
  CompletionTables(
      List<SearchItem> items,
      int maxItems,
      int priorityCount,
      long pot,
      int maxEntries,
      int maxRows) {
    this(items, maxItems, priorityCount, pot, new long[0], maxEntries, maxRows);
  }

  /**
   * Builds the tables for a search that also keeps within a budget per financial year.
   *
   * @param yearBudgets each year's budget, indexed like the items' {@link SearchItem#yearCosts()},
   *     each at most the pot (a year cannot spend more than the whole selection costs)
   */
  CompletionTables(
      List<SearchItem> items,
      int maxItems,
      int priorityCount,
      long pot,
      long[] yearBudgets,
      int maxEntries,
      int maxRows) {
    int n = items.size();
    this.years = yearBudgets.length;
    this.counts = maxItems + 1;
    this.masks = 1 << priorityCount;
    int entriesPerRow = counts * masks;
    int rowBudget = Math.min(maxRows, maxEntries / entriesPerRow);
    if (rowBudget < 1) {
      throw new IllegalStateException("Completion table row does not fit: " + entriesPerRow);
    }
    this.stride = Math.max(1, (n + rowBudget - 1) / rowBudget);
    int rows = Math.max(1, (n + stride - 1) / stride);
    this.multipliers = new ArrayList<>(chooseMultipliers(items, maxItems, pot, TOTAL, pot));
    for (int year = 0; year < years; year++) {
      List<Multiplier> priced = chooseMultipliers(items, maxItems, pot, year, yearBudgets[year]);
      multipliers.addAll(priced.subList(1, priced.size()));
    }

    this.minCost = new long[rows * entriesPerRow];
    this.minYearCost = new long[years][rows * entriesPerRow];
    this.maxValue = new long[multipliers.size()][rows * entriesPerRow];

    // One rolling layer per table holds the suffix after item j; it starts as the empty suffix,
    // where only "no items, no priorities" is possible.
    long[] costLayer = new long[entriesPerRow];
    Arrays.fill(costLayer, UNREACHABLE);
    costLayer[0] = 0;
    long[][] yearCostLayers = new long[years][entriesPerRow];
    for (long[] layer : yearCostLayers) {
      Arrays.fill(layer, UNREACHABLE);
      layer[0] = 0;
    }
    long[][] valueLayers = new long[multipliers.size()][entriesPerRow];
    for (long[] layer : valueLayers) {
      Arrays.fill(layer, NO_SET);
      layer[0] = 0;
    }
    if (n == 0) {
      store(costLayer, yearCostLayers, valueLayers, 0);
    }
    for (int j = n - 1; j >= 0; j--) {
      SearchItem item = items.get(j);
      long[] weights = new long[multipliers.size()];
      for (int m = 0; m < weights.length; m++) {
        Multiplier multiplier = multipliers.get(m);
        weights[m] =
            multiplier.q() * item.scoreHundredths() - multiplier.p() * pricedCost(item, multiplier);
      }
      // Descending t, so that row t-1 still describes the suffix after j when row t reads it.
      for (int t = counts - 1; t >= 1; t--) {
        int to = t * masks;
        int from = (t - 1) * masks;
        for (int need = 0; need < masks; need++) {
          int rest = from + (need & ~item.priorityMask());
          long withItem = costLayer[rest];
          if (withItem != UNREACHABLE) {
            withItem = saturatedAdd(withItem, item.cost());
            if (withItem < costLayer[to + need]) {
              costLayer[to + need] = withItem;
            }
          }
          for (int year = 0; year < years; year++) {
            long spent = yearCostLayers[year][rest];
            if (spent != UNREACHABLE) {
              spent = saturatedAdd(spent, item.yearCosts()[year]);
              if (spent < yearCostLayers[year][to + need]) {
                yearCostLayers[year][to + need] = spent;
              }
            }
          }
          for (int m = 0; m < weights.length; m++) {
            long value = valueLayers[m][rest];
            if (value != NO_SET && value + weights[m] > valueLayers[m][to + need]) {
              valueLayers[m][to + need] = value + weights[m];
            }
          }
        }
      }
      if (j % stride == 0) {
        store(costLayer, yearCostLayers, valueLayers, j / stride);
      }
    }
  }

  private static long pricedCost(SearchItem item, Multiplier multiplier) {
    return multiplier.year() == TOTAL ? item.cost() : item.yearCosts()[multiplier.year()];
  }

  private void store(long[] costLayer, long[][] yearCostLayers, long[][] valueLayers, int row) {
    int offset = row * counts * masks;
    System.arraycopy(costLayer, 0, minCost, offset, costLayer.length);
    for (int year = 0; year < years; year++) {
      System.arraycopy(yearCostLayers[year], 0, minYearCost[year], offset, costLayer.length);
    }
    for (int m = 0; m < valueLayers.length; m++) {
      System.arraycopy(valueLayers[m], 0, maxValue[m], offset, valueLayers[m].length);
    }
  }

  /**
   * The least total cost of exactly {@code count} items from position {@code from} onwards whose
   * priorities include every bit of {@code need}, or {@link #UNREACHABLE}.
   */
  long minCost(int from, int count, int need) {
    return minCost[index(from, count, need)];
  }

  /**
   * The least that exactly {@code count} items from position {@code from} onwards whose priorities
   * include every bit of {@code need} spend in the given financial year, or {@link #UNREACHABLE}.
   */
  long minYearCost(int year, int from, int count, int need) {
    return minYearCost[year][index(from, count, need)];
  }

  /**
   * An upper bound, in hundredths, on the total score of exactly {@code count} items from position
   * {@code from} onwards that cover {@code need} and cost at most {@code budget}. Only meaningful
   * when {@link #minCost} says such a set may exist.
   */
  long scoreBound(int from, int count, int need, long budget) {
    return scoreBound(from, count, need, budget, null);
  }

  /**
   * As {@link #scoreBound(int, int, int, long)}, for sets that also spend at most {@code
   * yearBudgets[y]} in each year y; {@code null} ignores the years, which is a weaker but valid
   * bound.
   */
  long scoreBound(int from, int count, int need, long budget, long[] yearBudgets) {
    int index = index(from, count, need);
    long bound = Long.MAX_VALUE;
    for (int m = 0; m < multipliers.size(); m++) {
      Multiplier multiplier = multipliers.get(m);
      long left;
      if (multiplier.year() == TOTAL) {
        left = budget;
      } else if (yearBudgets != null) {
        left = Math.min(budget, yearBudgets[multiplier.year()]);
      } else {
        continue;
      }
      long value = maxValue[m][index];
      bound = Math.min(bound, Math.floorDiv(value + multiplier.p() * left, multiplier.q()));
    }
    return bound;
  }

  /** How many items share one table row; 1 means every bound is computed on the exact suffix. */
  int stride() {
    return stride;
  }

  private int index(int from, int count, int need) {
    return ((from / stride) * counts + count) * masks + need;
  }

  /**
   * λ = 0, plus the multiplier that minimises the root's Lagrangian relaxation {@code L(λ) =
   * λ·budget + Σ of the maxItems largest positive (score − λ·cost)}, an upper bound on the best
   * score for every λ. L is convex, so a ternary search finds its minimum; precision only affects
   * how tight the bound is, never whether it is valid. The cost is the total cost and the budget
   * the pot, or the spending in one {@code year} and that year's budget.
   */
  private static List<Multiplier> chooseMultipliers(
      List<SearchItem> items, int maxItems, long pot, int year, long budget) {
    List<Multiplier> chosen = new ArrayList<>();
    chosen.add(new Multiplier(0, 1, TOTAL));
    if (items.isEmpty() || maxItems == 0) {
      return chosen;
    }
    double high = 0;
    int maxScore = 0;
    for (SearchItem item : items) {
      long cost = year == TOTAL ? item.cost() : item.yearCosts()[year];
      if (cost > 0) {
        high = Math.max(high, (double) item.scoreHundredths() / cost);
      }
      maxScore = Math.max(maxScore, item.scoreHundredths());
    }
    double low = 0;
    for (int iteration = 0; iteration < 100; iteration++) {
      double left = low + (high - low) / 3;
      double right = high - (high - low) / 3;
      if (relaxation(items, maxItems, budget, year, left)
          <= relaxation(items, maxItems, budget, year, right)) {
        high = right;
      } else {
        low = left;
      }
    }
    double lambda = (low + high) / 2;
    // The finest q = 2^s for which every table entry and bound fits a long with room to spare.
    for (int shift = 40; shift >= 0; shift--) {
      long q = 1L << shift;
      long p = (long) Math.floor(lambda * q);
      if (p > 0 && fits(p, q, maxScore, pot, maxItems)) {
        chosen.add(new Multiplier(p, q, year));
        break;
      }
    }
    return chosen;
  }

  private static double relaxation(
      List<SearchItem> items, int maxItems, long budget, int year, double lambda) {
    double[] reduced = new double[items.size()];
    for (int i = 0; i < reduced.length; i++) {
      SearchItem item = items.get(i);
      long cost = year == TOTAL ? item.cost() : item.yearCosts()[year];
      reduced[i] = item.scoreHundredths() - lambda * cost;
    }
    Arrays.sort(reduced);
    double sum = lambda * budget;
    for (int i = reduced.length - 1; i >= 0 && i >= reduced.length - maxItems; i--) {
      sum += Math.max(0, reduced[i]);
    }
    return sum;
  }

  /**
   * Whether {@code (maxItems + 2) x (q·maxScore + p·pot)} fits in a long with a factor two to
   * spare: it bounds the magnitude of every table entry (at most maxItems terms, each a score and a
   * cost of at most the pot; a year's spending is part of the cost) plus {@code p·budget}, where
   * the budget, a year's included, is at most the pot.
   */
  private static boolean fits(long p, long q, int maxScore, long pot, int maxItems) {
    try {
      long term = Math.addExact(Math.multiplyExact(q, maxScore), Math.multiplyExact(p, pot));
      return Math.multiplyExact(term, (long) maxItems + 2) <= Long.MAX_VALUE / 2;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private static long saturatedAdd(long a, long b) {
    return a > UNREACHABLE - b ? UNREACHABLE : a + b;
  }
}
