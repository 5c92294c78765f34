package london.cofund.proposal;

import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bids delivered in a borough, for its page: read-only, each answer one query whatever the
 * number of bids. A bid is delivered in a borough when its delivery boroughs ({@code
 * cf_proposal_borough}) name it; a pan-London bid that names none is not listed.
 *
 * <p>The query joins {@code cf_round} for the round's name: proposals depend on rounds already
 * (each names its round), and one join saves a second look-up per page.
 */
@Service
public class BoroughBids {

  private final JdbcClient jdbc;

  BoroughBids(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One bid delivered in the borough.
   *
   * @param reference the proposal's reference
   * @param roundId its round
   * @param roundName the round's name
   * @param title its title
   * @param leadAgency its lead agency's name
   * @param status its status, for example {@code FUNDED} (see {@link ProposalStatus})
   */
  public record Bid(
      String reference,
      String roundId,
      String roundName,
      String title,
      String leadAgency,
      String status) {}

  /**
   * One bid of a round that concerns the borough, with its money.
   *
   * @param reference the proposal's reference
   * @param title its title
   * @param leadAgency its lead agency's name
   * @param scope pan-London or local
   * @param status its status (see {@link ProposalStatus})
   * @param requestedAmount what it asks for
   * @param awardedAmount what it was awarded, or null
   */
  public record RoundBid(
      String reference,
      String title,
      String leadAgency,
      london.cofund.eligibility.Scope scope,
      ProposalStatus status,
      long requestedAmount,
      Long awardedAmount) {}

  /**
   * The bids of one round that concern the borough: those delivered in it, and every pan-London
   * bid, by reference. One query, filtered in SQL.
   */
  public List<RoundBid> ofRoundIn(String roundId, String gssCode) {
    return jdbc.sql(
            """
            select p.reference, p.title, p.lead_agency_name, p.scope, p.status,
              p.requested_amount, p.awarded_amount
            from cf_proposal p
            where p.round_id = :round
              and (p.scope = 'PAN_LONDON'
                or exists (select 1 from cf_proposal_borough b
                           where b.reference = p.reference and b.borough_code = :code))
            order by p.reference""")
        .param("round", roundId)
        .param("code", gssCode)
        .query(
            (rs, n) ->
                new RoundBid(
                    rs.getString("reference"),
                    rs.getString("title"),
                    rs.getString("lead_agency_name"),
                    london.cofund.eligibility.Scope.valueOf(rs.getString("scope")),
                    ProposalStatus.valueOf(rs.getString("status")),
                    rs.getLong("requested_amount"),
                    rs.getObject("awarded_amount", Long.class)))
        .list();
  }

  /** How many bids are at one status. */
  public record StatusCount(String status, long count) {}

  /** The bids whose delivery boroughs name the borough: newest round first, then by reference. */
  public List<Bid> deliveredIn(String gssCode) {
    return jdbc.sql(
            """
            select p.reference, p.round_id, r.name as round_name, p.title, p.lead_agency_name,
              p.status
            from cf_proposal_borough b
              join cf_proposal p on p.reference = b.reference
              join cf_round r on r.round_id = p.round_id
            where b.borough_code = :code
            order by r.created_at desc, p.round_id, p.reference""")
        .param("code", gssCode)
        .query(
            (rs, n) ->
                new Bid(
                    rs.getString("reference"),
                    rs.getString("round_id"),
                    rs.getString("round_name"),
                    rs.getString("title"),
                    rs.getString("lead_agency_name"),
                    rs.getString("status")))
        .list();
  }

  /** Every bid in the fund counted by status (London's page), in {@link ProposalStatus} order. */
  public List<StatusCount> countByStatus() {
    List<StatusCount> counted =
        jdbc.sql("select status, count(*) as bids from cf_proposal group by status")
            .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getLong("bids")))
            .list();
    return counted.stream()
        .sorted(Comparator.comparing(c -> ProposalStatus.valueOf(c.status())))
        .toList();
  }
}
