package london.cofund.notification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Rounds and proposals for notification tests, with ids that only {@link TestFundFacts} knows. */
final class Samples {

  static final OffsetDateTime EOI_DEADLINE =
      OffsetDateTime.of(2017, 8, 14, 17, 0, 0, 0, ZoneOffset.ofHours(1));
  static final OffsetDateTime FULL_PROPOSAL_DEADLINE =
      OffsetDateTime.of(2017, 10, 2, 17, 0, 0, 0, ZoneOffset.ofHours(1));

  private Samples() {}

  static RoundFacts round(String roundId) {
    return new RoundFacts(
        roundId,
        "Co-commissioning fund 2018-21",
        1,
        10_000_000L,
        List.of(
            "Child sexual exploitation", "Female offending", "Sexual violence", "Youth offending"),
        OffsetDateTime.of(2017, 5, 31, 17, 0, 0, 0, ZoneOffset.ofHours(1)),
        EOI_DEADLINE,
        FULL_PROPOSAL_DEADLINE,
        OffsetDateTime.of(2017, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2018, 4, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
  }

  static ProposalFacts proposal(String reference, String roundId, String title, String email) {
    return new ProposalFacts(
        reference,
        roundId,
        title,
        "EOI_SUBMITTED",
        "Abi Lead",
        email,
        2_996_940L,
        false,
        List.of(
            new CriterionLine(
                "LONDON", true, "delivered in London boroughs only (Camden, Hackney, Islington)"),
            new CriterionLine(
                "BOROUGH_COVERAGE",
                false,
                "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at least"
                    + " 3"),
            new CriterionLine(
                "PARTNERSHIP",
                false,
                "only 2 distinct partner agencies (Advance, Camden Council); at least 3 are needed,"
                    + " the lead included"),
            new CriterionLine("LEAD_AGENCY", true, "Advance leads with a named contact")),
        "ACCEPT_WITH_MODIFICATION",
        "Please add a third borough.\nAnd a <b>budget</b>.",
        "FUNDED",
        1_234_567L,
        new BigDecimal("78.50"),
        "Strong partnership; the <panel> liked it.");
  }

  static ProposalFacts withFunding(ProposalFacts p, String outcome, Long awarded) {
    return new ProposalFacts(
        p.reference(),
        p.roundId(),
        p.title(),
        p.status(),
        p.contactName(),
        p.contactEmail(),
        p.requestedAmount(),
        p.eligible(),
        p.criteria(),
        p.eoiOutcome(),
        p.eoiFeedback(),
        outcome,
        awarded,
        p.totalScore(),
        p.decisionReasons());
  }

  static ProposalFacts withEoiOutcome(ProposalFacts p, String outcome) {
    return new ProposalFacts(
        p.reference(),
        p.roundId(),
        p.title(),
        p.status(),
        p.contactName(),
        p.contactEmail(),
        p.requestedAmount(),
        p.eligible(),
        p.criteria(),
        outcome,
        p.eoiFeedback(),
        p.fundingOutcome(),
        p.awardedAmount(),
        p.totalScore(),
        p.decisionReasons());
  }
}
