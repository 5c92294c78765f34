package london.cofund.boroughfunding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A service that a borough's allocation cut puts at risk, as its officers recorded it.
 *
 * @param serviceId the id
 * @param gssCode the borough
 * @param name what the service is, for example "Gangs and youth violence outreach"
 * @param priorityTheme the priority it serves, in the round's codes (for example {@code GANGS})
 * @param annualCost what it costs a year, in whole pounds
 * @param yearsAtRisk the financial years it is at risk, in order
 * @param linkedProposals references of co-commissioned bids that could carry it, in order
 * @param recordedBy who recorded it
 * @param recordedAt when
 * @param updatedBy who last changed it
 * @param updatedAt when
 */
public record ServiceAtRisk(
    long serviceId,
    String gssCode,
    String name,
    String priorityTheme,
    long annualCost,
    List<String> yearsAtRisk,
    List<String> linkedProposals,
    String recordedBy,
    OffsetDateTime recordedAt,
    String updatedBy,
    OffsetDateTime updatedAt) {

  /** Whether it is at risk in that financial year. */
  public boolean atRiskIn(String financialYear) {
    return yearsAtRisk.contains(financialYear);
  }
}
