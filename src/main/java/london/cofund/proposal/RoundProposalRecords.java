package london.cofund.proposal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.Scope;
import london.cofund.round.FundingOutcome;
import london.cofund.system.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A round's proposals as published records (the open data exports), read-only. Each method answers
 * a whole round with one query for the proposals and one for their delivery boroughs, whatever the
 * number of proposals, and reads only the columns it needs: the bids' documents are read for the
 * funded proposals alone.
 */
@Service
public class RoundProposalRecords {

  private static final TypeReference<List<CriterionResult>> CRITERIA = new TypeReference<>() {};
  private static final TypeReference<FullProposalForm> FULL_PROPOSAL = new TypeReference<>() {};
  private static final TypeReference<EoiForm> EOI = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonColumns json;

  RoundProposalRecords(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * One proposal's screening, scores and outcome.
   *
   * @param criteria the latest screening, one result per criterion; empty if never screened
   * @param totalScore the assessors' total (mean per criterion, summed); null before assessment
   * @param moderatedTotal the total MOPAC agreed in moderation; null where none was needed
   * @param fundingOutcome the announced outcome; null before the announcement
   * @param awardedAmount whole pounds, for a funded proposal
   */
  public record Outcome(
      String reference,
      String title,
      String status,
      Scope scope,
      String leadAgencyName,
      long requestedAmount,
      List<String> deliveryBoroughs,
      Boolean eligible,
      List<CriterionResult> criteria,
      String eoiOutcome,
      BigDecimal totalScore,
      BigDecimal moderatedTotal,
      FundingOutcome fundingOutcome,
      Long awardedAmount) {}

  /**
   * A funded proposal as a grant: what was awarded, to whom, where, and over which years.
   *
   * @param summary the full proposal's summary (the EOI's where there is no full proposal)
   * @param durationMonths the duration the bid states
   * @param budgetYears the financial years of the full proposal's budget ({@code 2018/19}), in
   *     order
   */
  public record Grant(
      String reference,
      String title,
      String summary,
      String status,
      Scope scope,
      String leadAgencyName,
      long requestedAmount,
      long awardedAmount,
      List<String> deliveryBoroughs,
      Integer durationMonths,
      List<String> budgetYears) {}

  /** Every proposal of the round, by reference. */
  public List<Outcome> outcomes(String roundId) {
    Map<String, List<String>> boroughs = boroughs(roundId, false);
    return jdbc.sql(
            """
            select reference, title, status, scope, lead_agency_name, requested_amount, eligible,
              criteria, eoi_outcome, total_score, moderated_total, funding_outcome, awarded_amount
            from cf_proposal where round_id = :round order by reference""")
        .param("round", roundId)
        .query(
            (rs, n) ->
                new Outcome(
                    rs.getString("reference"),
                    rs.getString("title"),
                    rs.getString("status"),
                    Scope.valueOf(rs.getString("scope")),
                    rs.getString("lead_agency_name"),
                    rs.getLong("requested_amount"),
                    boroughs.getOrDefault(rs.getString("reference"), List.of()),
                    (Boolean) rs.getObject("eligible"),
                    criteria(rs.getString("criteria")),
                    rs.getString("eoi_outcome"),
                    rs.getBigDecimal("total_score"),
                    rs.getBigDecimal("moderated_total"),
                    outcome(rs.getString("funding_outcome")),
                    rs.getObject("awarded_amount", Long.class)))
        .list();
  }

  /**
   * The proposals of the round whose announced outcome is {@code FUNDED}, by reference. A funded
   * proposal later withdrawn is left out: no grant was made.
   */
  public List<Grant> funded(String roundId) {
    Map<String, List<String>> boroughs = boroughs(roundId, true);
    return jdbc.sql(
            """
            select reference, title, status, scope, lead_agency_name, requested_amount,
              awarded_amount, eoi, full_proposal
            from cf_proposal
            where round_id = :round and funding_outcome = :funded and status <> :withdrawn
            order by reference""")
        .param("round", roundId)
        .param("funded", FundingOutcome.FUNDED.name())
        .param("withdrawn", ProposalStatus.WITHDRAWN.name())
        .query(
            (rs, n) -> {
              FullProposalForm full = json.read(rs.getString("full_proposal"), FULL_PROPOSAL);
              BidForm bid = full != null ? full : json.read(rs.getString("eoi"), EOI);
              Long awarded = rs.getObject("awarded_amount", Long.class);
              return new Grant(
                  rs.getString("reference"),
                  rs.getString("title"),
                  bid.summary(),
                  rs.getString("status"),
                  Scope.valueOf(rs.getString("scope")),
                  rs.getString("lead_agency_name"),
                  rs.getLong("requested_amount"),
                  awarded != null ? awarded : rs.getLong("requested_amount"),
                  boroughs.getOrDefault(rs.getString("reference"), List.of()),
                  full != null ? full.durationMonths() : ((EoiForm) bid).durationMonths(),
                  full == null
                      ? List.of()
                      : full.budget().stream()
                          .map(FullProposalForm.BudgetLine::financialYear)
                          .distinct()
                          .sorted()
                          .toList());
            })
        .list();
  }

  /** The delivery boroughs of the round's proposals (of its funded ones only), in one query. */
  private Map<String, List<String>> boroughs(String roundId, boolean fundedOnly) {
    Map<String, List<String>> byReference = new HashMap<>();
    jdbc.sql(
            """
            select b.reference, b.borough_code from cf_proposal_borough b
            join cf_proposal p on p.reference = b.reference
            where p.round_id = :round"""
                + (fundedOnly ? " and p.funding_outcome = 'FUNDED'" : "")
                + " order by b.reference, b.borough_code")
        .param("round", roundId)
        .query(
            (rs, n) ->
                byReference
                    .computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    return byReference;
  }

  private List<CriterionResult> criteria(String text) {
    List<CriterionResult> criteria = json.read(text, CRITERIA);
    return criteria == null ? List.of() : criteria;
  }

  private static FundingOutcome outcome(String name) {
    return name == null ? null : FundingOutcome.valueOf(name);
  }
}
