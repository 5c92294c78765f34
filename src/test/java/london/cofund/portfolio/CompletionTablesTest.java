package london.cofund.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's look-ahead tables, checked against brute force on small rounds: the cheapest
 * completion is exact, the score bound is never below what a completion within the money can reach
 * (or the search would prune the optimum), and it is exact when money does not bind.
 */
class CompletionTablesTest {

  private static final int NO_LIMIT = Integer.MAX_VALUE;

  @Test
  void theCheapestCompletionIsExactForEverySuffixCountAndNeed() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      Instance instance = Instance.random(random);
      CompletionTables tables = instance.tables(NO_LIMIT);
      assertThat(tables.stride()).isOne();
      for (int from = 0; from <= instance.items.size() - 1; from++) {
        for (int count = 0; count <= instance.maxItems; count++) {
          for (int need = 0; need < 1 << instance.priorities; need++) {
            assertThat(tables.minCost(from, count, need))
                .as("%s: from %d, %d items covering %s", instance, from, count, need)
                .isEqualTo(instance.cheapest(from, count, need));
          }
        }
      }
    }
  }

  @Test
  void theScoreBoundIsNeverBelowTheBestCompletionWithinTheBudget() {
    Random random = new Random(23);
    for (int round = 0; round < 200; round++) {
      Instance instance = Instance.random(random);
      CompletionTables tables = instance.tables(NO_LIMIT);
      for (int from = 0; from < instance.items.size(); from++) {
        for (int count = 0; count <= instance.maxItems; count++) {
          for (int need = 0; need < 1 << instance.priorities; need++) {
            long budget = random.nextLong(instance.pot + 1);
            long best = instance.bestScore(from, count, need, budget);
            if (best >= 0) {
              assertThat(tables.scoreBound(from, count, need, budget))
                  .as(
                      "%s: from %d, %d items covering %s within %d",
                      instance, from, count, need, budget)
                  .isGreaterThanOrEqualTo(best);
            }
          }
        }
      }
    }
  }

  @Test
  void theScoreBoundIsExactWhenTheMoneyDoesNotBind() {
    Random random = new Random(37);
    for (int round = 0; round < 200; round++) {
      Instance drawn = Instance.random(random);
      long everything = drawn.items.stream().mapToLong(SearchItem::cost).sum();
      Instance instance = new Instance(drawn.items, drawn.maxItems, drawn.priorities, everything);
      CompletionTables tables = instance.tables(NO_LIMIT);
      for (int count = 0; count <= instance.maxItems; count++) {
        for (int need = 0; need < 1 << instance.priorities; need++) {
          long best = instance.bestScore(0, count, need, everything);
          if (best >= 0) {
            assertThat(tables.scoreBound(0, count, need, everything))
                .as("%s: %d items covering %s", instance, count, need)
                .isEqualTo(best);
          }
        }
      }
    }
  }

  @Test
  void whenThePotBindsPricingMoneyMakesTheBoundExact() {
    // Two dear, well-scored proposals (£1m each) and a cheap one (£100k); the pot (£1.1m) pays for
    // one dear one and the cheap one. The best two scores (19.00) are out of reach; the best
    // affordable pair is 11.00. Scores per pound are tiny (0.001), so the multiplier must be
    // found, and scaled to integers, finely for the bound to reach 11.00 exactly.
    List<SearchItem> items =
        List.of(
            new SearchItem("A", 1_000_000, 1000, 0),
            new SearchItem("B", 1_000_000, 900, 0),
            new SearchItem("C", 100_000, 100, 0));
    CompletionTables tables = new CompletionTables(items, 2, 0, 1_100_000, 1 << 20, NO_LIMIT);

    assertThat(tables.scoreBound(0, 2, 0, 1_100_000)).isEqualTo(1100);
    assertThat(tables.scoreBound(0, 2, 0, 2_000_000))
        .as("with money for both dear ones")
        .isEqualTo(1900);
  }

  @Test
  void sparseRowsGiveLooserButStillValidBounds() {
    Random random = new Random(41);
    for (int round = 0; round < 200; round++) {
      Instance instance = Instance.random(random);
      int n = instance.items.size();
      CompletionTables sparse = instance.tables(2);
      int stride = (n + 1) / 2;
      assertThat(sparse.stride()).isEqualTo(Math.max(1, stride));
      for (int from = 0; from < n; from++) {
        // Position j reads the row of the nearest kept position at or before it.
        int kept = from - from % sparse.stride();
        for (int count = 0; count <= instance.maxItems; count++) {
          for (int need = 0; need < 1 << instance.priorities; need++) {
            assertThat(sparse.minCost(from, count, need))
                .isEqualTo(instance.cheapest(kept, count, need))
                .isLessThanOrEqualTo(instance.cheapest(from, count, need));
            long best = instance.bestScore(from, count, need, instance.pot);
            if (best >= 0) {
              assertThat(sparse.scoreBound(from, count, need, instance.pot))
                  .isGreaterThanOrEqualTo(best);
            }
          }
        }
      }
    }
  }

  @Test
  void theMemoryBudgetSetsHowManyRowsAreKept() {
    List<SearchItem> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(new SearchItem("P" + i, 100 + i, 500 + i, 1 << (i % 2)));
    }
    // A row is (3 counts) x (4 priority sets) = 12 longs.
    assertThat(new CompletionTables(items, 2, 2, 1000, 12 * 10, NO_LIMIT).stride()).isOne();
    assertThat(new CompletionTables(items, 2, 2, 1000, 12 * 5, NO_LIMIT).stride()).isEqualTo(2);
    assertThat(new CompletionTables(items, 2, 2, 1000, 12 * 3, NO_LIMIT).stride()).isEqualTo(4);
    assertThat(new CompletionTables(items, 2, 2, 1000, 12, NO_LIMIT).stride()).isEqualTo(10);
    assertThatThrownBy(() -> new CompletionTables(items, 2, 2, 1000, 11, NO_LIMIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("12");
  }

  @Test
  void withNoItemsOnlyTheEmptyCompletionExists() {
    CompletionTables tables = new CompletionTables(List.of(), 2, 1, 1000, 1 << 20, NO_LIMIT);

    assertThat(tables.minCost(0, 0, 0)).isZero();
    assertThat(tables.minCost(0, 1, 0)).isEqualTo(CompletionTables.UNREACHABLE);
    assertThat(tables.minCost(0, 0, 1)).isEqualTo(CompletionTables.UNREACHABLE);
    assertThat(tables.scoreBound(0, 0, 0, 1000)).isZero();
  }

  @Test
  void aCountOfZeroCoversNothingAndCostsNothing() {
    List<SearchItem> items = List.of(new SearchItem("A", 50, 700, 1));
    CompletionTables tables = new CompletionTables(items, 0, 1, 100, 1 << 20, NO_LIMIT);

    assertThat(tables.minCost(0, 0, 0)).isZero();
    assertThat(tables.minCost(0, 0, 1)).isEqualTo(CompletionTables.UNREACHABLE);
    assertThat(tables.scoreBound(0, 0, 0, 100)).isZero();
  }

  @Test
  void costsNearTheLargestLongSaturateInsteadOfOverflowing() {
    long huge = Long.MAX_VALUE / 2;
    List<SearchItem> items =
        List.of(
            new SearchItem("A", huge, 100, 1),
            new SearchItem("B", huge, 100, 1),
            new SearchItem("C", huge, 100, 1));
    CompletionTables tables = new CompletionTables(items, 3, 1, huge, 1 << 20, NO_LIMIT);

    assertThat(tables.minCost(0, 1, 1)).isEqualTo(huge);
    assertThat(tables.minCost(0, 2, 1)).isEqualTo(2 * huge);
    assertThat(tables.minCost(0, 3, 1)).isEqualTo(CompletionTables.UNREACHABLE);
    assertThat(tables.scoreBound(0, 1, 1, huge)).isGreaterThanOrEqualTo(100);
  }

  @Test
  void boundsStayValidWithAPotOfBillionsOfPounds() {
    // Real pots in pence-free pounds, scores of up to 25.00: the multiplier must be scaled down so
    // that no table entry overflows.
    Random random = new Random(53);
    for (int round = 0; round < 50; round++) {
      List<SearchItem> items = new ArrayList<>();
      int n = 2 + random.nextInt(5);
      long pot = 1_000_000_000_000L + random.nextLong(1_000_000_000_000L);
      for (int i = 0; i < n; i++) {
        items.add(
            new SearchItem(
                "P" + i,
                1 + random.nextLong(pot / 2),
                500 + random.nextInt(2001),
                random.nextInt(4)));
      }
      Instance instance = new Instance(items, 3, 2, pot);
      CompletionTables tables = instance.tables(NO_LIMIT);
      for (int count = 0; count <= 3; count++) {
        for (int need = 0; need < 4; need++) {
          long best = instance.bestScore(0, count, need, pot);
          if (best >= 0) {
            assertThat(tables.scoreBound(0, count, need, pot))
                .as("%s: %d items covering %s", instance, count, need)
                .isGreaterThanOrEqualTo(best)
                .isLessThanOrEqualTo(count * 2500L);
          }
        }
      }
    }
  }

  /**
   * With budgets per year, the least spending per year is exact, and the score bound, now also
   * priced on each year's money, is never below the best completion that fits the pot and every
   * year.
   */
  @Test
  void yearTablesAreExactAndTheirBoundsValid() {
    Random random = new Random(59);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(7);
      int priorities = random.nextInt(3);
      int maxItems = random.nextInt(Math.min(n, 4) + 1);
      List<SearchItem> items = new ArrayList<>();
      long[] asked = new long[2];
      for (int i = 0; i < n; i++) {
        long first = random.nextInt(600);
        long second = random.nextInt(3) == 0 ? 0 : random.nextInt(600);
        asked[0] += first;
        asked[1] += second;
        items.add(
            new SearchItem(
                "P" + i,
                Math.max(1, first + second),
                100 + random.nextInt(2401),
                random.nextInt(1 << priorities),
                new long[] {first, second}));
      }
      long pot = items.stream().mapToLong(SearchItem::cost).sum();
      long[] budgets = {asked[0] / (1 + random.nextInt(3)), asked[1] / (1 + random.nextInt(3))};
      CompletionTables tables =
          new CompletionTables(items, maxItems, priorities, pot, budgets, 1 << 20, NO_LIMIT);
      for (int from = 0; from < n; from++) {
        for (int count = 0; count <= maxItems; count++) {
          for (int need = 0; need < 1 << priorities; need++) {
            long[] least = {CompletionTables.UNREACHABLE, CompletionTables.UNREACHABLE};
            long best = -1;
            for (int set = 0; set < 1 << n; set++) {
              if (Integer.bitCount(set) != count || (set & ((1 << from) - 1)) != 0) {
                continue;
              }
              int covered = 0;
              long[] spent = new long[2];
              long score = 0;
              for (int i = 0; i < n; i++) {
                if ((set & 1 << i) != 0) {
                  covered |= items.get(i).priorityMask();
                  spent[0] += items.get(i).yearCosts()[0];
                  spent[1] += items.get(i).yearCosts()[1];
                  score += items.get(i).scoreHundredths();
                }
              }
              if ((covered & need) != need) {
                continue;
              }
              least[0] = Math.min(least[0], spent[0]);
              least[1] = Math.min(least[1], spent[1]);
              if (spent[0] <= budgets[0] && spent[1] <= budgets[1]) {
                best = Math.max(best, score);
              }
            }
            for (int year = 0; year < 2; year++) {
              assertThat(tables.minYearCost(year, from, count, need))
                  .as(
                      "round %d year %d: from %d, %d items covering %s",
                      round, year, from, count, need)
                  .isEqualTo(least[year]);
            }
            if (best >= 0) {
              assertThat(tables.scoreBound(from, count, need, pot, budgets))
                  .as("round %d: from %d, %d items covering %s", round, from, count, need)
                  .isGreaterThanOrEqualTo(best);
            }
          }
        }
      }
    }
  }

  @Test
  void pricingAYearThatBindsTightensTheBound() {
    // A and B each need their whole cost in the first year, whose budget pays for one of them; C
    // spends in the second year. The pot pays for all three, so only the year's price can bring
    // the bound for two items down from 19.00 to the 11.00 that fits.
    List<SearchItem> items =
        List.of(
            new SearchItem("A", 1_000_000, 1000, 0, new long[] {1_000_000, 0}),
            new SearchItem("B", 1_000_000, 900, 0, new long[] {1_000_000, 0}),
            new SearchItem("C", 100_000, 100, 0, new long[] {0, 100_000}));
    long[] budgets = {1_000_000, 100_000};
    CompletionTables tables =
        new CompletionTables(items, 2, 0, 2_100_000, budgets, 1 << 20, NO_LIMIT);

    assertThat(tables.scoreBound(0, 2, 0, 2_100_000)).as("ignoring the years").isEqualTo(1900);
    assertThat(tables.scoreBound(0, 2, 0, 2_100_000, budgets)).isEqualTo(1100);
    assertThat(tables.minYearCost(0, 0, 2, 0)).isEqualTo(1_000_000);
    assertThat(tables.minYearCost(1, 0, 2, 0)).isZero();
  }

  /** A small round to check by brute force. */
  private record Instance(List<SearchItem> items, int maxItems, int priorities, long pot) {

    static Instance random(Random random) {
      int n = 1 + random.nextInt(7);
      int priorities = random.nextInt(4);
      int maxItems = random.nextInt(Math.min(n, 4) + 1);
      List<SearchItem> items = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < n; i++) {
        long cost = 1 + random.nextInt(1000);
        total += cost;
        items.add(
            new SearchItem(
                "P" + i, cost, 100 + random.nextInt(2401), random.nextInt(1 << priorities)));
      }
      long pot = Math.max(1, total / (1 + random.nextInt(3)));
      return new Instance(items, maxItems, priorities, pot);
    }

    CompletionTables tables(int maxRows) {
      return new CompletionTables(items, maxItems, priorities, pot, 1 << 20, maxRows);
    }

    /** The cheapest {@code count} items from {@code from} on that cover {@code need}. */
    long cheapest(int from, int count, int need) {
      long best = CompletionTables.UNREACHABLE;
      for (int set : sets(from, count, need)) {
        best = Math.min(best, cost(set));
      }
      return best;
    }

    /** The best score of such items within the budget, or -1 if none fits. */
    long bestScore(int from, int count, int need, long budget) {
      long best = -1;
      for (int set : sets(from, count, need)) {
        if (cost(set) <= budget) {
          long score = 0;
          for (int i = 0; i < items.size(); i++) {
            if ((set & 1 << i) != 0) {
              score += items.get(i).scoreHundredths();
            }
          }
          best = Math.max(best, score);
        }
      }
      return best;
    }

    private List<Integer> sets(int from, int count, int need) {
      List<Integer> sets = new ArrayList<>();
      for (int set = 0; set < 1 << items.size(); set++) {
        if (Integer.bitCount(set) != count || (set & ((1 << from) - 1)) != 0) {
          continue;
        }
        int covered = 0;
        for (int i = 0; i < items.size(); i++) {
          if ((set & 1 << i) != 0) {
            covered |= items.get(i).priorityMask();
          }
        }
        if ((covered & need) == need) {
          sets.add(set);
        }
      }
      return sets;
    }

    private long cost(int set) {
      long cost = 0;
      for (int i = 0; i < items.size(); i++) {
        if ((set & 1 << i) != 0) {
          cost += items.get(i).cost();
        }
      }
      return cost;
    }
  }
}
