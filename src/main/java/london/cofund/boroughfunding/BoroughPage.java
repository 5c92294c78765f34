package london.cofund.boroughfunding;

import java.util.List;
import london.cofund.proposal.BoroughBids.Bid;
import london.cofund.proposal.BoroughBids.StatusCount;

/**
 * What a borough's page ({@code /boroughs/{gssCode}}) shows one user.
 *
 * @param area the borough, or London
 * @param full whether the user reads the page in full (see {@link BoroughFundingService#mayRead});
 *     if not, {@code funding} holds only its public parts and there are no bids
 * @param funding the figures: in full, or {@link BoroughFunding#publicParts()}
 * @param bids the bids delivered in the borough (none for London, or when not in full)
 * @param bidsByStatus London's page: every bid in the fund counted by status (empty otherwise)
 */
public record BoroughPage(
    Area area,
    boolean full,
    BoroughFunding funding,
    List<Bid> bids,
    List<StatusCount> bidsByStatus) {}
