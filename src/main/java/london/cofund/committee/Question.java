package london.cofund.committee;

import java.time.OffsetDateTime;

/**
 * A question the committee may want to ask, raised by one fact of the update. Its words are the
 * template's ({@code templates/committee/update-content.html}); this record carries the kind and
 * the facts the words need.
 *
 * @param kind which question
 * @param subject what it is about: a decision point's title, a bid's title, a service's name, the
 *     round's name
 * @param reference a bid's reference, or null
 * @param financialYear the year of a gap, or null
 * @param amount a sum in whole pounds, or null
 * @param date a planned date or deadline, or null
 */
public record Question(
    Kind kind,
    String subject,
    String reference,
    String financialYear,
    Long amount,
    OffsetDateTime date) {

  /** The facts that raise a question. */
  public enum Kind {
    /** A decision point's planned date has passed without it. */
    LATE_POINT,
    /** The next decision point, with its planned date. */
    NEXT_POINT,
    /** Tranche 2 is next: nothing plans it yet. */
    TRANCHE_2_NEXT,
    /** Co-commissioning leaves part of a year's gap uncovered. */
    GAP_LEFT,
    /** A service at risk that no bid is linked to. */
    SERVICE_UNCOVERED,
    /** The round has no bid delivered in the borough, and EOIs are still open. */
    NO_BIDS_YET,
    /** The round has no bid delivered in the borough, and the EOI window has closed. */
    NO_BIDS,
    /** A bid failed the criteria. */
    BID_NOT_ELIGIBLE,
    /** MOPAC rejected a bid's EOI. */
    BID_EOI_REJECTED,
    /** The panel did not fund a bid. */
    BID_NOT_FUNDED,
    /** The panel carried a bid to the next tranche. */
    BID_DEFERRED,
    /** A bid lapsed at a deadline. */
    BID_LAPSED,
    /** A bid was withdrawn. */
    BID_WITHDRAWN
  }

  static Question about(Kind kind, String subject, OffsetDateTime date) {
    return new Question(kind, subject, null, null, null, date);
  }

  static Question gap(String financialYear, long amount) {
    return new Question(Kind.GAP_LEFT, null, null, financialYear, amount, null);
  }

  static Question service(String name, long annualCost) {
    return new Question(Kind.SERVICE_UNCOVERED, name, null, null, annualCost, null);
  }

  static Question bid(Kind kind, CommitteeUpdate.Bid bid) {
    return new Question(kind, bid.title(), bid.reference(), null, null, null);
  }
}
