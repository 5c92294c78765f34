package london.cofund.eligibility;

import java.util.List;

/**
 * The facts of an EOI or full proposal that the criteria need, and no more, so that both stages are
 * screened by the same rules.
 *
 * <p>{@code deliveryBoroughs} are GSS codes; a pan-London bid may leave them empty. {@code
 * outsideLondonLocation} names where a project based outside London (for example a prison in the
 * secure estate) is based. The lead counts as one of the partnership's agencies; {@code partners}
 * need not repeat it.
 */
public record Bid(
    Scope scope,
    List<String> deliveryBoroughs,
    boolean basedOutsideLondon,
    String outsideLondonLocation,
    boolean benefitsLondonersOnly,
    Agency lead,
    String leadContactName,
    String leadContactEmail,
    List<Agency> partners,
    List<String> priorityThemes,
    String leadershipStatement) {}
