package london.cofund.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import london.cofund.portfolio.PortfolioFlag;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.system.FieldProblem;
import london.cofund.system.Formats;
import london.cofund.system.InvalidRequestException;

/**
 * The panel's hard limits (the seed's "only 5 to 8 projects", within the pot). A decision funds
 * between the round's minimum and maximum number of projects, costs no more than the pot nor, in
 * any financial year, more than the fund's co-commissioning budget left that year, names only
 * assessed proposals of the round, never funds and defers the same one, and, when it departs from
 * the recommended portfolio, says why.
 */
public final class PanelLimits {

  private PanelLimits() {}

  /** The decision if it keeps every limit, with no budget per year to respect. */
  public static FundingDecision check(
      Round round,
      List<AssessedProposal> assessedProposals,
      List<String> funded,
      List<String> deferred,
      String rationale,
      String decidedBy) {
    return check(round, assessedProposals, funded, deferred, rationale, decidedBy, Map.of());
  }

  /**
   * The decision if it keeps every limit; otherwise a 400 naming each one it breaks.
   *
   * @param yearBudgets what each financial year of the fund can still pay for this round; when not
   *     empty, the funded proposals' budget lines of each year must fit that year's figure (a year
   *     not listed has nothing to give)
   */
  public static FundingDecision check(
      Round round,
      List<AssessedProposal> assessedProposals,
      List<String> funded,
      List<String> deferred,
      String rationale,
      String decidedBy,
      Map<String, Long> yearBudgets) {
    Map<String, AssessedProposal> assessed =
        assessedProposals.stream()
            .collect(Collectors.toMap(AssessedProposal::reference, Function.identity()));
    List<FieldProblem> problems = new ArrayList<>();
    unknownReferences("fundedReferences", funded, assessed, problems);
    unknownReferences("deferredReferences", deferred, assessed, problems);
    List<String> both = funded.stream().filter(deferred::contains).toList();
    if (!both.isEmpty()) {
      problems.add(
          new FieldProblem(
              "deferredReferences",
              String.join(", ", both) + " cannot be both funded and deferred"));
    }
    RecommendedPortfolio recommended = round.recommendedPortfolio();
    int minimum = minimumProjects(round, recommended);
    if (funded.size() < minimum || funded.size() > round.maxProjects()) {
      problems.add(
          new FieldProblem(
              "fundedReferences",
              "funds "
                  + funded.size()
                  + " projects; between "
                  + minimum
                  + " and "
                  + round.maxProjects()
                  + " must be funded"));
    }
    long cost =
        funded.stream()
            .filter(assessed::containsKey)
            .mapToLong(r -> assessed.get(r).requestedAmount())
            .sum();
    if (cost > round.potAmount()) {
      problems.add(
          new FieldProblem(
              "fundedReferences",
              "costs "
                  + Formats.money(cost)
                  + ", more than the pot of "
                  + Formats.money(round.potAmount())));
    }
    if (!yearBudgets.isEmpty()) {
      Map<String, Long> costByYear = new TreeMap<>();
      funded.stream()
          .filter(assessed::containsKey)
          .forEach(
              r ->
                  assessed
                      .get(r)
                      .budgetByYear()
                      .forEach((year, amount) -> costByYear.merge(year, amount, Long::sum)));
      costByYear.forEach(
          (year, yearCost) -> {
            long budget = yearBudgets.getOrDefault(year, 0L);
            if (yearCost > budget) {
              problems.add(
                  new FieldProblem(
                      "fundedReferences",
                      "costs "
                          + Formats.money(yearCost)
                          + " in "
                          + year
                          + ", more than the "
                          + Formats.money(budget)
                          + " of co-commissioning budget left that year"));
            }
          });
    }
    boolean departs =
        recommended == null
            || !Set.copyOf(funded).equals(Set.copyOf(recommended.funded()))
            || !Set.copyOf(deferred).equals(Set.copyOf(recommended.deferred()));
    String reasons = rationale == null || rationale.isBlank() ? null : rationale.trim();
    if (departs && reasons == null) {
      problems.add(
          new FieldProblem(
              "decisionRationale",
              "is required because the decision departs from the recommended portfolio"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new FundingDecision(
        List.copyOf(funded), List.copyOf(deferred), reasons, departs, decidedBy);
  }

  /**
   * The fewest projects the panel may fund: the round's minimum, unless the recommendation itself
   * could not reach it (too few fundable proposals, or a pot too small), when it is what was
   * recommended.
   */
  static int minimumProjects(Round round, RecommendedPortfolio recommended) {
    if (recommended != null
        && (recommended.hasFlag(PortfolioFlag.BELOW_MINIMUM)
            || recommended.hasFlag(PortfolioFlag.POT_TOO_SMALL_FOR_MINIMUM))) {
      return Math.min(round.minProjects(), recommended.funded().size());
    }
    return round.minProjects();
  }

  private static void unknownReferences(
      String field,
      List<String> references,
      Map<String, AssessedProposal> assessed,
      List<FieldProblem> problems) {
    List<String> unknown = references.stream().filter(r -> !assessed.containsKey(r)).toList();
    if (!unknown.isEmpty()) {
      problems.add(
          new FieldProblem(
              field, String.join(", ", unknown) + " not an assessed proposal of this round"));
    }
  }
}
