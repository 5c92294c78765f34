package london.cofund.proposal.api;

import java.net.URI;
import java.util.List;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalQueries;
import london.cofund.proposal.process.ProposalSteps;
import london.cofund.system.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's API: submit an EOI, revise it, submit the full proposal, withdraw; and reading
 * proposals.
 */
@RestController
class ProposalController {

  private final ProposalSteps steps;
  private final ProposalQueries queries;

  ProposalController(ProposalSteps steps, ProposalQueries queries) {
    this.steps = steps;
    this.queries = queries;
  }

  /** The answer to a submission: the screening result comes back at once. */
  record SubmissionResult(
      String reference,
      String status,
      Boolean eligible,
      List<london.cofund.eligibility.CriterionResult> criteria) {
    static SubmissionResult of(Proposal p) {
      return new SubmissionResult(p.reference(), p.status().name(), p.eligible(), p.criteria());
    }
  }

  @PostMapping("/api/rounds/{roundId}/eois")
  ResponseEntity<SubmissionResult> submitEoi(
      @PathVariable String roundId, @RequestBody EoiForm form, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isIn(Roles.APPLICANTS)) {
      throw new ForbiddenException("Only applicants (group 'applicants') submit EOIs.");
    }
    Proposal proposal = steps.submitEoi(roundId, form, user);
    return ResponseEntity.created(URI.create("/api/proposals/" + proposal.reference()))
        .body(SubmissionResult.of(proposal));
  }

  @GetMapping("/api/proposals")
  List<ProposalView> visible(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return queries.visible(user).stream().map(p -> ProposalView.of(p, user)).toList();
  }

  @GetMapping("/api/proposals/{reference}")
  ProposalView one(@PathVariable String reference, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return ProposalView.of(queries.visible(reference, user), user);
  }

  @PutMapping("/api/proposals/{reference}/eoi")
  SubmissionResult reviseEoi(
      @PathVariable String reference, @RequestBody EoiForm form, Authentication authentication) {
    return SubmissionResult.of(steps.reviseEoi(reference, form, CurrentUser.of(authentication)));
  }

  @PutMapping("/api/proposals/{reference}/full-proposal")
  SubmissionResult submitFullProposal(
      @PathVariable String reference,
      @RequestBody FullProposalForm form,
      Authentication authentication) {
    return SubmissionResult.of(
        steps.submitFullProposal(reference, form, CurrentUser.of(authentication)));
  }

  @PostMapping("/api/proposals/{reference}/withdraw")
  ProposalView withdraw(@PathVariable String reference, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return ProposalView.of(steps.withdraw(reference, user), user);
  }
}
