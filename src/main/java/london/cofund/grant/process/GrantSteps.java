package london.cofund.grant.process;

import static london.cofund.grant.process.GrantProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.Scope;
import london.cofund.grant.GrantService;
import london.cofund.grant.GrantService.GrantRecord;
import london.cofund.grant.Quarter;
import london.cofund.grant.ReturnForm;
import london.cofund.grant.Variation;
import london.cofund.grant.VariationRequest;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import london.cofund.system.ConflictException;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import london.cofund.system.process.UserText;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grant's steps through the API. Each runs in one transaction with the process: a request that
 * is refused stores nothing. Who may see a grant is who may see its proposal ({@link
 * ProposalQueries#maySee}): the applicant their own, a borough those delivered in it, MOPAC and the
 * working group all.
 */
@Service
public class GrantSteps {

  private final GrantService grants;
  private final ProposalQueries proposals;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;

  GrantSteps(
      GrantService grants,
      ProposalQueries proposals,
      RuntimeService runtime,
      TaskService tasks,
      ObjectMapper json) {
    this.grants = grants;
    this.proposals = proposals;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
  }

  /**
   * The grant with its schedule, payments, returns and variations; a 404 if the user may not see
   * it.
   */
  public GrantRecord view(String reference, CurrentUser user) {
    proposals.visible(reference, user);
    if (grants.find(reference).isEmpty()) {
      throw new NotFoundException("No grant '" + reference + "' that you may see.");
    }
    return grants.record(reference);
  }

  /** A grant as a list shows it: spend against budget, per year. */
  public record GrantSummary(
      Proposal proposal, GrantRecord record, List<GrantService.YearFigures> years) {}

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
      List<GrantSummary> grants,
      List<GrantService.YearFigures> byYear,
      List<BoroughFigures> byBorough) {}

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
      for (GrantService.YearFigures year : grant.years()) {
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
    List<GrantService.YearFigures> byYear =
        years.entrySet().stream()
            .map(
                e -> {
                  Sums y = e.getValue();
                  return new GrantService.YearFigures(
                      e.getKey(), y.budget, y.spent, y.paid, y.returned);
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

    void add(GrantService.YearFigures year) {
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

  /**
   * The lead's quarterly return: checked (400 naming the field, 409 for a quarter not yet over or
   * already in), then completes that quarter's {@code Task_SubmitReturn}, whose rules store it.
   */
  @Transactional
  public GrantRecord submitReturn(String reference, ReturnForm form, CurrentUser user) {
    lead(reference, user, "submit its returns");
    Quarter quarter = grants.checkReturn(reference, form);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(TASK_SUBMIT_RETURN)
            .list()
            .stream()
            .filter(t -> quarter.toString().equals(tasks.getVariable(t.getId(), VAR_QUARTER)))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConflictException(
                        "No return for "
                            + quarter
                            + " of grant "
                            + reference
                            + " is due now: the grant asks for its quarters one after the other."));
    tasks.complete(task.getId(), Map.of(VAR_MONITORING_RETURN, UserText.of(write(form))));
    return grants.record(reference);
  }

  /** The lead asks for a variation: recorded with before and after, and offered to MOPAC. */
  @Transactional
  public Variation requestVariation(String reference, VariationRequest request, CurrentUser user) {
    lead(reference, user, "ask for its variations");
    Variation variation = grants.requestVariation(reference, request, user.id());
    correlate(reference, runtime.createMessageCorrelation(MESSAGE_VARIATION_REQUESTED));
    return variation;
  }

  /** MOPAC suspends the grant's payments with a reason; resuming is MOPAC's task in Tasklist. */
  @Transactional
  public GrantRecord suspend(String reference, String reason, CurrentUser user) {
    proposals.visible(reference, user);
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC suspends a grant's payments.");
    }
    grants.suspend(reference, reason);
    correlate(reference, runtime.createMessageCorrelation(MESSAGE_PAYMENTS_SUSPENDED));
    return grants.record(reference);
  }

  private void correlate(
      String reference, org.camunda.bpm.engine.runtime.MessageCorrelationBuilder message) {
    try {
      message.processInstanceBusinessKey(reference).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("Grant " + reference + " is not running: it has closed.");
    }
  }

  private Proposal lead(String reference, CurrentUser user, String what) {
    Proposal proposal = proposals.visible(reference, user);
    grants.get(reference);
    if (!proposal.submittedBy().equals(user.id())) {
      throw new ForbiddenException(
          "Only the lead agency's applicant who submitted " + reference + " may " + what + ".");
    }
    return proposal;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
