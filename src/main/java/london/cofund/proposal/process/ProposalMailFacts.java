package london.cofund.proposal.process;

import java.util.Optional;
import london.cofund.notification.CriterionLine;
import london.cofund.notification.FundFacts;
import london.cofund.notification.ProposalFacts;
import london.cofund.notification.RoundFacts;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalRepository;
import org.springframework.stereotype.Component;

/**
 * What the emails say about a proposal. The decision's reasons are followed by the scores' feedback
 * (each criterion's mean and the assessors' comments), as the applicant is owed both.
 */
@Component
class ProposalMailFacts implements FundFacts {

  private final ProposalRepository proposals;

  ProposalMailFacts(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  @Override
  public Optional<RoundFacts> round(String roundId) {
    return Optional.empty();
  }

  @Override
  public Optional<ProposalFacts> proposal(String reference) {
    return proposals.find(reference).map(ProposalMailFacts::facts);
  }

  static ProposalFacts facts(Proposal p) {
    String reasons = p.decisionReasons();
    if (p.assessmentSummary() != null && p.fundingOutcome() != null) {
      reasons = (reasons == null ? "" : reasons + "\n") + p.assessmentSummary();
    }
    return new ProposalFacts(
        p.reference(),
        p.roundId(),
        p.title(),
        p.status().name(),
        p.contactName(),
        p.contactEmail(),
        p.requestedAmount(),
        Boolean.TRUE.equals(p.eligible()),
        p.criteria() == null
            ? null
            : p.criteria().stream()
                .map(c -> new CriterionLine(c.code().name(), c.passed(), c.reason()))
                .toList(),
        p.eoiOutcome() == null ? null : p.eoiOutcome().name(),
        p.eoiFeedback(),
        p.fundingOutcome() == null ? null : p.fundingOutcome().name(),
        p.awardedAmount(),
        p.effectiveScore(),
        reasons,
        p.decisionReference());
  }
}
