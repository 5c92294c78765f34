package london.cofund.eligibility;

/**
 * A borough (GSS code) or, for pan-London bids, the Leaders' Committee ({@code boroughCode} null)
 * declining to be a core supporting partner. Naming a council in a bid is not enough: the council
 * must confirm, and a decline makes the bid ineligible whatever the bid itself says.
 */
public record CorePartnerDecline(String boroughCode, String comment) {}
