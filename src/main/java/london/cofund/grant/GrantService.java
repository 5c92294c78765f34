package london.cofund.grant;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import london.cofund.borough.LondonBorough;
import london.cofund.fund.FinancialYear;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundService;
import london.cofund.grant.Grant.GrantStatus;
import london.cofund.proposal.BidForm.PartnerForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.Round;
import london.cofund.round.RoundProposals;
import london.cofund.round.RoundService;
import london.cofund.system.ConflictException;
import london.cofund.system.EngineClock;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.JsonColumns;
import london.cofund.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a grant after the award (issue 13), in plain Java: its agreement or the release of
 * its award, its payment schedule, its quarterly returns, payments only after an approved return,
 * variations within the fund's years, underspend back to the fund, suspension and closure.
 *
 * <p>Money is whole pence. A payment in arrears pays the year's approved spend, capped at the
 * year's budget, less what the year has already been paid; so the payments never exceed the award,
 * and at a year's end what the year was not paid goes back to the fund.
 */
@Service
public class GrantService {

  private static final Logger LOG = LoggerFactory.getLogger(GrantService.class);

  private final GrantRepository grants;
  private final ProposalService proposals;
  private final RoundService rounds;
  private final RoundProposals roundProposals;
  private final FundService funds;
  private final Validator validator;
  private final JsonColumns json;
  private final Clock clock;

  GrantService(
      GrantRepository grants,
      ProposalService proposals,
      RoundService rounds,
      RoundProposals roundProposals,
      FundService funds,
      Validator validator,
      JsonColumns json,
      Clock clock) {
    this.grants = grants;
    this.proposals = proposals;
    this.rounds = rounds;
    this.roundProposals = roundProposals;
    this.funds = funds;
    this.validator = validator;
    this.json = json;
    this.clock = clock;
  }

  /** What MOPAC records when the grant agreement is signed. */
  public record Agreement(
      LocalDate signedOn,
      String decisionReference,
      String conditions,
      boolean firstPaymentInAdvance) {}

  /** A grant with everything the API shows of it. */
  public record GrantRecord(
      Grant grant,
      List<BudgetLine> lines,
      List<Payment> payments,
      List<MonitoringReturn> returns,
      List<Variation> variations) {

    public long paidPence() {
      return payments.stream()
          .filter(p -> p.paidPence() != null)
          .mapToLong(Payment::paidPence)
          .sum();
    }

    public long returnedPence() {
      return lines.stream().mapToLong(BudgetLine::returnedPence).sum();
    }
  }

  public Optional<Grant> find(String reference) {
    return grants.find(reference);
  }

  public Grant get(String reference) {
    return grants
        .find(reference)
        .orElseThrow(() -> new NotFoundException("No grant '" + reference + "'."));
  }

  public GrantRecord record(String reference) {
    return new GrantRecord(
        get(reference),
        grants.lines(reference),
        grants.payments(reference),
        grants.returns(reference),
        grants.variations(reference));
  }

  // ---- the agreement

  /**
   * Opens the grant of a funded proposal whose agreement is signed: its budget lines from the full
   * proposal (pounds to pence), and its schedule, one payment per quarter from the quarter its
   * services start to the end of its last budget year, each year's budget split evenly over its
   * quarters. Opening it again changes nothing (a retried step).
   */
  @Transactional
  public Grant open(String reference, Agreement agreement) {
    Optional<Grant> existing = grants.find(reference);
    if (existing.isPresent()) {
      return existing.get();
    }
    Proposal proposal = proposals.get(reference);
    if (proposal.awardedAmount() == null || proposal.budgetByYear().isEmpty()) {
      throw new IllegalStateException(
          "Proposal " + reference + " has no award or no budget by year: it cannot have a grant");
    }
    Round round = rounds.get(proposal.roundId());
    LocalDate start =
        round.dates().serviceStartDate().atZoneSameInstant(EngineClock.LONDON).toLocalDate();
    TreeMap<String, Long> budget = new TreeMap<>();
    proposal.budgetByYear().forEach((year, pounds) -> budget.put(year, Pence.ofPounds(pounds)));
    FinancialYear last = FinancialYear.parse(budget.lastKey()).orElseThrow();
    LocalDate end = LocalDate.of(last.startYear() + 1, 3, 31);
    Grant grant =
        new Grant(
            reference,
            proposal.roundId(),
            GrantStatus.ACTIVE,
            Pence.ofPounds(proposal.awardedAmount()),
            agreement.signedOn(),
            agreement.decisionReference(),
            agreement.conditions(),
            null,
            agreement.firstPaymentInAdvance(),
            start,
            end,
            partnersOf(proposal),
            false,
            null,
            null,
            null,
            null);
    grants.insert(grant, now());
    budget.forEach((year, pence) -> grants.saveLine(reference, year, pence));
    List<Quarter> quarters = Quarter.between(start, end);
    for (Map.Entry<String, Long> line : budget.entrySet()) {
      List<Quarter> ofYear =
          quarters.stream().filter(q -> q.year().toString().equals(line.getKey())).toList();
      long[] shares = Pence.split(line.getValue(), Math.max(1, ofYear.size()));
      for (int i = 0; i < ofYear.size(); i++) {
        Quarter q = ofYear.get(i);
        grants.insertPayment(
            reference,
            new Payment(
                q,
                Payment.Kind.QUARTER,
                line.getKey(),
                q.returnDue(),
                shares[i],
                Payment.Status.PLANNED,
                null,
                null));
      }
    }
    if (agreement.firstPaymentInAdvance() && !quarters.isEmpty()) {
      Quarter first = quarters.get(0);
      long planned =
          grants.payments(reference).stream()
              .filter(p -> p.quarter().equals(first))
              .mapToLong(Payment::plannedPence)
              .findFirst()
              .orElse(0);
      grants.insertPayment(
          reference,
          new Payment(
              first,
              Payment.Kind.ADVANCE,
              first.year().toString(),
              start,
              planned,
              Payment.Status.PLANNED,
              null,
              null));
    }
    LOG.info(
        "Grant {} opened: {} over {} quarters",
        reference,
        Pence.format(grant.awardPence()),
        quarters.size());
    return grant;
  }

  /** The quarters a grant reports on, in order: the process's loop. */
  public List<String> quarters(String reference) {
    return grants.payments(reference).stream()
        .filter(p -> p.kind() == Payment.Kind.QUARTER)
        .map(p -> p.quarter().toString())
        .distinct()
        .toList();
  }

  /**
   * The grant's quarters after {@code quarter} (all of them when null), in order: those an approved
   * extension of the end date added.
   */
  public List<String> quartersAfter(String reference, String quarter) {
    return quarters(reference).stream()
        .filter(q -> quarter == null || q.compareTo(quarter) > 0)
        .toList();
  }

  /**
   * An extension of the end date adds the quarters from the old end to the new one, each with its
   * return and a payment planned at nothing: the money follows the budget's years, whose last one's
   * underspend has gone back to the fund (or will at its end), so a quarter beyond them reports
   * delivery and outcomes but releases no money.
   */
  private void addQuarters(String reference, LocalDate oldEnd, LocalDate newEnd) {
    List<String> known = quarters(reference);
    for (Quarter q : Quarter.between(oldEnd.plusDays(1), newEnd)) {
      if (!known.contains(q.toString())) {
        grants.insertPayment(
            reference,
            new Payment(
                q,
                Payment.Kind.QUARTER,
                q.year().toString(),
                q.returnDue(),
                0,
                Payment.Status.PLANNED,
                null,
                null));
      }
    }
  }

  /**
   * The agreement failed: the grant is recorded as failed with the reason, and its whole award is
   * returned (every line's budget), so the fund shows it as available again.
   */
  @Transactional
  public Grant failAgreement(String reference, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(
          "agreementFailureReason", "is required when the agreement was not signed");
    }
    Optional<Grant> existing = grants.find(reference);
    if (existing.isPresent()) {
      return existing.get();
    }
    Proposal proposal = proposals.get(reference);
    Round round = rounds.get(proposal.roundId());
    LocalDate start =
        round.dates().serviceStartDate().atZoneSameInstant(EngineClock.LONDON).toLocalDate();
    long award = Pence.ofPounds(proposal.awardedAmount() == null ? 0 : proposal.awardedAmount());
    grants.insert(
        new Grant(
            reference,
            proposal.roundId(),
            GrantStatus.AGREEMENT_FAILED,
            award,
            null,
            null,
            null,
            reason.trim(),
            false,
            start,
            start,
            partnersOf(proposal),
            false,
            null,
            null,
            null,
            null),
        now());
    proposal
        .budgetByYear()
        .forEach(
            (year, pounds) -> {
              grants.saveLine(reference, year, Pence.ofPounds(pounds));
              grants.saveReturned(reference, year, Pence.ofPounds(pounds));
            });
    LOG.info("Grant {}: the agreement failed; {} released", reference, Pence.format(award));
    return get(reference);
  }

  /**
   * The best-scored {@code DEFERRED} proposal of the failed grant's round whose budget fits, year
   * by year, in what the fund has left now that the award is released; none if nothing fits.
   */
  public Optional<Proposal> bestReplacement(String failedReference) {
    Grant failed = get(failedReference);
    Round round = rounds.get(failed.roundId());
    FundPosition position = funds.position(round.fundId());
    Map<String, Long> available = new TreeMap<>();
    position.years().forEach(y -> available.put(y.year().financialYear(), y.available()));
    return roundProposals.deferredReferences(round.roundId()).stream()
        .map(proposals::get)
        .filter(p -> p.status() == ProposalStatus.DEFERRED && p.effectiveScore() != null)
        .filter(p -> grants.find(p.reference()).isEmpty())
        .filter(
            p ->
                !p.budgetByYear().isEmpty()
                    && p.budgetByYear().entrySet().stream()
                        .allMatch(e -> e.getValue() <= available.getOrDefault(e.getKey(), 0L)))
        .max(
            Comparator.comparing(Proposal::effectiveScore)
                .thenComparing(Proposal::reference, Comparator.reverseOrder()));
  }

  /** Records that {@code replacement} was funded in the failed grant's place. */
  @Transactional
  public void recordReplacement(String failedReference, String replacement) {
    grants.saveReplacement(failedReference, replacement, now());
  }

  /** The proposals funded in place of failed grants of a round. */
  public List<String> replacementsOfRound(String roundId) {
    return grants.replacementsOfRound(roundId);
  }

  /** What a grant holds of the fund by financial year, in pence (its lines less returns). */
  public Map<String, Long> heldByYear(String reference) {
    Map<String, Long> held = new TreeMap<>();
    grants.lines(reference).forEach(l -> held.put(l.financialYear(), l.heldPence()));
    return held;
  }

  // ---- returns

  /**
   * Checks a return before anything is stored: each bad field is a 400 naming it (negative spend, a
   * line not in the budget, a borough that is not one); a quarter that has not ended, or one whose
   * return is already in (and not sent back), is a 409.
   */
  public Quarter checkReturn(String reference, ReturnForm form) {
    Grant grant = get(reference);
    List<FieldProblem> problems = violations(form);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Optional<Quarter> parsed = Quarter.parse(form.quarter());
    if (parsed.isEmpty()) {
      problems.add(new FieldProblem("quarter", "must be a quarter such as 2026/27 Q1"));
    }
    List<String> lines = grants.lines(reference).stream().map(BudgetLine::financialYear).toList();
    // A quarter an extension added beyond the budget's years has no money to spend.
    boolean unfunded = parsed.isPresent() && !lines.contains(parsed.get().year().toString());
    for (int i = 0; i < form.spend().size(); i++) {
      ReturnForm.SpendLine spend = form.spend().get(i);
      if (spend.amountPence() < 0) {
        problems.add(
            new FieldProblem(
                "spend[" + i + "].amountPence", "must not be negative (whole pence spent)"));
      } else if (unfunded && spend.amountPence() > 0) {
        problems.add(
            new FieldProblem(
                "spend[" + i + "].amountPence",
                "must be 0: "
                    + parsed.get()
                    + " extends the grant beyond its budget's years ("
                    + String.join(", ", lines)
                    + "), and carries no money"));
      }
      if (!lines.contains(spend.line().trim())) {
        problems.add(
            new FieldProblem(
                "spend[" + i + "].line",
                "'"
                    + spend.line()
                    + "' is not a line of the budget ("
                    + String.join(", ", lines)
                    + ")"));
      }
    }
    List<ReturnForm.Reach> reached =
        form.peopleReached() == null ? List.of() : form.peopleReached();
    for (int i = 0; i < reached.size(); i++) {
      if (!LondonBorough.isBoroughCode(reached.get(i).boroughCode())) {
        problems.add(
            new FieldProblem(
                "peopleReached[" + i + "].boroughCode", "must be a London borough's GSS code"));
      }
      if (reached.get(i).people() < 0) {
        problems.add(new FieldProblem("peopleReached[" + i + "].people", "must not be negative"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Quarter quarter = parsed.orElseThrow();
    if (grant.status() != GrantStatus.ACTIVE) {
      throw new ConflictException(
          "Grant " + reference + " is " + grant.status() + ": it takes no returns.");
    }
    if (!today().isAfter(quarter.end())) {
      throw new ConflictException(
          "The return for "
              + quarter
              + " cannot be submitted before the quarter ends on "
              + quarter.end()
              + ".");
    }
    if (!quarters(reference).contains(quarter.toString())) {
      throw new ConflictException("Grant " + reference + " does not report on " + quarter + ".");
    }
    Optional<MonitoringReturn> earlier = returnOf(reference, quarter);
    if (earlier.isPresent()
        && earlier.get().status() != MonitoringReturn.Status.CHANGES_REQUESTED) {
      throw new ConflictException(
          "The return for "
              + quarter
              + " of "
              + reference
              + " is already in ("
              + earlier.get().status()
              + ").");
    }
    return quarter;
  }

  /** Stores a checked return for its quarter (a resubmission replaces the one sent back). */
  @Transactional
  public void submitReturn(String reference, ReturnForm form, String by) {
    Quarter quarter = checkReturn(reference, form);
    grants.saveReturn(reference, form, quarter, by, now());
  }

  public Optional<MonitoringReturn> returnOf(String reference, Quarter quarter) {
    return grants.returns(reference).stream().filter(r -> r.quarter().equals(quarter)).findFirst();
  }

  /** MOPAC's review: approved, or sent back with reasons (required). */
  @Transactional
  public void reviewReturn(
      String reference, Quarter quarter, boolean approved, String reasons, String by) {
    MonitoringReturn submitted =
        returnOf(reference, quarter)
            .filter(r -> r.status() == MonitoringReturn.Status.SUBMITTED)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "No return for " + quarter + " of " + reference + " awaits review."));
    if (!approved && (reasons == null || reasons.isBlank())) {
      throw new InvalidRequestException(
          "returnReviewReasons", "is required when asking for changes: say what to change");
    }
    grants.saveReview(
        reference,
        submitted.quarter(),
        approved ? MonitoringReturn.Status.APPROVED : MonitoringReturn.Status.CHANGES_REQUESTED,
        by,
        reasons == null || reasons.isBlank() ? null : reasons.trim(),
        now());
  }

  // ---- payments

  /** The result of releasing a quarter's payment. */
  public record Release(Quarter quarter, Payment.Status status, long paidPence) {}

  /**
   * Releases a quarter's payment in arrears. Refused, naming the missing return, when the quarter's
   * return is not approved; held (not paid) while payments are suspended.
   */
  @Transactional
  public Release releasePayment(String reference, Quarter quarter) {
    grants.lock(reference);
    Grant grant = get(reference);
    MonitoringReturn approved =
        returnOf(reference, quarter)
            .filter(r -> r.status() == MonitoringReturn.Status.APPROVED)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Payment refused: the return for "
                            + quarter
                            + " of grant "
                            + reference
                            + " is not approved"
                            + returnOf(reference, quarter)
                                .map(r -> " (it is " + r.status() + ")")
                                .orElse(" (none was submitted)")));
    if (grant.paymentsSuspended()) {
      grants.savePaymentStatus(
          reference, quarter, Payment.Kind.QUARTER, Payment.Status.HELD, null, null);
      LOG.info("Grant {}: payment for {} held: payments are suspended", reference, quarter);
      return new Release(quarter, Payment.Status.HELD, 0);
    }
    return pay(reference, approved.quarter());
  }

  private Release pay(String reference, Quarter quarter) {
    String year = quarter.year().toString();
    long budget =
        grants.lines(reference).stream()
            .filter(l -> l.financialYear().equals(year))
            .mapToLong(BudgetLine::budgetPence)
            .findFirst()
            .orElse(0);
    long approvedSpend = approvedSpendIn(reference, year);
    long paidInYear = paidIn(reference, year);
    long amount = Math.max(0, Math.min(approvedSpend, budget) - paidInYear);
    grants.savePaymentStatus(
        reference, quarter, Payment.Kind.QUARTER, Payment.Status.PAID, amount, now());
    LOG.info("Grant {}: {} paid for {}", reference, Pence.format(amount), quarter);
    return new Release(quarter, Payment.Status.PAID, amount);
  }

  /** The spend of the year's approved returns (a quarter's spend counts towards its year). */
  private long approvedSpendIn(String reference, String year) {
    return grants.returns(reference).stream()
        .filter(r -> r.status() == MonitoringReturn.Status.APPROVED)
        .filter(r -> r.quarter().year().toString().equals(year))
        .mapToLong(MonitoringReturn::spendPence)
        .sum();
  }

  private long paidIn(String reference, String year) {
    return grants.payments(reference).stream()
        .filter(p -> p.financialYear().equals(year) && p.paidPence() != null)
        .mapToLong(Payment::paidPence)
        .sum();
  }

  /** Pays the first quarter in advance where MOPAC set it (held if payments are suspended). */
  @Transactional
  public void payInAdvance(String reference) {
    grants.lock(reference);
    Grant grant = get(reference);
    grants.payments(reference).stream()
        .filter(p -> p.kind() == Payment.Kind.ADVANCE && p.status() == Payment.Status.PLANNED)
        .findFirst()
        .ifPresent(
            advance ->
                grants.savePaymentStatus(
                    reference,
                    advance.quarter(),
                    Payment.Kind.ADVANCE,
                    grant.paymentsSuspended() ? Payment.Status.HELD : Payment.Status.PAID,
                    grant.paymentsSuspended() ? null : advance.plannedPence(),
                    grant.paymentsSuspended() ? null : now()));
  }

  /**
   * At a year's end, what the year's budget was not paid goes back to the fund: recorded on the
   * line, so the fund shows it as available to the next tranche. Returns the underspend.
   */
  @Transactional
  public long returnUnderspend(String reference, String year) {
    grants.lock(reference);
    long budget =
        grants.lines(reference).stream()
            .filter(l -> l.financialYear().equals(year))
            .mapToLong(BudgetLine::budgetPence)
            .findFirst()
            .orElse(0);
    // Approved spend whose payment is held (payments suspended) is still owed: it stays.
    long owed =
        Math.max(paidIn(reference, year), Math.min(approvedSpendIn(reference, year), budget));
    long underspend = Math.max(0, budget - owed);
    grants.saveReturned(reference, year, underspend);
    LOG.info("Grant {}: {} of {} returned to the fund", reference, Pence.format(underspend), year);
    return underspend;
  }

  // ---- suspension

  /** MOPAC suspends the grant's payments; a 409 if they already are. */
  @Transactional
  public void suspend(String reference, String reason) {
    Grant grant = get(reference);
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "is required: say why payments are suspended");
    }
    if (grant.status() != GrantStatus.ACTIVE) {
      throw new ConflictException("Grant " + reference + " is " + grant.status() + ".");
    }
    if (grant.paymentsSuspended()) {
      throw new ConflictException("The payments of grant " + reference + " are already suspended.");
    }
    grants.saveSuspension(reference, true, reason.trim(), now());
  }

  /** MOPAC resumes payments: every payment held meanwhile is released. */
  @Transactional
  public void resume(String reference, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("resumeReason", "is required: say why payments resume");
    }
    grants.lock(reference);
    grants.saveSuspension(reference, false, reason.trim(), now());
    for (Payment held : grants.payments(reference)) {
      if (held.status() != Payment.Status.HELD) {
        continue;
      }
      if (held.kind() == Payment.Kind.ADVANCE) {
        grants.savePaymentStatus(
            reference,
            held.quarter(),
            Payment.Kind.ADVANCE,
            Payment.Status.PAID,
            held.plannedPence(),
            now());
      } else {
        pay(reference, held.quarter());
      }
    }
  }

  // ---- variations

  /**
   * Checks and records a variation as asked for, with the grant before and after. A 400 names each
   * bad field (an unknown line, a negative amount, budget lines that no longer add up, with the
   * sums; a year that would exceed its co-commissioning budget, with the figures); a 409 when
   * another variation awaits MOPAC or the grant is not active.
   */
  @Transactional
  public Variation requestVariation(String reference, VariationRequest request, String by) {
    grants.lock(reference);
    Grant grant = get(reference);
    List<FieldProblem> problems = violations(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String before;
    String after;
    switch (request.kind()) {
      case BUDGET -> {
        Map<String, Long> current = budgetOf(reference);
        Map<String, Long> next = checkBudget(grant, current, request.budget());
        before = json.write(current);
        after = json.write(next);
      }
      case END_DATE -> {
        if (request.endDate() == null) {
          throw new InvalidRequestException("endDate", "is required to extend the end date");
        }
        if (!request.endDate().isAfter(grant.endsOn())) {
          throw new InvalidRequestException(
              "endDate", "must be after the grant's end date, " + grant.endsOn());
        }
        if (today().isAfter(grant.endsOn())) {
          // Its quarters are over: the loop that would report on added quarters has ended.
          throw new ConflictException(
              "Grant "
                  + reference
                  + " ended on "
                  + grant.endsOn()
                  + ": an end date is extended before it is reached.");
        }
        before = json.write(Map.of("endDate", grant.endsOn().toString()));
        after = json.write(Map.of("endDate", request.endDate().toString()));
      }
      case PARTNERS -> {
        if (request.partners() == null || request.partners().isEmpty()) {
          throw new InvalidRequestException("partners", "must name the partners after the change");
        }
        before = json.write(grant.partners());
        after = json.write(request.partners().stream().map(String::trim).toList());
      }
      default -> throw new IllegalStateException("Unknown kind " + request.kind());
    }
    if (grant.status() != GrantStatus.ACTIVE) {
      throw new ConflictException(
          "Grant " + reference + " is " + grant.status() + ": it cannot vary.");
    }
    if (grants.variations(reference).stream()
        .anyMatch(v -> v.status() == Variation.Status.REQUESTED)) {
      throw new ConflictException(
          "Grant "
              + reference
              + " has a variation awaiting MOPAC's decision: ask again once it is decided.");
    }
    long id =
        grants.insertVariation(
            reference, request.kind(), before, after, request.reason().trim(), by, now());
    return variation(reference, id);
  }

  public Variation variation(String reference, long id) {
    return grants.variations(reference).stream()
        .filter(v -> v.id() == id)
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("No variation " + id + " of grant " + reference + "."));
  }

  /** The variation awaiting MOPAC, if any. */
  public Optional<Variation> pendingVariation(String reference) {
    return grants.variations(reference).stream()
        .filter(v -> v.status() == Variation.Status.REQUESTED)
        .findFirst();
  }

  /**
   * MOPAC's decision on a variation. An approved one is applied; a money change is checked again
   * against the fund (its position may have moved since the request) and refused with the figures.
   */
  @Transactional
  public void decideVariation(
      String reference, long id, boolean approved, String reason, String by) {
    grants.lock(reference);
    Variation variation = variation(reference, id);
    if (variation.status() != Variation.Status.REQUESTED) {
      throw new ConflictException("Variation " + id + " is already " + variation.status() + ".");
    }
    if (!approved && (reason == null || reason.isBlank())) {
      throw new InvalidRequestException(
          "variationDecisionReason", "is required when declining: say why");
    }
    if (approved) {
      Grant grant = get(reference);
      switch (variation.kind()) {
        case BUDGET -> {
          Map<String, Long> next =
              json.read(
                  variation.after(),
                  new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, Long>>() {});
          List<VariationRequest.Line> lines = new ArrayList<>();
          next.forEach((line, amount) -> lines.add(new VariationRequest.Line(line, amount)));
          checkBudget(grant, budgetOf(reference), lines);
          next.forEach((line, amount) -> grants.saveLine(reference, line, amount));
          replan(reference, next.keySet());
        }
        case END_DATE -> {
          LocalDate newEnd =
              LocalDate.parse(
                  json.read(
                          variation.after(),
                          new com.fasterxml.jackson.core.type.TypeReference<
                              Map<String, String>>() {})
                      .get("endDate"));
          grants.saveEndDate(reference, newEnd, now());
          addQuarters(reference, grant.endsOn(), newEnd);
        }
        case PARTNERS ->
            grants.savePartners(
                reference,
                json.read(
                    variation.after(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {}),
                now());
        default -> throw new IllegalStateException("Unknown kind " + variation.kind());
      }
    }
    grants.saveVariationDecision(
        id,
        approved ? Variation.Status.APPROVED : Variation.Status.DECLINED,
        by,
        reason == null || reason.isBlank() ? null : reason.trim(),
        now());
  }

  private Map<String, Long> budgetOf(String reference) {
    Map<String, Long> budget = new TreeMap<>();
    grants.lines(reference).forEach(l -> budget.put(l.financialYear(), l.budgetPence()));
    return budget;
  }

  /** The budget after the change, or a 400 naming what is wrong, with the sums and the figures. */
  private Map<String, Long> checkBudget(
      Grant grant, Map<String, Long> current, List<VariationRequest.Line> lines) {
    List<FieldProblem> problems = new ArrayList<>();
    if (lines == null || lines.isEmpty()) {
      throw new InvalidRequestException("budget", "must list the budget lines after the change");
    }
    Map<String, Long> next = new TreeMap<>(current);
    for (int i = 0; i < lines.size(); i++) {
      VariationRequest.Line line = lines.get(i);
      String year = line.line().trim();
      if (!current.containsKey(year)) {
        problems.add(
            new FieldProblem(
                "budget[" + i + "].line",
                "'"
                    + line.line()
                    + "' is not a line of the budget ("
                    + String.join(", ", current.keySet())
                    + ")"));
        continue;
      }
      if (line.amountPence() < 0) {
        problems.add(new FieldProblem("budget[" + i + "].amountPence", "must not be negative"));
        continue;
      }
      long spoken = paidIn(grant.reference(), year) + returnedIn(grant.reference(), year);
      if (line.amountPence() < spoken) {
        problems.add(
            new FieldProblem(
                "budget[" + i + "].amountPence",
                Pence.format(line.amountPence())
                    + " is less than the "
                    + Pence.format(spoken)
                    + " already paid or returned in "
                    + year));
        continue;
      }
      next.put(year, line.amountPence());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    long before = current.values().stream().mapToLong(Long::longValue).sum();
    long after = next.values().stream().mapToLong(Long::longValue).sum();
    if (before != after) {
      throw new InvalidRequestException(
          "budget",
          "the lines must still add up to the award: they add up to "
              + Pence.format(after)
              + ", but the budget is "
              + Pence.format(before)
              + " (a difference of "
              + Pence.format(after - before)
              + ")");
    }
    Round round = rounds.get(grant.roundId());
    FundPosition position = funds.position(round.fundId());
    for (int i = 0; i < lines.size(); i++) {
      String year = lines.get(i).line().trim();
      long increase = next.get(year) - current.get(year);
      if (increase <= 0) {
        continue;
      }
      FundPosition.YearPosition fundYear =
          position.years().stream()
              .filter(y -> y.year().financialYear().equals(year))
              .findFirst()
              .orElse(null);
      long left = fundYear == null ? 0 : Pence.ofPounds(Math.max(0, fundYear.available()));
      if (increase > left) {
        problems.add(
            new FieldProblem(
                "budget[" + i + "].amountPence",
                "adding "
                    + Pence.format(increase)
                    + " to "
                    + year
                    + " would exceed that year's co-commissioning budget: "
                    + (fundYear == null
                        ? "the fund has no such year"
                        : Pence.format(Pence.ofPounds(fundYear.year().coCommissioningBudget()))
                            + ", of which "
                            + Pence.format(Pence.ofPounds(fundYear.committed()))
                            + " is awarded, leaving "
                            + Pence.format(left))));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return next;
  }

  private long returnedIn(String reference, String year) {
    return grants.lines(reference).stream()
        .filter(l -> l.financialYear().equals(year))
        .mapToLong(BudgetLine::returnedPence)
        .sum();
  }

  /** Spreads each changed year's unpaid budget over its quarters not yet paid. */
  private void replan(String reference, java.util.Set<String> years) {
    Map<String, Long> budget = budgetOf(reference);
    for (String year : years) {
      List<Payment> open =
          grants.payments(reference).stream()
              .filter(p -> p.kind() == Payment.Kind.QUARTER && p.financialYear().equals(year))
              .filter(p -> p.status() == Payment.Status.PLANNED)
              .toList();
      if (open.isEmpty()) {
        continue;
      }
      long rest = Math.max(0, budget.get(year) - paidIn(reference, year));
      long[] shares = Pence.split(rest, open.size());
      for (int i = 0; i < open.size(); i++) {
        grants.savePlanned(reference, open.get(i).quarter(), Payment.Kind.QUARTER, shares[i]);
      }
    }
  }

  // ---- closure

  /** The lead's final report. */
  @Transactional
  public void recordFinalReport(String reference, String report) {
    if (report == null || report.isBlank()) {
      throw new InvalidRequestException("finalReport", "is required: how the project went");
    }
    grants.saveFinalReport(reference, report.trim(), now());
  }

  /** MOPAC's evaluation, which closes the grant. */
  @Transactional
  public void close(String reference, String evaluation) {
    if (evaluation == null || evaluation.isBlank()) {
      throw new InvalidRequestException(
          "evaluation", "is required: MOPAC's evaluation of the project");
    }
    grants.saveEvaluation(reference, evaluation.trim(), now());
  }

  // ----

  private List<String> partnersOf(Proposal proposal) {
    List<PartnerForm> partners =
        proposal.currentBid().partners() == null ? List.of() : proposal.currentBid().partners();
    return partners.stream().map(PartnerForm::name).toList();
  }

  private <T> List<FieldProblem> violations(T form) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<T> violation : validator.validate(form)) {
      problems.add(
          new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(EngineClock.LONDON));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /**
   * One year of a grant, in whole pence: its budget line, the spend its approved returns report,
   * what it was paid and what it returned to the fund.
   */
  public record YearFigures(
      String financialYear,
      long budgetPence,
      long spentPence,
      long paidPence,
      long returnedPence) {}

  /** A grant's figures by financial year, for spend against budget. */
  public List<YearFigures> figuresByYear(String reference) {
    return grants.lines(reference).stream()
        .map(
            line ->
                new YearFigures(
                    line.financialYear(),
                    line.budgetPence(),
                    approvedSpendIn(reference, line.financialYear()),
                    paidIn(reference, line.financialYear()),
                    line.returnedPence()))
        .toList();
  }

  /** The references of every grant, in order. */
  public List<String> references() {
    return grants.references();
  }
}
