package london.cofund.boroughfunding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A borough's funding gap ({@code GET /api/boroughs/{gssCode}}): its direct allocation by year with
 * the change, the services the cut puts at risk, what funded co-commissioned projects deliver in
 * it, and the gap left by year. For London ({@code E12000007}) the figures are London's totals.
 *
 * @param gssCode the area's GSS code
 * @param name its name
 * @param allocations the direct allocation per financial year, in order
 * @param servicesAtRisk the borough's services at risk (none listed for London, whose gap sums
 *     every borough's)
 * @param coCommissioned what funded co-commissioned projects deliver in the area, per year
 * @param fallMeasuredFrom the year that {@link YearGap#fall()} is measured from
 * @param gapByYear the gap per financial year from {@code fallMeasuredFrom} on
 */
public record BoroughFunding(
    String gssCode,
    String name,
    List<YearAllocation> allocations,
    List<ServiceView> servicesAtRisk,
    CoCommissioned coCommissioned,
    String fallMeasuredFrom,
    List<YearGap> gapByYear) {

  /**
   * The public parts, which anyone signed in may read on the borough's page: the allocation by year
   * with its change, and what funded co-commissioned projects deliver there. The services at risk
   * and the gap are left out: they are for the borough's officers, its scrutiny committee and the
   * fund's roles.
   */
  public BoroughFunding publicParts() {
    return new BoroughFunding(
        gssCode, name, allocations, List.of(), coCommissioned, fallMeasuredFrom, List.of());
  }

  /**
   * One year's direct allocation.
   *
   * @param financialYear the year
   * @param amount whole pounds
   * @param comparedWith the previous year listed, which {@code change} is measured from; null for
   *     the first
   * @param change {@code amount} less the previous listed year's
   * @param changePercent the change as a whole percent of the previous listed year's amount,
   *     rounded half away from zero (Westminster 2018/19: -56)
   * @param londonTotal London's total that year: the published figure where there is one, else the
   *     sum of the 32 boroughs' once all 32 are uploaded, else null
   * @param source where the figure comes from: {@code Seed Table 1}, or {@code Upload to <fundId>}
   * @param uploadedBy who recorded it
   * @param uploadedAt when
   */
  public record YearAllocation(
      String financialYear,
      long amount,
      String comparedWith,
      Long change,
      Integer changePercent,
      Long londonTotal,
      String source,
      String uploadedBy,
      OffsetDateTime uploadedAt) {}

  /** A service at risk, with the bids linked to it. */
  public record ServiceView(
      long serviceId,
      String name,
      String priorityTheme,
      long annualCost,
      List<String> yearsAtRisk,
      List<LinkedProposal> linkedProposals,
      String recordedBy,
      OffsetDateTime recordedAt,
      String updatedBy,
      OffsetDateTime updatedAt) {}

  /**
   * A bid linked to a service at risk.
   *
   * @param reference the proposal's reference
   * @param title its title
   * @param status its status, for example {@code FUNDED}
   * @param funded whether the announced decision funded it
   */
  public record LinkedProposal(String reference, String title, String status, boolean funded) {}

  /**
   * What funded co-commissioned projects deliver in the area.
   *
   * @param apportioningRule the rule, in words
   * @param byYear per financial year in which a funded project delivers there, in order
   */
  public record CoCommissioned(String apportioningRule, List<YearDelivery> byYear) {}

  /** One year's delivery: the sum of the projects' shares, and each share. */
  public record YearDelivery(String financialYear, long total, List<ProjectShare> projects) {}

  /**
   * One funded project's share of a year.
   *
   * @param reference the proposal's reference
   * @param title its title
   * @param scope {@code SUB_REGIONAL} or {@code PAN_LONDON}
   * @param annualCost its full proposal's budget line for the year
   * @param sharedBy the number of boroughs it is shared between: its delivery boroughs, or 32 for
   *     pan-London
   * @param share the area's share: {@code annualCost / sharedBy} to the nearest pound (halves up);
   *     London's is the whole annual cost
   */
  public record ProjectShare(
      String reference, String title, String scope, long annualCost, int sharedBy, long share) {}

  /**
   * One year's gap.
   *
   * @param financialYear the year
   * @param allocation the direct allocation, or null if none is recorded
   * @param fall the allocation in {@code fallMeasuredFrom} less this year's (positive when it
   *     fell); null if either is missing
   * @param servicesAtRisk the annual costs of the services at risk that year, summed
   * @param coCommissionedDelivery what funded co-commissioned projects deliver in the area that
   *     year
   * @param gapLeft {@code servicesAtRisk - coCommissionedDelivery}, not below 0
   */
  public record YearGap(
      String financialYear,
      Long allocation,
      Long fall,
      long servicesAtRisk,
      long coCommissionedDelivery,
      long gapLeft) {}
}
