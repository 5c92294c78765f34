package london.cofund.boroughfunding;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import london.cofund.identity.CurrentUser;
import london.cofund.proposal.BoroughBids;
import london.cofund.proposal.CoCommissionedProjects;
import london.cofund.proposal.CoCommissionedProjects.Project;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A borough's funding gap, for those who may read it: the fund's roles (MOPAC, the working group,
 * the Leaders' Committee, administrators) read every borough; a borough's officers read their own
 * borough, and London's totals ({@code E12000007}); a borough's scrutiny committee reads its own
 * borough. Anyone else, other boroughs' officers and applicants included, gets 403 from {@link
 * #get}, and the public parts on the borough's page ({@link #page}).
 */
@Service
public class BoroughFundingService {

  private final AllocationRepository allocations;
  private final ServicesAtRiskService services;
  private final CoCommissionedProjects projects;
  private final BoroughBids bids;

  BoroughFundingService(
      AllocationRepository allocations,
      ServicesAtRiskService services,
      CoCommissionedProjects projects,
      BoroughBids bids) {
    this.allocations = allocations;
    this.services = services;
    this.projects = projects;
    this.bids = bids;
  }

  @Transactional(readOnly = true)
  public BoroughFunding get(String gssCode, CurrentUser user) {
    Area area = area(gssCode);
    if (!mayRead(area, user)) {
      throw new ForbiddenException(
          "Only MOPAC, the working group, the Leaders' Committee, administrators, "
              + area.name()
              + "'s officers and its scrutiny committee read its funding gap.");
    }
    return funding(area);
  }

  /**
   * The borough's page as the user may see it: in full for those who may read the funding gap
   * ({@link #mayRead}), with the bids delivered in the borough; the public parts ({@link
   * BoroughFunding#publicParts()}) for anyone else. Who may open the page at all is decided at the
   * door ({@code identity.BoroughAccess}): a scrutiny committee never reaches another borough's.
   *
   * @throws NotFoundException for a code that is neither one of the 32 boroughs nor London
   */
  @Transactional(readOnly = true)
  public BoroughPage page(String gssCode, CurrentUser user) {
    Area area = area(gssCode);
    if (!mayRead(area, user)) {
      return new BoroughPage(area, false, funding(area).publicParts(), List.of(), List.of());
    }
    return new BoroughPage(
        area,
        true,
        funding(area),
        area.isLondon() ? List.of() : bids.deliveredIn(area.gssCode()),
        area.isLondon() ? bids.countByStatus() : List.of());
  }

  private static Area area(String gssCode) {
    return Area.of(gssCode)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No London borough (or London, E12000007) with GSS code '" + gssCode + "'."));
  }

  private BoroughFunding funding(Area area) {
    List<Allocation> own = allocations.of(area.gssCode());
    List<Allocation> everyArea =
        allocations.inYears(own.stream().map(Allocation::financialYear).toList());
    List<ServiceAtRisk> atRisk = area.isLondon() ? services.all() : services.of(area.gssCode());
    // London lists no services of its own, so it needs none of their links.
    List<ServiceAtRisk> listed = area.isLondon() ? List.of() : atRisk;
    Map<String, Project> linked =
        listed.stream()
            .flatMap(s -> s.linkedProposals().stream())
            .distinct()
            .map(projects::find)
            .flatMap(java.util.Optional::stream)
            .collect(Collectors.toMap(Project::reference, Function.identity()));
    return FundingGap.of(area, own, everyArea, atRisk, projects.funded(), linked);
  }

  /**
   * Who reads an area's funding gap in full: for a borough, the fund's roles, its officers and its
   * scrutiny committee ({@link CurrentUser#readsBoroughInFull}); for London, the fund's roles and
   * every borough's officers, who compare themselves with London's totals.
   */
  static boolean mayRead(Area area, CurrentUser user) {
    return area.isLondon()
        ? user.seesWholeFund() || !user.boroughCodes().isEmpty()
        : user.readsBoroughInFull(area.gssCode());
  }
}
