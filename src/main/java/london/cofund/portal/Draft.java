package london.cofund.portal;

import java.time.OffsetDateTime;

/**
 * An EOI kept on the server while it is written ({@code cf_portal_draft}): its round, its owner
 * (the lead's user), the form as typed, and the version that a save must name.
 */
public record Draft(
    String draftId,
    String roundId,
    String ownerId,
    EoiDraftForm form,
    int version,
    String proposalReference,
    OffsetDateTime createdAt,
    String updatedBy,
    OffsetDateTime updatedAt) {

  /** Whether it has been submitted as an EOI; a submitted draft is no longer edited. */
  public boolean submitted() {
    return proposalReference != null;
  }
}
