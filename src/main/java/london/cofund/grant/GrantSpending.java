package london.cofund.grant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.Scope;
import london.cofund.grant.GrantService.GrantRecord;
import london.cofund.grant.GrantService.YearFigures;
import london.cofund.identity.CurrentUser;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import org.springframework.stereotype.Service;

/**
 * Spend against budget over the grants a user may see: what the grants list ({@code GET
 * /api/grants}), the {@code /grants} page and the dashboard show. Reads only; no process.
 */
@Service
public class GrantSpending {

  private final GrantService grants;
  private final ProposalQueries proposals;

  GrantSpending(GrantService grants, ProposalQueries proposals) {
    this.grants = grants;
    this.proposals = proposals;
  }

  /** A grant as a list shows it: spend against budget, per year. */
  public record GrantSummary(Proposal proposal, GrantRecord record, List<YearFigures> years) {}

  /**
   * The grants the user may see, optionally of one round or delivered in one borough (a GSS code),
   * each with its spend against budget per year.
   */
  public List<GrantSummary> visible(CurrentUser user, String roundId, String borough) {
    // Only the proposals with a grant are read: the dashboard asks on every view, and a fund holds
    // far fewer grants than proposals.
    return proposals.visible(grants.references(), user).stream()
        .filter(p -> roundId == null || roundId.isBlank() || roundId.equals(p.roundId()))
        .filter(
            p ->
                borough == null
                    || borough.isBlank()
                    || p.deliveryBoroughs().contains(borough)
                    || p.scope() == Scope.PAN_LONDON)
        .map(
            p ->
                new GrantSummary(
                    p, grants.record(p.reference()), grants.figuresByYear(p.reference())))
        .toList();
  }

  /**
   * Spend against budget over the grants a user may see (optionally those delivered in one
   * borough): each grant per year, and totals per financial year and per borough. The /grants page
   * and the dashboard both show these figures.
   *
   * @param grants each grant with its figures per year, by reference
   * @param byYear per financial year, over the grants listed
   * @param byBorough per borough of delivery, over the grants listed; a grant delivered in several
   *     boroughs counts whole in each (a grant's money is not apportioned between its boroughs),
   *     and pan-London grants have a line of their own ({@link #PAN_LONDON})
   */
  public record SpendAgainstBudget(
      List<GrantSummary> grants, List<YearFigures> byYear, List<BoroughFigures> byBorough) {}

  /** The line of pan-London grants in {@link SpendAgainstBudget#byBorough()}. */
  public static final String PAN_LONDON = "PAN_LONDON";

  /**
   * One borough's grants, in whole pence.
   *
   * @param boroughCode its GSS code, or {@link #PAN_LONDON}
   * @param grants how many of the grants listed are delivered there
   */
  public record BoroughFigures(
      String boroughCode,
      String name,
      int grants,
      long budgetPence,
      long spentPence,
      long paidPence,
      long returnedPence) {}

  /** {@link SpendAgainstBudget} for the grants {@link #visible} lists. */
  public SpendAgainstBudget spendAgainstBudget(CurrentUser user, String roundId, String borough) {
    List<GrantSummary> listed = visible(user, roundId, borough);
    Map<String, Sums> years = new TreeMap<>();
    Map<String, Sums> boroughs = new TreeMap<>();
    for (GrantSummary grant : listed) {
      Sums whole = new Sums();
      for (YearFigures year : grant.years()) {
        years.computeIfAbsent(year.financialYear(), y -> new Sums()).add(year);
        whole.add(year);
      }
      List<String> where =
          grant.proposal().scope() == Scope.PAN_LONDON
              ? List.of(PAN_LONDON)
              : grant.proposal().deliveryBoroughs();
      for (String code : new TreeSet<>(where)) {
        boroughs.computeIfAbsent(code, c -> new Sums()).addGrant(whole);
      }
    }
    List<YearFigures> byYear =
        years.entrySet().stream()
            .map(
                e -> {
                  Sums y = e.getValue();
                  return new YearFigures(e.getKey(), y.budget, y.spent, y.paid, y.returned);
                })
            .toList();
    List<BoroughFigures> byBorough =
        boroughs.entrySet().stream()
            .map(
                e -> {
                  Sums b = e.getValue();
                  return new BoroughFigures(
                      e.getKey(),
                      boroughName(e.getKey()),
                      b.grants,
                      b.budget,
                      b.spent,
                      b.paid,
                      b.returned);
                })
            .toList();
    return new SpendAgainstBudget(listed, byYear, byBorough);
  }

  private static String boroughName(String code) {
    return PAN_LONDON.equals(code)
        ? "Pan-London"
        : LondonBorough.byCode(code).map(LondonBorough::displayName).orElse(code);
  }

  /** Running totals in whole pence. */
  private static final class Sums {
    private long budget;
    private long spent;
    private long paid;
    private long returned;
    private int grants;

    void add(YearFigures year) {
      budget += year.budgetPence();
      spent += year.spentPence();
      paid += year.paidPence();
      returned += year.returnedPence();
    }

    void addGrant(Sums grant) {
      budget += grant.budget;
      spent += grant.spent;
      paid += grant.paid;
      returned += grant.returned;
      grants++;
    }
  }
}
