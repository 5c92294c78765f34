package london.cofund.portal.api;

import java.util.Set;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.portal.Applicant;
import london.cofund.portal.Draft;
import london.cofund.portal.DraftService;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.process.ProposalSteps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a draft through the API's own step ({@code ProposalSteps#submitEoi}, the same checks and
 * screening as {@code POST /api/rounds/{roundId}/eois}), and marks the draft submitted in the same
 * transaction. The EOI is the lead's (the draft's owner), also when a colleague the lead allowed
 * presses submit; the draft's edits record who did.
 */
@Component
class PortalSubmissions {

  private final ProposalSteps steps;
  private final DraftService drafts;

  PortalSubmissions(ProposalSteps steps, DraftService drafts) {
    this.steps = steps;
    this.drafts = drafts;
  }

  @Transactional
  String submit(Draft draft, EoiForm form, Applicant applicant) {
    CurrentUser lead = new CurrentUser(draft.ownerId(), Set.of(Roles.APPLICANTS));
    Proposal proposal = steps.submitEoi(draft.roundId(), form, lead);
    drafts.markSubmitted(draft.draftId(), proposal.reference(), applicant);
    return proposal.reference();
  }
}
