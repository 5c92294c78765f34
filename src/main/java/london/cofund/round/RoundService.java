package london.cofund.round;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import london.cofund.fund.Fund;
import london.cofund.fund.FundPosition;
import london.cofund.fund.FundPosition.ProjectTarget;
import london.cofund.fund.FundService;
import london.cofund.portfolio.PortfolioCandidate;
import london.cofund.portfolio.PortfolioOptimizer;
import london.cofund.portfolio.PortfolioRequest;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.RoundProposals.AssessedProposal;
import london.cofund.round.RoundRequest.PriorityItem;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a funding round, independent of the process engine: what a valid round is, what each
 * stage records, the recommended portfolio and the panel's decision. The {@code fundingRound}
 * process calls it step by step (see {@code london.cofund.round.process}).
 */
@Service
public class RoundService {

  private static final Logger LOG = LoggerFactory.getLogger(RoundService.class);

  /**
   * The most priorities a short list may name. The exact optimiser's tables grow with 2 to the
   * power of the priorities covered; 12 keeps them small for any project count (tranche 1 had
   * four).
   */
  public static final int MAX_SHORTLIST = 12;

  private final RoundRepository rounds;
  private final FundService funds;
  private final RoundProposals proposals;
  private final PortfolioOptimizer optimizer;
  private final Validator validator;
  private final Clock clock;

  RoundService(
      RoundRepository rounds,
      FundService funds,
      RoundProposals proposals,
      PortfolioOptimizer optimizer,
      Validator validator,
      Clock clock) {
    this.rounds = rounds;
    this.funds = funds;
    this.proposals = proposals;
    this.optimizer = optimizer;
    this.validator = validator;
    this.clock = clock;
  }

  public Round get(String roundId) {
    return rounds
        .find(roundId)
        .orElseThrow(() -> new NotFoundException("No round '" + roundId + "'."));
  }

  public java.util.Optional<Round> find(String roundId) {
    return rounds.find(roundId);
  }

  public List<Round> all() {
    return rounds.findAll();
  }

  public Map<String, Long> proposalCounts(String roundId) {
    return proposals.countByStatus(roundId);
  }

  /**
   * Checks a request to open a round and stores it: a 400 names every bad field, a 409 a round id
   * that is taken. The caller starts the round's process in the same transaction.
   */
  @Transactional
  public Round register(RoundRequest request, String createdBy) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<RoundRequest> violation : validator.validate(request)) {
      problems.add(
          new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (problems.isEmpty()) {
      checkRules(request, problems);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
    if (rounds.exists(request.roundId())) {
      throw new ConflictException("A round with id '" + request.roundId() + "' already exists.");
    }
    Fund fund = funds.fundFor(request.fundId(), request.serviceStartDate());
    FundPosition position = funds.reserve(fund, request.serviceStartDate(), request.potAmount());
    ProjectTarget target = projectTarget(request, position.stillNeeded());
    Round round =
        Round.opened(
            request.roundId(),
            request.name().trim(),
            request.tranche(),
            request.potAmount(),
            target.minProjects(),
            target.maxProjects(),
            request.assessorsOrDefault(),
            request.thresholdOrDefault(),
            longList(request),
            new Round.RoundDates(
                request.consultationDeadline(),
                request.eoiDeadline(),
                request.fullProposalDeadline(),
                request.decisionDate(),
                request.serviceStartDate()),
            blankToNull(request.previousRoundId()),
            createdBy,
            now(),
            fund.fundId(),
            request.thresholdsOrDefault());
    try {
      rounds.insert(round);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new ConflictException("A round with id '" + request.roundId() + "' already exists.");
    }
    LOG.info("Round {} registered by {}", round.roundId(), createdBy);
    return round;
  }

  /**
   * The round's range of projects: what is given, else what the fund still needs for its target
   * (the seed counts "5-8 projects" across the fund, not per round).
   */
  private static ProjectTarget projectTarget(RoundRequest request, ProjectTarget stillNeeded) {
    int max = request.maxProjects() != null ? request.maxProjects() : stillNeeded.maxProjects();
    int min =
        request.minProjects() != null
            ? request.minProjects()
            : Math.min(max, stillNeeded.minProjects());
    if (request.maxProjects() == null) {
      max = Math.max(max, min);
    }
    return new ProjectTarget(min, max);
  }

  private void checkRules(RoundRequest request, List<FieldProblem> problems) {
    if (request.minProjects() != null
        && request.maxProjects() != null
        && request.minProjects() > request.maxProjects()) {
      problems.add(
          new FieldProblem(
              "maxProjects", "must be at least minProjects (" + request.minProjects() + ")"));
    }
    String[] names = {
      "consultationDeadline",
      "eoiDeadline",
      "fullProposalDeadline",
      "decisionDate",
      "serviceStartDate"
    };
    OffsetDateTime[] dates = {
      request.consultationDeadline(),
      request.eoiDeadline(),
      request.fullProposalDeadline(),
      request.decisionDate(),
      request.serviceStartDate()
    };
    for (int i = 1; i < dates.length; i++) {
      if (!dates[i].isAfter(dates[i - 1])) {
        problems.add(
            new FieldProblem(
                names[i], "must be after " + names[i - 1] + " (" + dates[i - 1] + ")"));
      }
    }
    Set<String> codes = new HashSet<>();
    List<PriorityItem> given =
        request.priorityLongList() == null ? List.of() : request.priorityLongList();
    for (int i = 0; i < given.size(); i++) {
      if (!codes.add(given.get(i).code())) {
        problems.add(
            new FieldProblem(
                "priorityLongList[" + i + "].code",
                "'" + given.get(i).code() + "' is listed twice"));
      }
    }
    String previous = blankToNull(request.previousRoundId());
    if (previous != null) {
      Round before = rounds.find(previous).orElse(null);
      if (before == null) {
        problems.add(new FieldProblem("previousRoundId", "no round '" + previous + "' exists"));
      } else if (before.stage() != RoundStage.ANNOUNCED) {
        problems.add(
            new FieldProblem(
                "previousRoundId",
                "round '"
                    + previous
                    + "' has not announced its awards yet, so nothing is carried forward from it"));
      }
    }
    if (given.isEmpty()
        && (previous == null
            || problems.stream().anyMatch(p -> p.field().equals("previousRoundId"))
            || get(previous).carriedForwardPriorities().isEmpty())) {
      problems.add(new FieldProblem("priorityLongList", "must list at least one priority"));
    }
  }

  /** The long list: the previous round's carried-forward priorities first, then the new ones. */
  private List<Priority> longList(RoundRequest request) {
    Map<String, Priority> list = new LinkedHashMap<>();
    String previous = blankToNull(request.previousRoundId());
    if (previous != null) {
      get(previous).carriedForwardPriorities().forEach(p -> list.put(p.code(), p));
    }
    if (request.priorityLongList() != null) {
      request
          .priorityLongList()
          .forEach(p -> list.putIfAbsent(p.code(), new Priority(p.code(), p.title().trim())));
    }
    return List.copyOf(list.values());
  }

  /** The next proposal number of the round, unique across nodes (it locks the round's row). */
  public int nextProposalNumber(String roundId) {
    return rounds.nextProposalNumber(roundId);
  }

  @Transactional
  public void changeStage(String roundId, RoundStage stage) {
    rounds.lock(roundId);
    rounds.updateStage(roundId, stage);
    LOG.info("Round {} is now at {}", roundId, stage);
  }

  /** Records a borough's comment on the long list. */
  public void recordComment(String roundId, String boroughCode, String comment, String user) {
    rounds.saveComment(roundId, boroughCode, comment, user, now());
  }

  /** Records the short list; every code must be on the long list, at least one. */
  public List<String> agreeShortlist(String roundId, List<String> codes) {
    Round round = get(roundId);
    if (codes.isEmpty()) {
      throw new InvalidRequestException(
          "shortlist", "must name at least one priority of the long list");
    }
    List<String> unknown = codes.stream().filter(code -> !round.isOnLongList(code)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          "shortlist",
          String.join(", ", unknown)
              + " not on the long list ("
              + round.priorityLongList().stream()
                  .map(Priority::code)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    rounds.updateShortlist(roundId, codes);
    return codes;
  }

  public void recordProspectusSignOff(String roundId, boolean approved, String comments) {
    if (!approved && (comments == null || comments.isBlank())) {
      throw new InvalidRequestException(
          "signOffComments", "are required when the prospectus is not approved");
    }
    rounds.updateProspectusSignOff(roundId, comments);
  }

  @Transactional
  public void publish(String roundId) {
    rounds.lock(roundId);
    rounds.markPublished(roundId, now());
    LOG.info("Round {} published: open for EOIs", roundId);
  }

  /** The market development sessions recorded for the round so far, one per priority at most. */
  public List<MarketSession> marketSessions(String roundId) {
    return rounds.marketSessions(roundId);
  }

  public void recordMarketSession(String roundId, MarketSession session) {
    if (!get(roundId).shortlist().contains(session.priorityCode())) {
      throw new InvalidRequestException(
          "priorityCode", session.priorityCode() + " is not short-listed");
    }
    rounds.saveMarketSession(roundId, session, now());
  }

  /**
   * True once the full-proposal window has closed and no proposal is still on its way to
   * assessment.
   */
  @Transactional
  public boolean assessmentComplete(String roundId) {
    rounds.lock(roundId);
    return get(roundId).stage() == RoundStage.ASSESSMENT
        && proposals.noneAwaitingAssessment(roundId);
  }

  /**
   * Recommends the portfolio with the optimiser, within the pot and within each year's
   * co-commissioning budget left, and moves the round to the funding decision.
   */
  @Transactional
  public RecommendedPortfolio recommend(String roundId) {
    Round round = get(roundId);
    List<PortfolioCandidate> candidates =
        proposals.assessed(roundId).stream()
            .map(
                p ->
                    new PortfolioCandidate(
                        p.reference(),
                        p.requestedAmount(),
                        p.totalScore(),
                        Set.copyOf(p.priorityThemes()),
                        p.budgetByYear()))
            .toList();
    RecommendedPortfolio portfolio =
        optimizer.recommend(
            new PortfolioRequest(
                candidates,
                Set.copyOf(round.shortlist()),
                round.minProjects(),
                round.maxProjects(),
                round.potAmount(),
                round.fundableThreshold(),
                yearBudgets(round)));
    rounds.saveRecommendation(roundId, portfolio);
    LOG.info(
        "Round {}: recommended {} of {} candidates, flags {}",
        roundId,
        portfolio.funded().size(),
        candidates.size(),
        portfolio.flags());
    return portfolio;
  }

  /**
   * Records the panel's decision. It must respect the hard limits (project count, pot) and name
   * only assessed proposals of the round; a decision that departs from the recommendation needs a
   * rationale.
   */
  public FundingDecision decide(
      String roundId,
      List<String> funded,
      List<String> deferred,
      String rationale,
      String decidedBy) {
    Round round = get(roundId);
    FundingDecision decision =
        PanelLimits.check(
            round,
            proposals.assessed(roundId),
            funded,
            deferred,
            rationale,
            decidedBy,
            yearBudgets(round));
    rounds.saveDecision(roundId, decision);
    return decision;
  }

  /**
   * What each year of the round's fund can still pay for it; empty for a round that draws on no
   * fund.
   */
  private Map<String, Long> yearBudgets(Round round) {
    return round.fundId() == null
        ? Map.of()
        : funds.yearBudgetsFor(round.fundId(), round.roundId(), round.dates().serviceStartDate());
  }

  public void recordAwardsSignOff(String roundId, boolean approved, String comments) {
    if (!approved && (comments == null || comments.isBlank())) {
      throw new InvalidRequestException(
          "signOffComments", "are required when the awards are not approved");
    }
    rounds.updateAwardsSignOff(roundId, comments);
  }

  /**
   * The working group's comments on MOPAC's draft short list, which MOPAC and the Leaders'
   * Committee read before the prospectus is signed off.
   */
  public void recordWorkingGroupComments(String roundId, String comments) {
    if (comments == null || comments.isBlank()) {
      throw new InvalidRequestException(
          "workingGroupComments", "are required: the working group's view of the short list");
    }
    rounds.updateWorkingGroupComments(roundId, comments.strip());
  }

  /** The working group's comments on the short list, or empty before it has reviewed it. */
  public java.util.Optional<String> workingGroupComments(String roundId) {
    return rounds.workingGroupComments(roundId);
  }

  /**
   * The reference of the formal decision that approved the awards (a DMPC decision such as "PCD
   * 310"); see {@link DecisionOfRecord} for its shape.
   */
  public void recordDecisionReference(String roundId, String decisionReference) {
    rounds.updateDecisionReference(roundId, DecisionOfRecord.check(decisionReference));
  }

  /** The reference of the decision of record, or empty before MOPAC has recorded it. */
  public java.util.Optional<String> decisionReference(String roundId) {
    return rounds.decisionReference(roundId);
  }

  /**
   * Announces the decision: every assessed proposal is told its outcome, and the short-listed
   * priorities that no funded project covers are carried forward to the next tranche.
   */
  @Transactional
  public List<Priority> announce(String roundId) {
    Round round = get(roundId);
    FundingDecision decision = round.decision();
    String decisionReference = rounds.decisionReference(roundId).orElse(null);
    List<AssessedProposal> assessed = proposals.assessed(roundId);
    Set<String> covered = new HashSet<>();
    for (AssessedProposal proposal : assessed) {
      FundingOutcome outcome =
          decision.funded().contains(proposal.reference())
              ? FundingOutcome.FUNDED
              : decision.deferred().contains(proposal.reference())
                  ? FundingOutcome.DEFERRED
                  : FundingOutcome.NOT_FUNDED;
      if (outcome == FundingOutcome.FUNDED) {
        covered.addAll(proposal.priorityThemes());
      }
      proposals.announce(
          proposal.reference(),
          outcome,
          outcome == FundingOutcome.FUNDED ? proposal.requestedAmount() : null,
          DecisionReasons.of(round, decision, proposal, outcome),
          outcome == FundingOutcome.FUNDED ? decisionReference : null);
    }
    List<Priority> carried =
        round.shortlistPriorities().stream().filter(p -> !covered.contains(p.code())).toList();
    rounds.markAnnounced(roundId, carried, now());
    LOG.info(
        "Round {} announced: {} funded, carried forward {}",
        roundId,
        decision.funded().size(),
        carried.stream().map(Priority::code).toList());
    return carried;
  }

  /**
   * The references of the previous round's deferred proposals, whose applicants are invited again.
   */
  public List<String> deferredProposalsOfPreviousRound(String roundId) {
    String previous = get(roundId).previousRoundId();
    return previous == null ? List.of() : proposals.deferredReferences(previous);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
