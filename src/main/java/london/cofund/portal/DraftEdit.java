package london.cofund.portal;

import java.time.OffsetDateTime;

/** One recorded change to a draft: who, when, and what they did (saved, invited, submitted). */
public record DraftEdit(int version, String editedBy, OffsetDateTime editedAt, String action) {}
