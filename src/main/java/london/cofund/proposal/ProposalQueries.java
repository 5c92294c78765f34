package london.cofund.proposal;

import java.util.List;
import london.cofund.identity.CurrentUser;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Who may see which proposal: MOPAC, the working group, the Leaders' Committee and administrators
 * see every one; an applicant sees the proposals they submitted; a borough officer sees those
 * delivered in their borough. Anyone else gets a 404, so that a reference reveals nothing.
 */
@Service
public class ProposalQueries {

  private final ProposalRepository proposals;

  ProposalQueries(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  public Proposal visible(String reference, CurrentUser user) {
    Proposal proposal = proposals.find(reference).orElse(null);
    if (proposal == null || !maySee(proposal, user)) {
      throw new NotFoundException("No proposal '" + reference + "' that you may see.");
    }
    return proposal;
  }

  public List<Proposal> visible(CurrentUser user) {
    // The rule is said once, in maySee: the fund holds hundreds of proposals, not millions.
    return proposals.findAll().stream().filter(p -> maySee(p, user)).toList();
  }

  /**
   * Of the proposals {@code references} names, those the user may see, in the order given; a
   * reference of no proposal is left out. For a few known proposals (a fund's grants) without
   * reading every proposal.
   */
  public List<Proposal> visible(java.util.Collection<String> references, CurrentUser user) {
    return references.stream()
        .map(proposals::find)
        .flatMap(java.util.Optional::stream)
        .filter(p -> maySee(p, user))
        .toList();
  }

  /**
   * Who may see a proposal: the fund's roles, its submitter, and the boroughs it is delivered in.
   */
  public static boolean maySee(Proposal proposal, CurrentUser user) {
    return user.seesWholeFund()
        || proposal.submittedBy().equals(user.id())
        || proposal.deliveryBoroughs().stream().anyMatch(user.boroughCodes()::contains)
        // A pan-London proposal is delivered in every borough.
        || (proposal.scope() == london.cofund.eligibility.Scope.PAN_LONDON
            && !user.boroughCodes().isEmpty());
  }
}
