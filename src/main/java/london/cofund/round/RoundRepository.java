package london.cofund.round;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import london.cofund.eligibility.Thresholds;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.Round.RoundDates;
import london.cofund.system.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cf_round} table and the records that hang off a round (comments, market sessions). */
@Repository
public class RoundRepository {

  private static final TypeReference<List<Priority>> PRIORITIES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonColumns json;

  RoundRepository(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Round round) {
    jdbc.sql(
            """
            insert into cf_round (round_id, name, tranche, pot_amount, min_projects, max_projects,
              assessors_per_proposal, fundable_threshold, priority_long_list, consultation_deadline,
              eoi_deadline, full_proposal_deadline, decision_date, service_start_date, stage,
              previous_round_id, created_by, created_at, fund_id, min_sub_regional_boroughs,
              min_partner_agencies)
            values (:id, :name, :tranche, :pot, :min, :max, :assessors, :threshold, :longList,
              :consultation, :eoi, :fullProposal, :decision, :serviceStart, :stage, :previous,
              :createdBy, :createdAt, :fundId, :minBoroughs, :minAgencies)""")
        .param("id", round.roundId())
        .param("name", round.name())
        .param("tranche", round.tranche())
        .param("pot", round.potAmount())
        .param("min", round.minProjects())
        .param("max", round.maxProjects())
        .param("assessors", round.assessorsPerProposal())
        .param("threshold", round.fundableThreshold())
        .param("longList", write(round.priorityLongList()))
        .param("consultation", round.dates().consultationDeadline())
        .param("eoi", round.dates().eoiDeadline())
        .param("fullProposal", round.dates().fullProposalDeadline())
        .param("decision", round.dates().decisionDate())
        .param("serviceStart", round.dates().serviceStartDate())
        .param("stage", round.stage().name())
        .param("previous", round.previousRoundId())
        .param("createdBy", round.createdBy())
        .param("createdAt", round.createdAt())
        .param("fundId", round.fundId())
        .param("minBoroughs", round.thresholds().minSubRegionalBoroughs())
        .param("minAgencies", round.thresholds().minPartnerAgencies())
        .update();
  }

  public Optional<Round> find(String roundId) {
    return jdbc.sql("select * from cf_round where round_id = :id")
        .param("id", roundId)
        .query(this::map)
        .optional();
  }

  public List<Round> findAll() {
    return jdbc.sql("select * from cf_round order by created_at desc, round_id")
        .query(this::map)
        .list();
  }

  /** The rounds that draw on a fund, oldest first. */
  public List<Round> findByFund(String fundId) {
    return jdbc.sql("select * from cf_round where fund_id = :fundId order by created_at, round_id")
        .param("fundId", fundId)
        .query(this::map)
        .list();
  }

  public boolean exists(String roundId) {
    return jdbc.sql("select count(*) from cf_round where round_id = :id")
            .param("id", roundId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Locks the round's row until the transaction ends. Whoever changes the round's stage and whoever
   * asks "is the round waiting for me?" take this lock first, so the two can never miss each other.
   */
  public void lock(String roundId) {
    jdbc.sql("select round_id from cf_round where round_id = :id for update")
        .param("id", roundId)
        .query(String.class)
        .optional();
  }

  /** Takes the next proposal number of the round; the row lock makes it safe across nodes. */
  public int nextProposalNumber(String roundId) {
    jdbc.sql("update cf_round set proposal_sequence = proposal_sequence + 1 where round_id = :id")
        .param("id", roundId)
        .update();
    return jdbc.sql("select proposal_sequence from cf_round where round_id = :id")
        .param("id", roundId)
        .query(Integer.class)
        .single();
  }

  void updateStage(String roundId, RoundStage stage) {
    jdbc.sql("update cf_round set stage = :stage where round_id = :id")
        .param("stage", stage.name())
        .param("id", roundId)
        .update();
  }

  void updateShortlist(String roundId, List<String> shortlist) {
    jdbc.sql("update cf_round set shortlist = :shortlist where round_id = :id")
        .param("shortlist", write(shortlist))
        .param("id", roundId)
        .update();
  }

  void updateProspectusSignOff(String roundId, String comments) {
    jdbc.sql("update cf_round set prospectus_sign_off_comments = :comments where round_id = :id")
        .param("comments", comments)
        .param("id", roundId)
        .update();
  }

  void markPublished(String roundId, OffsetDateTime at) {
    jdbc.sql("update cf_round set stage = :stage, published_at = :at where round_id = :id")
        .param("stage", RoundStage.OPEN_FOR_EOIS.name())
        .param("at", at)
        .param("id", roundId)
        .update();
  }

  void saveRecommendation(String roundId, RecommendedPortfolio portfolio) {
    jdbc.sql(
            "update cf_round set recommended_portfolio = :portfolio, stage = :stage where round_id = :id")
        .param("portfolio", write(portfolio))
        .param("stage", RoundStage.FUNDING_DECISION.name())
        .param("id", roundId)
        .update();
  }

  void saveDecision(String roundId, FundingDecision decision) {
    jdbc.sql("update cf_round set decision = :decision where round_id = :id")
        .param("decision", write(decision))
        .param("id", roundId)
        .update();
  }

  void updateAwardsSignOff(String roundId, String comments) {
    jdbc.sql("update cf_round set awards_sign_off_comments = :comments where round_id = :id")
        .param("comments", comments)
        .param("id", roundId)
        .update();
  }

  void updateWorkingGroupComments(String roundId, String comments) {
    jdbc.sql("update cf_round set working_group_comments = :comments where round_id = :id")
        .param("comments", comments)
        .param("id", roundId)
        .update();
  }

  /** The working group's comments on the draft short list, if it has reviewed it. */
  public Optional<String> workingGroupComments(String roundId) {
    return jdbc.sql("select working_group_comments from cf_round where round_id = :id")
        .param("id", roundId)
        .query(String.class)
        .optional();
  }

  void updateDecisionReference(String roundId, String decisionReference) {
    jdbc.sql("update cf_round set decision_reference = :ref where round_id = :id")
        .param("ref", decisionReference)
        .param("id", roundId)
        .update();
  }

  /** The reference of the formal decision that approved the round's awards, once recorded. */
  public Optional<String> decisionReference(String roundId) {
    return jdbc.sql("select decision_reference from cf_round where round_id = :id")
        .param("id", roundId)
        .query(String.class)
        .optional();
  }

  void markAnnounced(String roundId, List<Priority> carriedForward, OffsetDateTime at) {
    jdbc.sql(
            """
            update cf_round set stage = :stage, carried_forward_priorities = :carried, announced_at = :at
            where round_id = :id""")
        .param("stage", RoundStage.ANNOUNCED.name())
        .param("carried", write(carriedForward))
        .param("at", at)
        .param("id", roundId)
        .update();
  }

  void saveComment(
      String roundId, String boroughCode, String comment, String user, OffsetDateTime at) {
    int updated =
        jdbc.sql(
                """
            update cf_priority_comment set comment = :comment, commented_by = :user, commented_at = :at
            where round_id = :id and borough_code = :borough""")
            .param("comment", comment)
            .param("user", user)
            .param("at", at)
            .param("id", roundId)
            .param("borough", boroughCode)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into cf_priority_comment (round_id, borough_code, comment, commented_by, commented_at)
              values (:id, :borough, :comment, :user, :at)""")
          .param("id", roundId)
          .param("borough", boroughCode)
          .param("comment", comment)
          .param("user", user)
          .param("at", at)
          .update();
    }
  }

  public List<PriorityComment> comments(String roundId) {
    return jdbc.sql(
            "select borough_code, comment, commented_by from cf_priority_comment where round_id = :id order by borough_code")
        .param("id", roundId)
        .query((rs, n) -> new PriorityComment(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void saveMarketSession(String roundId, MarketSession session, OffsetDateTime at) {
    jdbc.sql("delete from cf_market_session where round_id = :id and priority_code = :code")
        .param("id", roundId)
        .param("code", session.priorityCode())
        .update();
    jdbc.sql(
            """
            insert into cf_market_session (round_id, priority_code, session_date, attending_organisations,
              session_notes, recorded_by, recorded_at)
            values (:id, :code, :date, :orgs, :notes, :by, :at)""")
        .param("id", roundId)
        .param("code", session.priorityCode())
        .param("date", session.sessionDate())
        .param("orgs", write(session.attendingOrganisations()))
        .param("notes", session.notes())
        .param("by", session.recordedBy())
        .param("at", at)
        .update();
  }

  public List<MarketSession> marketSessions(String roundId) {
    return jdbc.sql("select * from cf_market_session where round_id = :id order by priority_code")
        .param("id", roundId)
        .query(
            (rs, n) ->
                new MarketSession(
                    rs.getString("priority_code"),
                    rs.getObject("session_date", OffsetDateTime.class),
                    read(rs.getString("attending_organisations"), STRINGS),
                    rs.getString("session_notes"),
                    rs.getString("recorded_by")))
        .list();
  }

  private Round map(ResultSet rs, int row) throws SQLException {
    return new Round(
        rs.getString("round_id"),
        rs.getString("name"),
        rs.getInt("tranche"),
        rs.getLong("pot_amount"),
        rs.getInt("min_projects"),
        rs.getInt("max_projects"),
        rs.getInt("assessors_per_proposal"),
        rs.getBigDecimal("fundable_threshold"),
        read(rs.getString("priority_long_list"), PRIORITIES),
        orEmpty(read(rs.getString("shortlist"), STRINGS)),
        new RoundDates(
            rs.getObject("consultation_deadline", OffsetDateTime.class),
            rs.getObject("eoi_deadline", OffsetDateTime.class),
            rs.getObject("full_proposal_deadline", OffsetDateTime.class),
            rs.getObject("decision_date", OffsetDateTime.class),
            rs.getObject("service_start_date", OffsetDateTime.class)),
        RoundStage.valueOf(rs.getString("stage")),
        rs.getString("previous_round_id"),
        rs.getString("prospectus_sign_off_comments"),
        rs.getObject("published_at", OffsetDateTime.class),
        read(rs.getString("recommended_portfolio"), new TypeReference<RecommendedPortfolio>() {}),
        read(rs.getString("decision"), new TypeReference<FundingDecision>() {}),
        rs.getString("awards_sign_off_comments"),
        orEmpty(read(rs.getString("carried_forward_priorities"), PRIORITIES)),
        rs.getObject("announced_at", OffsetDateTime.class),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("fund_id"),
        new Thresholds(rs.getInt("min_sub_regional_boroughs"), rs.getInt("min_partner_agencies")));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private String write(Object value) {
    return json.write(value);
  }

  private <T> T read(String text, TypeReference<T> type) {
    return json.read(text, type);
  }
}
