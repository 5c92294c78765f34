package london.cofund.boroughfunding;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import london.cofund.identity.CurrentUser;
import london.cofund.proposal.CoCommissionedProjects;
import london.cofund.proposal.CoCommissionedProjects.Project;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A borough's funding gap, for those who may read it: the fund's roles (MOPAC, the working group,
 * the Leaders' Committee, administrators) read every borough; a borough's officers read their own
 * borough, and London's totals ({@code E12000007}). Anyone else, other boroughs' officers and
 * applicants included, gets 403.
 */
@Service
public class BoroughFundingService {

  private final AllocationRepository allocations;
  private final ServicesAtRiskService services;
  private final CoCommissionedProjects projects;

  BoroughFundingService(
      AllocationRepository allocations,
      ServicesAtRiskService services,
      CoCommissionedProjects projects) {
    this.allocations = allocations;
    this.services = services;
    this.projects = projects;
  }

  @Transactional(readOnly = true)
  public BoroughFunding get(String gssCode, CurrentUser user) {
    Area area =
        Area.of(gssCode)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No London borough (or London, E12000007) with GSS code '"
                            + gssCode
                            + "'."));
    if (!mayRead(area, user)) {
      throw new ForbiddenException(
          "Only MOPAC, the working group, the Leaders' Committee, administrators and "
              + area.name()
              + "'s officers read its funding gap.");
    }
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

  static boolean mayRead(Area area, CurrentUser user) {
    if (user.seesWholeFund()) {
      return true;
    }
    return area.isLondon()
        ? !user.boroughCodes().isEmpty()
        : user.boroughCodes().contains(area.gssCode());
  }
}
