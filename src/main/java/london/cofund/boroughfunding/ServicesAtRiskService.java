package london.cofund.boroughfunding;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import london.cofund.fund.FinancialYear;
import london.cofund.identity.CurrentUser;
import london.cofund.proposal.CoCommissionedProjects;
import london.cofund.system.FieldProblem;
import london.cofund.system.ForbiddenException;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A borough's services at risk: recorded and changed by that borough's officers only (group {@code
 * borough-<GSS code>}), each checked whole before anything is stored.
 */
@Service
public class ServicesAtRiskService {

  private final ServiceAtRiskRepository services;
  private final CoCommissionedProjects projects;
  private final Validator validator;
  private final Clock clock;

  ServicesAtRiskService(
      ServiceAtRiskRepository services,
      CoCommissionedProjects projects,
      Validator validator,
      Clock clock) {
    this.services = services;
    this.projects = projects;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional
  public ServiceAtRisk record(String gssCode, ServiceAtRiskRequest request, CurrentUser user) {
    Area area = officersOwn(gssCode, user);
    check(area, request);
    long id = services.insert(area.gssCode(), request, user.id(), OffsetDateTime.now(clock));
    return services.find(id).orElseThrow();
  }

  /** Replaces a service's fields, years and links with the request's. */
  @Transactional
  public ServiceAtRisk update(
      String gssCode, long serviceId, ServiceAtRiskRequest request, CurrentUser user) {
    Area area = officersOwn(gssCode, user);
    if (services.find(serviceId).filter(s -> s.gssCode().equals(area.gssCode())).isEmpty()) {
      throw new NotFoundException("No service at risk " + serviceId + " in " + area.name() + ".");
    }
    check(area, request);
    services.update(serviceId, area.gssCode(), request, user.id(), OffsetDateTime.now(clock));
    return services.find(serviceId).orElseThrow();
  }

  public List<ServiceAtRisk> of(String gssCode) {
    return services.of(gssCode);
  }

  List<ServiceAtRisk> all() {
    return services.all();
  }

  private static Area officersOwn(String gssCode, CurrentUser user) {
    Area area =
        Area.of(gssCode)
            .filter(a -> !a.isLondon())
            .orElseThrow(
                () -> new NotFoundException("No London borough with GSS code '" + gssCode + "'."));
    if (!user.boroughCodes().contains(area.gssCode())) {
      throw new ForbiddenException(
          "Only "
              + area.name()
              + "'s officers (group borough-"
              + area.gssCode()
              + ") record its services at risk.");
    }
    return area;
  }

  private void check(Area area, ServiceAtRiskRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<ServiceAtRiskRequest> violation : validator.validate(request)) {
      problems.add(
          new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (problems.isEmpty()) {
      checkYears(request.yearsAtRisk(), problems);
      checkLinks(area, request.linksOrEmpty(), problems);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
  }

  private static void checkYears(List<String> years, List<FieldProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < years.size(); i++) {
      String year = years.get(i);
      if (FinancialYear.parse(year).isEmpty()) {
        problems.add(new FieldProblem("yearsAtRisk[" + i + "]", FinancialYear.FORMAT_MESSAGE));
      } else if (!seen.add(year)) {
        problems.add(new FieldProblem("yearsAtRisk[" + i + "]", year + " is given twice"));
      }
    }
  }

  private void checkLinks(Area area, List<String> references, List<FieldProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < references.size(); i++) {
      String reference = references.get(i);
      String field = "linkedProposals[" + i + "]";
      if (!seen.add(reference)) {
        problems.add(new FieldProblem(field, reference + " is given twice"));
      } else if (projects
          .find(reference)
          .filter(project -> project.deliveredIn(area.gssCode()))
          .isEmpty()) {
        // The same words whether the bid is missing or delivered elsewhere: a borough learns
        // nothing of bids outside it.
        problems.add(
            new FieldProblem(
                field,
                "no co-commissioned bid delivered in "
                    + area.name()
                    + " (or pan-London) has the reference '"
                    + reference
                    + "'"));
      }
    }
  }
}
