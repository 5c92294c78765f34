package london.cofund.eligibility;

/**
 * One agency of a bid: the lead or a partner.
 *
 * <p>{@code boroughCode} is the GSS code of the borough a local authority serves; it matters only
 * for {@link AgencyType#LOCAL_AUTHORITY}, whose {@code coreSupporting} flag says it supports the
 * bid as a core partner for that borough.
 */
public record Agency(String name, AgencyType type, String boroughCode, boolean coreSupporting) {}
