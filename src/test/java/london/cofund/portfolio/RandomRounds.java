package london.cofund.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Seeded random funding rounds, for the property tests and the benchmark. */
final class RandomRounds {

  private static final List<String> SHORTLISTABLE =
      List.of(
          "CSE",
          "FEMALE_OFFENDING",
          "SEXUAL_VIOLENCE",
          "YOUTH_OFFENDING",
          "GANGS",
          "VAWG",
          "HATE_CRIME",
          "MENTAL_HEALTH");
  private static final List<String> OTHER_THEMES = List.of("BURGLARY", "ANTI_SOCIAL_BEHAVIOUR");

  private static final long[] TIED_COSTS = {100_000, 150_000, 200_000, 250_000, 300_000};
  private static final String[] TIED_SCORES = {"12.5", "15", "17.5", "18.33", "18.34", "20"};

  private RandomRounds() {}

  /**
   * A small round the brute force can check: up to {@code maxCandidates} candidates, often with
   * tied scores and costs, shortlists of 0 to {@code maxShortlist} of 7 themes, project counts of 1
   * to 10, thresholds that exclude some or all candidates, and pots from nothing to everything.
   */
  static PortfolioRequest small(long seed, int maxCandidates, int maxShortlist) {
    Random random = new Random(seed);
    return small(random, maxCandidates, maxShortlist, random.nextBoolean(), random.nextBoolean());
  }

  /**
   * A small round where every score is 10, 15 or 20 and every cost £100k, £200k or £300k, so that
   * different selections often tie exactly on score and cost and the tie-break decides.
   */
  static PortfolioRequest tieHeavy(long seed, int maxCandidates) {
    Random random = new Random(seed);
    PortfolioRequest round = small(random, maxCandidates, 3, true, true);
    List<PortfolioCandidate> candidates = new ArrayList<>();
    for (PortfolioCandidate candidate : round.candidates()) {
      candidates.add(
          new PortfolioCandidate(
              candidate.reference(),
              100_000L * (1 + random.nextInt(3)),
              BigDecimal.valueOf(5L * (2 + random.nextInt(3))),
              candidate.priorities()));
    }
    return new PortfolioRequest(
        candidates,
        round.shortlist(),
        round.minProjects(),
        round.maxProjects(),
        round.potAmount(),
        BigDecimal.TEN);
  }

  private static final List<String> YEARS = List.of("2018/19", "2019/20", "2020/21");

  /**
   * A {@link #small} or {@link #tieHeavy} round whose candidates split their cost over two or three
   * financial years, with budgets per year that often bind. Most candidates give a split (some with
   * a year of £0, some spending everything in one year), a few give none. Each year's budget is a
   * share of what all candidates ask for in it, from nothing to everything; sometimes a year is
   * missing from the budgets (so it has £0), and sometimes the budgets are all generous.
   */
  static PortfolioRequest withYears(long seed, int maxCandidates, int maxShortlist) {
    Random random = new Random(seed);
    PortfolioRequest round =
        random.nextInt(4) == 0
            ? tieHeavy(random.nextLong(), maxCandidates)
            : small(random.nextLong(), maxCandidates, maxShortlist);
    List<String> years = YEARS.subList(0, 2 + random.nextInt(2));
    List<PortfolioCandidate> candidates = new ArrayList<>();
    Map<String, Long> asked = new TreeMap<>();
    for (PortfolioCandidate candidate : round.candidates()) {
      Map<String, Long> split = new TreeMap<>();
      if (random.nextInt(8) != 0) {
        long left = candidate.cost();
        for (int y = 0; y < years.size(); y++) {
          long amount =
              y == years.size() - 1
                  ? left
                  : switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> left;
                    default -> Math.round(left * random.nextDouble() / 1000) * 1000;
                  };
          amount = Math.min(amount, left);
          left -= amount;
          split.put(years.get(y), amount);
          asked.merge(years.get(y), amount, Long::sum);
        }
      }
      candidates.add(
          new PortfolioCandidate(
              candidate.reference(),
              candidate.cost(),
              candidate.totalScore(),
              candidate.priorities(),
              split));
    }
    Map<String, Long> budgets = new TreeMap<>();
    boolean generous = random.nextInt(6) == 0;
    for (String year : years) {
      long total = asked.getOrDefault(year, 0L);
      if (generous) {
        budgets.put(year, total);
      } else if (random.nextInt(10) != 0) {
        budgets.put(
            year,
            switch (random.nextInt(6)) {
              case 0 -> 0L;
              case 1 -> total;
              default -> (long) (random.nextDouble() * total * 0.6);
            });
      }
    }
    if (budgets.isEmpty()) {
      budgets.put("2030/31", 1L);
    }
    return new PortfolioRequest(
        candidates,
        round.shortlist(),
        round.minProjects(),
        round.maxProjects(),
        round.potAmount(),
        round.fundableThreshold(),
        budgets);
  }

  private static PortfolioRequest small(
      Random random, int maxCandidates, int maxShortlist, boolean tiedCosts, boolean tiedScores) {
    List<String> themes = SHORTLISTABLE.subList(0, 7);
    int n = random.nextInt(maxCandidates + 1);
    List<PortfolioCandidate> candidates = new ArrayList<>();
    long totalCost = 0;
    for (int i = 0; i < n; i++) {
      long cost =
          tiedCosts
              ? TIED_COSTS[random.nextInt(TIED_COSTS.length)]
              : 50_000 + random.nextInt(450_001);
      totalCost += cost;
      BigDecimal score =
          tiedScores
              ? new BigDecimal(TIED_SCORES[random.nextInt(TIED_SCORES.length)])
              : randomScore(random);
      Set<String> priorities = new HashSet<>();
      int count = random.nextInt(4);
      for (int j = 0; j < count; j++) {
        priorities.add(
            random.nextInt(5) == 0
                ? OTHER_THEMES.get(random.nextInt(OTHER_THEMES.size()))
                : themes.get(random.nextInt(themes.size())));
      }
      String reference = String.format("P%02d", 40 - i);
      candidates.add(new PortfolioCandidate(reference, cost, score, priorities));
    }
    Set<String> shortlist = new HashSet<>();
    int shortlistSize = random.nextInt(maxShortlist + 1);
    while (shortlist.size() < shortlistSize) {
      shortlist.add(themes.get(random.nextInt(themes.size())));
    }
    int min = 1 + random.nextInt(5);
    int max = random.nextBoolean() ? min : min + random.nextInt(6);
    long pot =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> random.nextInt(300_000);
          case 2 -> totalCost;
          default -> (long) (random.nextDouble() * totalCost * 0.6);
        };
    BigDecimal threshold =
        switch (random.nextInt(4)) {
          case 0 -> BigDecimal.valueOf(5);
          case 1 -> n == 0 ? BigDecimal.TEN : candidates.get(random.nextInt(n)).totalScore();
          case 2 -> new BigDecimal("26");
          default -> BigDecimal.valueOf(1000 + random.nextInt(1000), 2);
        };
    return new PortfolioRequest(candidates, shortlist, min, max, pot, threshold);
  }

  /** A score from 5 to 25 with zero, one or two decimal places. */
  private static BigDecimal randomScore(Random random) {
    int hundredths = 500 + random.nextInt(2001);
    int step = new int[] {100, 10, 1}[random.nextInt(3)];
    return BigDecimal.valueOf(hundredths / step * step, 2).stripTrailingZeros();
  }

  /** Variations on the benchmark round that stress different parts of the search. */
  enum Shape {
    /** As described at {@link #benchmark}. */
    TYPICAL,
    /** Every score 20 and every cost £1m, £2m or £3m: very many selections tie exactly. */
    ALL_TIED,
    /** A £4m pot, so five projects only fit by choosing cheap ones. */
    TIGHT_POT,
    /** Exactly one short-listed priority per candidate, so full coverage needs 8 projects. */
    ONE_PRIORITY_EACH,
    /**
     * Each candidate splits its cost over 2018/19 to 2020/21, and the £10m pot is £2m, £4m and £4m
     * a year, so the first year binds: most of the best selections under the pot alone break it.
     */
    YEARS_BIND
  }

  /** The typical benchmark round. */
  static PortfolioRequest benchmark(long seed, int n) {
    return benchmark(seed, n, Shape.TYPICAL);
  }

  /**
   * A round shaped like the real fund at scale: {@code n} candidates costing £0.2m to £3m, scores
   * that are sums of five criteria, each the mean of three assessors' 1-to-5 marks rounded to two
   * decimals, one to three priorities each (mostly short-listed), 8 short-listed priorities, 5 to 8
   * projects, a £10m pot and a threshold of 12; or one of the harder {@link Shape}s.
   */
  static PortfolioRequest benchmark(long seed, int n, Shape shape) {
    Random random = new Random(seed);
    List<PortfolioCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long cost = 200_000 + (long) (random.nextDouble() * 2_800_000);
      BigDecimal score = BigDecimal.ZERO;
      for (int criterion = 0; criterion < 5; criterion++) {
        int marks = 3 + random.nextInt(5) + random.nextInt(5) + random.nextInt(5);
        score = score.add(BigDecimal.valueOf(Math.round(marks * 100.0 / 3), 2));
      }
      Set<String> priorities = new HashSet<>();
      int count = 1 + random.nextInt(3);
      while (priorities.size() < count) {
        priorities.add(
            random.nextInt(6) == 0
                ? OTHER_THEMES.get(random.nextInt(OTHER_THEMES.size()))
                : SHORTLISTABLE.get(random.nextInt(SHORTLISTABLE.size())));
      }
      if (shape == Shape.ALL_TIED) {
        score = BigDecimal.valueOf(20);
        cost = 1_000_000L * (1 + random.nextInt(3));
      } else if (shape == Shape.ONE_PRIORITY_EACH) {
        priorities = Set.of(SHORTLISTABLE.get(random.nextInt(SHORTLISTABLE.size())));
      }
      Map<String, Long> split = new TreeMap<>();
      if (shape == Shape.YEARS_BIND) {
        long first = Math.round(cost * random.nextDouble() * 0.6 / 1000) * 1000;
        long second = Math.round((cost - first) * random.nextDouble() / 1000) * 1000;
        split.put(YEARS.get(0), first);
        split.put(YEARS.get(1), second);
        split.put(YEARS.get(2), cost - first - second);
      }
      candidates.add(
          new PortfolioCandidate(String.format("CCF-%04d", i + 1), cost, score, priorities, split));
    }
    long pot = shape == Shape.TIGHT_POT ? 4_000_000 : 10_000_000;
    Map<String, Long> budgets =
        shape == Shape.YEARS_BIND
            ? Map.of(YEARS.get(0), 2_000_000L, YEARS.get(1), 4_000_000L, YEARS.get(2), 4_000_000L)
            : Map.of();
    return new PortfolioRequest(
        candidates, Set.copyOf(SHORTLISTABLE), 5, 8, pot, BigDecimal.valueOf(12), budgets);
  }
}
