package london.cofund.fund;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import london.cofund.fund.FundCommitments.RoundCommitment;
import london.cofund.fund.FundPosition.YearPosition;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.Formats;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund that rounds draw on: its years, its split between direct borough funding and
 * co-commissioning, and what its rounds hold. MOPAC maintains it; every change is recorded with
 * who, when, the old and new value, and why.
 */
@Service
public class FundService {

  private static final Logger LOG = LoggerFactory.getLogger(FundService.class);

  private final FundRepository funds;
  private final FundCommitments commitments;
  private final Validator validator;
  private final Clock clock;

  FundService(FundRepository funds, FundCommitments commitments, Validator validator, Clock clock) {
    this.funds = funds;
    this.commitments = commitments;
    this.validator = validator;
    this.clock = clock;
  }

  public List<Fund> all() {
    return funds.ids().stream().map(this::get).toList();
  }

  public Fund get(String fundId) {
    return funds.find(fundId).orElseThrow(() -> new NotFoundException("No fund '" + fundId + "'."));
  }

  public Optional<Fund> find(String fundId) {
    return funds.find(fundId);
  }

  public List<FundChange> changes(String fundId) {
    get(fundId);
    return funds.changes(fundId);
  }

  /** Where the fund stands now: budgets, awards, undecided pots and projects. */
  public FundPosition position(String fundId) {
    return position(get(fundId));
  }

  private FundPosition position(Fund fund) {
    List<RoundCommitment> rounds = commitments.rounds(fund.fundId());
    Map<String, Long> committed = new HashMap<>();
    long reserved = 0;
    for (RoundCommitment round : rounds) {
      round.awardedByYear().forEach((year, amount) -> committed.merge(year, amount, Long::sum));
      reserved += round.reserved();
    }
    List<YearPosition> years =
        fund.years().stream()
            .map(y -> new YearPosition(y, committed.getOrDefault(y.financialYear(), 0L)))
            .toList();
    return new FundPosition(fund, years, rounds, reserved);
  }

  /**
   * The fund a round draws on: the one named, or else the one whose years contain the day its
   * services start. Where several funds do, the one created first: an established fund is not
   * displaced by a newer one that overlaps it, and naming {@code fundId} chooses another. A 400
   * names {@code fundId} when there is none.
   */
  public Fund fundFor(String fundId, OffsetDateTime serviceStart) {
    if (fundId != null && !fundId.isBlank()) {
      Fund named =
          funds
              .find(fundId.trim())
              .orElseThrow(
                  () -> new InvalidRequestException("fundId", "no fund '" + fundId + "' exists"));
      if (!named.covers(serviceStart)) {
        throw new InvalidRequestException(
            "fundId",
            "fund "
                + named.fundId()
                + " runs from "
                + named.firstYear()
                + " to "
                + named.lastYear()
                + ", but the services start in "
                + FinancialYear.of(serviceStart));
      }
      return named;
    }
    return funds.idsOldestFirst().stream()
        .map(this::get)
        .filter(f -> f.covers(serviceStart))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "fundId",
                    "no fund covers "
                        + FinancialYear.of(serviceStart)
                        + ", the year the services start; name a fund or create one first"));
  }

  /**
   * Reserves a new round's pot on the fund: takes the fund's lock, so that rounds created at once
   * are checked one after the other, and refuses a pot larger than what is left from the year its
   * services start, naming {@code potAmount} with the figures. Call it in the transaction that
   * stores the round.
   *
   * @return the fund's position before the round
   */
  @Transactional
  public FundPosition reserve(Fund fund, OffsetDateTime serviceStart, long potAmount) {
    funds.lock(fund.fundId());
    FundPosition position = position(fund);
    FinancialYear start = FinancialYear.of(serviceStart);
    long available = position.availableFrom(start);
    if (potAmount > available) {
      throw new InvalidRequestException(
          "potAmount",
          Formats.money(potAmount)
              + " is more than the "
              + Formats.money(Math.max(0, available))
              + " of co-commissioning budget left in "
              + fund.fundId()
              + " from "
              + start
              + " (budget "
              + Formats.money(position.coCommissioningBudget())
              + ", awarded "
              + Formats.money(position.committed())
              + ", set aside for undecided rounds "
              + Formats.money(position.reserved())
              + ")");
    }
    return position;
  }

  /**
   * What each year can still pay for a round: the year's co-commissioning budget less the awards of
   * the fund's other rounds. Years before the round's services start have nothing to give.
   */
  public Map<String, Long> yearBudgetsFor(String fundId, String roundId, OffsetDateTime start) {
    // In the caller's transaction, the lock keeps two panels deciding at once from both spending
    // the same year's money.
    funds.lock(fundId);
    Fund fund = get(fundId);
    FinancialYear first = FinancialYear.of(start);
    Map<String, Long> committedByOthers = new HashMap<>();
    for (RoundCommitment round : commitments.rounds(fundId)) {
      if (!round.roundId().equals(roundId)) {
        round
            .awardedByYear()
            .forEach((year, amount) -> committedByOthers.merge(year, amount, Long::sum));
      }
    }
    Map<String, Long> budgets = new LinkedHashMap<>();
    for (FundYear year : fund.years()) {
      if (FinancialYear.parse(year.financialYear()).orElseThrow().compareTo(first) >= 0) {
        budgets.put(
            year.financialYear(),
            Math.max(
                0,
                year.coCommissioningBudget()
                    - committedByOthers.getOrDefault(year.financialYear(), 0L)));
      }
    }
    return budgets;
  }

  /** Creates a fund; a 409 if the id is taken. */
  @Transactional
  public Fund create(FundRequest request, String user) {
    List<FieldProblem> problems = validate(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (funds.exists(request.fundId())) {
      throw new ConflictException("A fund with id '" + request.fundId() + "' already exists.");
    }
    Fund fund = fundOf(request.fundId(), request, 0);
    funds.insert(fund, user, now());
    funds.recordChange(
        fund.fundId(),
        new FundChange("fund", null, "created", reasonOr(request, "created"), user, now()));
    LOG.info("Fund {} created by {}", fund.fundId(), user);
    return get(fund.fundId());
  }

  /**
   * Changes a fund, with a reason, recording each changed value. A year's new co-commissioning
   * budget may not fall below what its awards already hold, and the fund may not fall below the
   * pots of its undecided rounds.
   */
  @Transactional
  public Fund update(String fundId, FundRequest request, String user) {
    funds.lock(fundId);
    Fund before = get(fundId);
    List<FieldProblem> problems = validate(request);
    if (request.fundId() != null && !request.fundId().equals(fundId)) {
      problems.add(
          new FieldProblem("fundId", "is " + fundId + " in the address; a fund keeps its id"));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "is required: say why the fund changes"));
    }
    if (problems.isEmpty()) {
      checkCommitments(position(fundOf(fundId, request, before.version())), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Fund after = fundOf(fundId, request, before.version());
    List<FundChange> changes = diff(before, after, request.reason().trim(), user);
    if (changes.isEmpty()) {
      return before;
    }
    funds.update(after, user, now());
    changes.forEach(change -> funds.recordChange(fundId, change));
    LOG.info("Fund {} changed by {}: {} values", fundId, user, changes.size());
    return get(fundId);
  }

  private void checkCommitments(FundPosition after, List<FieldProblem> problems) {
    Map<String, Long> committed = new HashMap<>();
    commitments
        .rounds(after.fund().fundId())
        .forEach(r -> r.awardedByYear().forEach((y, a) -> committed.merge(y, a, Long::sum)));
    List<YearPosition> years = after.years();
    for (int i = 0; i < years.size(); i++) {
      YearPosition year = years.get(i);
      if (year.available() < 0) {
        problems.add(
            new FieldProblem(
                "years[" + i + "].total",
                "gives a co-commissioning budget of "
                    + Formats.money(year.year().coCommissioningBudget())
                    + " in "
                    + year.year().financialYear()
                    + ", less than the "
                    + Formats.money(year.committed())
                    + " already awarded"));
      }
      committed.remove(year.year().financialYear());
    }
    committed.forEach(
        (year, amount) ->
            problems.add(
                new FieldProblem(
                    "years",
                    year
                        + " holds "
                        + Formats.money(amount)
                        + " of awards and cannot be removed")));
    if (problems.isEmpty() && after.available() < 0) {
      problems.add(
          new FieldProblem(
              "years",
              "leave "
                  + Formats.money(after.available() + after.reserved())
                  + ", less than the "
                  + Formats.money(after.reserved())
                  + " set aside for undecided rounds"));
    }
  }

  private List<FieldProblem> validate(FundRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<FundRequest> violation : validator.validate(request)) {
      problems.add(
          new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      return problems;
    }
    FinancialYear previous = null;
    for (int i = 0; i < request.years().size(); i++) {
      String written = request.years().get(i).financialYear();
      Optional<FinancialYear> year = FinancialYear.parse(written);
      if (year.isEmpty()) {
        problems.add(
            new FieldProblem(
                "years[" + i + "].financialYear",
                written
                    + " is not a financial year: the second part is the next year, as in 2018/19"));
      } else if (previous != null && !year.get().equals(previous.next())) {
        problems.add(
            new FieldProblem(
                "years[" + i + "].financialYear",
                "must be "
                    + previous.next()
                    + ": years follow one another, without gaps or repeats"));
      }
      // After a wrong year, carry on from the one expected, so one mistake is named once.
      previous = previous != null ? previous.next() : year.orElse(null);
    }
    if (request.minProjectsOrDefault() > request.maxProjectsOrDefault()) {
      problems.add(
          new FieldProblem(
              "maxProjects",
              "must be at least minProjects (" + request.minProjectsOrDefault() + ")"));
    }
    return problems;
  }

  private static Fund fundOf(String fundId, FundRequest request, int version) {
    return new Fund(
        fundId,
        request.name().trim(),
        request.years().stream()
            .map(y -> new FundYear(y.financialYear(), y.total(), y.coCommissioningPercent()))
            .toList(),
        request.minProjectsOrDefault(),
        request.maxProjectsOrDefault(),
        version,
        null,
        null);
  }

  private List<FundChange> diff(Fund before, Fund after, String reason, String user) {
    OffsetDateTime at = now();
    List<FundChange> changes = new ArrayList<>();
    change(changes, "name", before.name(), after.name(), reason, user, at);
    change(changes, "minProjects", before.minProjects(), after.minProjects(), reason, user, at);
    change(changes, "maxProjects", before.maxProjects(), after.maxProjects(), reason, user, at);
    Map<String, FundYear> old = new LinkedHashMap<>();
    before.years().forEach(y -> old.put(y.financialYear(), y));
    for (FundYear year : after.years()) {
      FundYear was = old.remove(year.financialYear());
      String field = "years[" + year.financialYear() + "]";
      if (was == null) {
        change(changes, field, null, describe(year), reason, user, at);
      } else {
        change(changes, field + ".total", was.total(), year.total(), reason, user, at);
        change(
            changes,
            field + ".coCommissioningPercent",
            was.coCommissioningPercent(),
            year.coCommissioningPercent(),
            reason,
            user,
            at);
      }
    }
    old.values()
        .forEach(
            year ->
                change(
                    changes,
                    "years[" + year.financialYear() + "]",
                    describe(year),
                    null,
                    reason,
                    user,
                    at));
    return changes;
  }

  private static String describe(FundYear year) {
    return "total " + year.total() + ", " + year.coCommissioningPercent() + "% co-commissioning";
  }

  private static void change(
      List<FundChange> changes,
      String field,
      Object before,
      Object after,
      String reason,
      String user,
      OffsetDateTime at) {
    if (!Objects.equals(before, after)) {
      changes.add(
          new FundChange(
              field,
              before == null ? null : before.toString(),
              after == null ? null : after.toString(),
              reason,
              user,
              at));
    }
  }

  private static String reasonOr(FundRequest request, String fallback) {
    return request.reason() == null || request.reason().isBlank()
        ? fallback
        : request.reason().trim();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
