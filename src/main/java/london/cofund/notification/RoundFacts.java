package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A funding round as emails describe it.
 *
 * @param roundId the round's id (the {@code roundId} process variable)
 * @param name the round's name, for example "Co-commissioning fund 2018-21"
 * @param tranche the tranche number, 1 or 2
 * @param potAmount the pot in whole pounds
 * @param shortlistTitles the titles of the round's short-listed priorities, in order
 * @param consultationDeadline when boroughs' comments on the priorities are due; may be null
 * @param eoiDeadline when expressions of interest are due; may be null
 * @param fullProposalDeadline when full proposals are due; may be null
 * @param decisionDate when the funding decision is planned; may be null
 * @param serviceStartDate when funded services are to start; may be null
 */
public record RoundFacts(
    String roundId,
    String name,
    int tranche,
    long potAmount,
    List<String> shortlistTitles,
    OffsetDateTime consultationDeadline,
    OffsetDateTime eoiDeadline,
    OffsetDateTime fullProposalDeadline,
    OffsetDateTime decisionDate,
    OffsetDateTime serviceStartDate) {

  public RoundFacts {
    shortlistTitles = shortlistTitles == null ? List.of() : List.copyOf(shortlistTitles);
  }
}
