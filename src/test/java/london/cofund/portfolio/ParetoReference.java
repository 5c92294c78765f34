package london.cofund.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A second, independent exact method for rounds too large for the brute force: a dynamic programme
 * over (projects chosen, short-listed priorities covered) that keeps, for each state, every (score,
 * cost) pair not dominated by another (higher or equal score for lower or equal cost). It finds the
 * optimal objective but not which of several tied selections wins, so it is compared on (coverage,
 * score, cost) only. It shares no code with the optimizer.
 */
final class ParetoReference {

  /** The optimal objective: coverage, score in hundredths, cost. */
  record Objective(int coverage, long scoreHundredths, long cost) {}

  private ParetoReference() {}

  static Objective optimum(PortfolioRequest request) {
    List<String> shortlist = request.shortlist().stream().sorted().toList();
    List<long[]> fundable = new ArrayList<>(); // {cost, score hundredths, mask}
    for (PortfolioCandidate candidate : request.candidates()) {
      if (candidate.totalScore().compareTo(request.fundableThreshold()) >= 0) {
        long mask = 0;
        for (int bit = 0; bit < shortlist.size(); bit++) {
          if (candidate.priorities().contains(shortlist.get(bit))) {
            mask |= 1L << bit;
          }
        }
        fundable.add(
            new long[] {
              candidate.cost(), candidate.totalScore().movePointRight(2).longValueExact(), mask
            });
      }
    }
    long pot = request.potAmount();
    int max = request.maxProjects();
    int min = request.minProjects();
    long[] costs = fundable.stream().mapToLong(item -> item[0]).sorted().toArray();
    if (fundable.size() < min || Arrays.stream(costs).limit(min).sum() > pot) {
      min = 0;
    }
    int masks = 1 << shortlist.size();
    // fronts[t][mask]: pairs {score, cost} of selections of exactly t items covering exactly mask
    List<List<long[]>> fronts = new ArrayList<>();
    for (int t = 0; t <= max; t++) {
      for (int mask = 0; mask < masks; mask++) {
        fronts.add(new ArrayList<>());
      }
    }
    fronts.get(0).add(new long[] {0, 0});
    for (long[] item : fundable) {
      for (int t = max; t >= 1; t--) {
        for (int mask = 0; mask < masks; mask++) {
          List<long[]> from = fronts.get((t - 1) * masks + mask);
          if (from.isEmpty()) {
            continue;
          }
          List<long[]> to = fronts.get(t * masks + (int) (mask | item[2]));
          for (long[] pair : from) {
            if (pair[1] + item[0] <= pot) {
              to.add(new long[] {pair[0] + item[1], pair[1] + item[0]});
            }
          }
        }
      }
      for (int i = 0; i < fronts.size(); i++) {
        fronts.set(i, prune(fronts.get(i)));
      }
    }
    Objective best = null;
    for (int t = min; t <= max; t++) {
      for (int mask = 0; mask < masks; mask++) {
        for (long[] pair : fronts.get(t * masks + mask)) {
          Objective candidate = new Objective(Long.bitCount(mask), pair[0], pair[1]);
          if (best == null || ORDER.compare(candidate, best) > 0) {
            best = candidate;
          }
        }
      }
    }
    return best;
  }

  private static final Comparator<Objective> ORDER =
      Comparator.comparingInt(Objective::coverage)
          .thenComparingLong(Objective::scoreHundredths)
          .thenComparing(Comparator.comparingLong(Objective::cost).reversed());

  /** Keeps the pairs that no other pair beats on score without costing more. */
  private static List<long[]> prune(List<long[]> pairs) {
    if (pairs.size() < 2) {
      return pairs;
    }
    pairs.sort(Comparator.<long[]>comparingLong(p -> -p[0]).thenComparingLong(p -> p[1]));
    List<long[]> kept = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long cheapest = Long.MAX_VALUE;
    for (long[] pair : pairs) {
      if (pair[1] < cheapest && seen.add(pair[0])) {
        kept.add(pair);
        cheapest = pair[1];
      }
    }
    return kept;
  }
}
