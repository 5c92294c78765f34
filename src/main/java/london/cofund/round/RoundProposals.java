package london.cofund.round;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a round needs to know about, and do to, its proposals. The proposal feature implements it,
 * so that proposals depend on rounds and never the other way round.
 */
public interface RoundProposals {

  /** How many of the round's proposals are in each status. */
  Map<String, Long> countByStatus(String roundId);

  /** True when no proposal of the round is still on its way to assessment. */
  boolean noneAwaitingAssessment(String roundId);

  /** The round's assessed proposals, as candidates for the portfolio. */
  List<AssessedProposal> assessed(String roundId);

  /** A proposal's full-proposal budget by financial year; empty if it has none. */
  Map<String, Long> budgetByYear(String reference);

  /** The references of the round's deferred proposals. */
  List<String> deferredReferences(String roundId);

  /**
   * Tells one assessed proposal the announced decision, with the reference of the formal decision
   * that approved it when it is funded ({@code null} otherwise, or when none was recorded).
   */
  void announce(
      String reference,
      FundingOutcome outcome,
      Long awardedAmount,
      String reasons,
      String decisionReference);

  /**
   * An assessed proposal as the panel sees it.
   *
   * @param totalScore the moderated total where there is one, else the mean-based total (5 to 25)
   */
  record AssessedProposal(
      String reference,
      String title,
      String leadAgency,
      long requestedAmount,
      BigDecimal totalScore,
      List<String> priorityThemes,
      Map<String, Long> budgetByYear) {

    public AssessedProposal {
      budgetByYear =
          budgetByYear == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(budgetByYear));
    }
  }
}
