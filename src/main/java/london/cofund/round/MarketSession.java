package london.cofund.round;

import java.time.OffsetDateTime;
import java.util.List;

/** The record of one market development session: one per short-listed priority. */
public record MarketSession(
    String priorityCode,
    OffsetDateTime sessionDate,
    List<String> attendingOrganisations,
    String notes,
    String recordedBy) {}
