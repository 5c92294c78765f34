package london.cofund.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import london.cofund.eligibility.Thresholds;
import london.cofund.portfolio.RecommendedPortfolio;

/**
 * One tranche of the co-commissioning fund, as stored in {@code cf_round}. Its process instance
 * (key {@code fundingRound}) has the round id as business key.
 */
public record Round(
    String roundId,
    String name,
    int tranche,
    long potAmount,
    int minProjects,
    int maxProjects,
    int assessorsPerProposal,
    BigDecimal fundableThreshold,
    List<Priority> priorityLongList,
    List<String> shortlist,
    RoundDates dates,
    RoundStage stage,
    String previousRoundId,
    String prospectusSignOffComments,
    OffsetDateTime publishedAt,
    RecommendedPortfolio recommendedPortfolio,
    FundingDecision decision,
    String awardsSignOffComments,
    List<Priority> carriedForwardPriorities,
    OffsetDateTime announcedAt,
    String createdBy,
    OffsetDateTime createdAt,
    String fundId,
    Thresholds thresholds) {

  /**
   * A round as it is opened: in consultation on its long list, with nothing short-listed, signed
   * off, recommended, decided or announced yet.
   */
  public static Round opened(
      String roundId,
      String name,
      int tranche,
      long potAmount,
      int minProjects,
      int maxProjects,
      int assessorsPerProposal,
      BigDecimal fundableThreshold,
      List<Priority> priorityLongList,
      RoundDates dates,
      String previousRoundId,
      String createdBy,
      OffsetDateTime createdAt,
      String fundId,
      Thresholds thresholds) {
    return new Round(
        roundId,
        name,
        tranche,
        potAmount,
        minProjects,
        maxProjects,
        assessorsPerProposal,
        fundableThreshold,
        priorityLongList,
        List.of(),
        dates,
        RoundStage.PRIORITIES_CONSULTATION,
        previousRoundId,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        createdBy,
        createdAt,
        fundId,
        thresholds);
  }

  /** The round's key dates, which must come in this order. */
  public record RoundDates(
      OffsetDateTime consultationDeadline,
      OffsetDateTime eoiDeadline,
      OffsetDateTime fullProposalDeadline,
      OffsetDateTime decisionDate,
      OffsetDateTime serviceStartDate) {}

  /** EOIs are taken while the prospectus is published and the EOI deadline has not passed. */
  public boolean acceptsEois(Instant now) {
    return stage == RoundStage.OPEN_FOR_EOIS && now.isBefore(dates.eoiDeadline().toInstant());
  }

  public boolean isOnLongList(String code) {
    return priority(code).isPresent();
  }

  public Optional<Priority> priority(String code) {
    return priorityLongList.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  /** What the panel's decision funds, or nothing before it is recorded. */
  public List<String> fundedReferences() {
    return decision == null ? List.of() : decision.funded();
  }

  /** The short-listed priorities with their titles. */
  public List<Priority> shortlistPriorities() {
    return shortlist.stream().map(code -> priority(code).orElse(new Priority(code, code))).toList();
  }
}
