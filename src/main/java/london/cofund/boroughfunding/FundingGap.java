package london.cofund.boroughfunding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import london.cofund.boroughfunding.BoroughFunding.CoCommissioned;
import london.cofund.boroughfunding.BoroughFunding.LinkedProposal;
import london.cofund.boroughfunding.BoroughFunding.ProjectShare;
import london.cofund.boroughfunding.BoroughFunding.ServiceView;
import london.cofund.boroughfunding.BoroughFunding.YearAllocation;
import london.cofund.boroughfunding.BoroughFunding.YearDelivery;
import london.cofund.boroughfunding.BoroughFunding.YearGap;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.CoCommissionedProjects.Project;

/**
 * The arithmetic of a borough's funding gap, in plain Java: the change in its allocation, each
 * funded project's share, and the gap left per year.
 */
final class FundingGap {

  /**
   * The year a fall is measured from: 2017/18, the LCPF's first year and the last paid wholly as
   * direct borough funding, before the 70/30 split took 30% for co-commissioning (seed, 3.1).
   */
  static final String FALL_MEASURED_FROM = "2017/18";

  static final String APPORTIONING_RULE =
      "A funded project's annual cost (its full proposal's budget line for the year) is divided by"
          + " its number of delivery boroughs, or by 32 for a pan-London project; each borough's"
          + " share is rounded to the nearest pound (halves up).";

  static final String LONDON_RULE =
      "London receives each funded project's whole annual cost (its full proposal's budget line"
          + " for the year): the sum of the 32 boroughs' shares, before their rounding.";

  private FundingGap() {}

  /**
   * The whole view of one area.
   *
   * @param area the borough, or London
   * @param allocations the area's allocations, in year order
   * @param everyArea every area's allocations in the same years, for London's totals
   * @param services the services at risk that count: the borough's, or every borough's for London
   * @param funded every funded co-commissioned project
   * @param linked each linked proposal, by reference
   */
  static BoroughFunding of(
      Area area,
      List<Allocation> allocations,
      List<Allocation> everyArea,
      List<ServiceAtRisk> services,
      List<Project> funded,
      Map<String, Project> linked) {
    Map<String, Long> londonTotals = londonTotals(everyArea);
    List<YearAllocation> years = new ArrayList<>();
    Allocation previous = null;
    for (Allocation allocation : allocations) {
      Long change = previous == null ? null : allocation.amount() - previous.amount();
      years.add(
          new YearAllocation(
              allocation.financialYear(),
              allocation.amount(),
              previous == null ? null : previous.financialYear(),
              change,
              previous == null ? null : percent(change, previous.amount()),
              londonTotals.get(allocation.financialYear()),
              allocation.source(),
              allocation.uploadedBy(),
              allocation.uploadedAt()));
      previous = allocation;
    }
    List<YearDelivery> delivery = delivery(area, funded);
    List<ServiceView> listed =
        area.isLondon() ? List.of() : services.stream().map(s -> view(s, linked)).toList();
    return new BoroughFunding(
        area.gssCode(),
        area.name(),
        years,
        listed,
        new CoCommissioned(area.isLondon() ? LONDON_RULE : APPORTIONING_RULE, delivery),
        FALL_MEASURED_FROM,
        gaps(allocations, services, delivery));
  }

  /** The change as a whole percent of the earlier amount, rounded half away from zero. */
  static Integer percent(long change, long earlier) {
    if (earlier == 0) {
      return null;
    }
    return BigDecimal.valueOf(change)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(earlier), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /** A borough's share of an annual cost shared between {@code boroughs}, to the nearest pound. */
  static long share(long annualCost, int boroughs) {
    return BigDecimal.valueOf(annualCost)
        .divide(BigDecimal.valueOf(boroughs), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /**
   * London's total per year: the published figure (area {@link Area#LONDON}) where there is one,
   * else the sum of the 32 boroughs' once every one of them has a figure for that year.
   */
  private static Map<String, Long> londonTotals(List<Allocation> everyArea) {
    Map<String, Long> published = new TreeMap<>();
    Map<String, Long> sums = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Allocation a : everyArea) {
      if (Area.LONDON.equals(a.gssCode())) {
        published.put(a.financialYear(), a.amount());
      } else {
        sums.merge(a.financialYear(), a.amount(), Long::sum);
        counts.merge(a.financialYear(), 1, Integer::sum);
      }
    }
    Map<String, Long> totals = new TreeMap<>();
    sums.forEach(
        (year, sum) -> {
          if (counts.get(year) == Area.BOROUGHS) {
            totals.put(year, sum);
          }
        });
    totals.putAll(published);
    return totals;
  }

  private static List<YearDelivery> delivery(Area area, List<Project> funded) {
    Map<String, List<ProjectShare>> byYear = new TreeMap<>();
    for (Project project : funded) {
      if (!area.isLondon() && !project.deliveredIn(area.gssCode())) {
        continue;
      }
      int sharedBy =
          project.scope() == Scope.PAN_LONDON ? Area.BOROUGHS : project.deliveryBoroughs().size();
      if (sharedBy == 0) {
        continue;
      }
      project
          .annualCosts()
          .forEach(
              (year, cost) ->
                  byYear
                      .computeIfAbsent(year, y -> new ArrayList<>())
                      .add(
                          new ProjectShare(
                              project.reference(),
                              project.title(),
                              project.scope().name(),
                              cost,
                              sharedBy,
                              area.isLondon() ? cost : share(cost, sharedBy))));
    }
    return byYear.entrySet().stream()
        .map(
            e ->
                new YearDelivery(
                    e.getKey(),
                    e.getValue().stream().mapToLong(ProjectShare::share).sum(),
                    List.copyOf(e.getValue())))
        .toList();
  }

  private static List<YearGap> gaps(
      List<Allocation> allocations, List<ServiceAtRisk> services, List<YearDelivery> delivery) {
    Map<String, Long> allocated = new TreeMap<>();
    allocations.forEach(a -> allocated.put(a.financialYear(), a.amount()));
    Map<String, Long> delivered = new TreeMap<>();
    delivery.forEach(d -> delivered.put(d.financialYear(), d.total()));
    SortedSet<String> years = new TreeSet<>();
    years.addAll(allocated.keySet());
    years.addAll(delivered.keySet());
    services.forEach(s -> years.addAll(s.yearsAtRisk()));
    Optional<Long> baseline = Optional.ofNullable(allocated.get(FALL_MEASURED_FROM));
    List<YearGap> gaps = new ArrayList<>();
    for (String year : years.tailSet(FALL_MEASURED_FROM)) {
      Long allocation = allocated.get(year);
      long atRisk =
          services.stream()
              .filter(s -> s.atRiskIn(year))
              .mapToLong(ServiceAtRisk::annualCost)
              .sum();
      long coCommissioned = delivered.getOrDefault(year, 0L);
      gaps.add(
          new YearGap(
              year,
              allocation,
              allocation == null ? null : baseline.map(b -> b - allocation).orElse(null),
              atRisk,
              coCommissioned,
              Math.max(0, atRisk - coCommissioned)));
    }
    return gaps;
  }

  private static ServiceView view(ServiceAtRisk s, Map<String, Project> linked) {
    return new ServiceView(
        s.serviceId(),
        s.name(),
        s.priorityTheme(),
        s.annualCost(),
        s.yearsAtRisk(),
        s.linkedProposals().stream()
            .map(
                ref -> {
                  Project p = linked.get(ref);
                  return p == null
                      ? new LinkedProposal(ref, null, null, false)
                      : new LinkedProposal(ref, p.title(), p.status(), p.funded());
                })
            .toList(),
        s.recordedBy(),
        s.recordedAt(),
        s.updatedBy(),
        s.updatedAt());
  }
}
