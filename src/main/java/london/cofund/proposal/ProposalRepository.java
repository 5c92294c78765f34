package london.cofund.proposal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import london.cofund.eligibility.CorePartnerDecline;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.Scope;
import london.cofund.round.FundingOutcome;
import london.cofund.system.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cf_proposal} table, where each proposal is delivered, and its boroughs' sign-offs. */
@Repository
public class ProposalRepository {

  private static final TypeReference<List<CriterionResult>> CRITERIA = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonColumns json;

  ProposalRepository(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(
      String reference, String roundId, EoiForm eoi, String submittedBy, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into cf_proposal (reference, round_id, title, status, scope, submitted_by,
              lead_agency_name, contact_name, contact_email, requested_amount, eoi_version, eoi,
              created_at, updated_at)
            values (:ref, :round, :title, :status, :scope, :by, :lead, :contactName, :contactEmail,
              :amount, 1, :eoi, :now, :now)""")
        .param("ref", reference)
        .param("round", roundId)
        .params(bidFacts(eoi))
        .param("status", ProposalStatus.AWAITING_BOROUGH_SIGN_OFF.name())
        .param("by", submittedBy)
        .param("eoi", write(eoi))
        .param("now", now)
        .update();
    replaceBoroughsAndPriorities(reference, eoi);
  }

  void reviseEoi(String reference, EoiForm eoi, OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_proposal set title = :title, scope = :scope, lead_agency_name = :lead,
              contact_name = :contactName, contact_email = :contactEmail, requested_amount = :amount,
              eoi = :eoi, eoi_version = eoi_version + 1, updated_at = :now
            where reference = :ref""")
        .params(bidFacts(eoi))
        .param("eoi", write(eoi))
        .param("now", now)
        .param("ref", reference)
        .update();
    replaceBoroughsAndPriorities(reference, eoi);
  }

  void saveFullProposal(String reference, FullProposalForm full, OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_proposal set title = :title, scope = :scope, lead_agency_name = :lead,
              contact_name = :contactName, contact_email = :contactEmail, requested_amount = :amount,
              full_proposal = :full, updated_at = :now
            where reference = :ref""")
        .params(bidFacts(full))
        .param("full", write(full))
        .param("now", now)
        .param("ref", reference)
        .update();
    replaceBoroughsAndPriorities(reference, full);
  }

  /** The columns that every version of a bid (EOI, revision, full proposal) keeps up to date. */
  private static Map<String, Object> bidFacts(BidForm bid) {
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put("title", bid.title().trim());
    facts.put("scope", bid.scope().name());
    facts.put("lead", bid.leadAgency().name().trim());
    facts.put("contactName", bid.leadAgency().contactName());
    facts.put("contactEmail", bid.leadAgency().contactEmail());
    facts.put("amount", bid.amount());
    return facts;
  }

  /**
   * Where the bid is delivered and which priorities it addresses, as rows that SQL can count and
   * filter on (the dashboard's funnel, a borough's bids) without reading the JSON.
   */
  private void replaceBoroughsAndPriorities(String reference, BidForm bid) {
    jdbc.sql("delete from cf_proposal_borough where reference = :ref")
        .param("ref", reference)
        .update();
    for (String code : bid.boroughs()) {
      jdbc.sql("insert into cf_proposal_borough (reference, borough_code) values (:ref, :code)")
          .param("ref", reference)
          .param("code", code)
          .update();
    }
    jdbc.sql("delete from cf_proposal_priority where reference = :ref")
        .param("ref", reference)
        .update();
    for (String code : new java.util.LinkedHashSet<>(bid.priorityThemes())) {
      jdbc.sql("insert into cf_proposal_priority (reference, priority_code) values (:ref, :code)")
          .param("ref", reference)
          .param("code", code)
          .update();
    }
  }

  void saveScreening(
      String reference, boolean eligible, List<CriterionResult> criteria, OffsetDateTime now) {
    jdbc.sql(
            "update cf_proposal set eligible = :eligible, criteria = :criteria, updated_at = :now where reference = :ref")
        .param("eligible", eligible)
        .param("criteria", write(criteria))
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  void updateStatus(String reference, ProposalStatus status, OffsetDateTime now) {
    jdbc.sql("update cf_proposal set status = :status, updated_at = :now where reference = :ref")
        .param("status", status.name())
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  void linkProcessInstance(String reference, String processInstanceId) {
    jdbc.sql("update cf_proposal set process_instance_id = :pi where reference = :ref")
        .param("pi", processInstanceId)
        .param("ref", reference)
        .update();
  }

  void saveEoiFeedback(String reference, String outcome, String feedback, OffsetDateTime now) {
    jdbc.sql(
            "update cf_proposal set eoi_outcome = :outcome, eoi_feedback = :feedback, updated_at = :now where reference = :ref")
        .param("outcome", outcome)
        .param("feedback", feedback)
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  /**
   * Records the scores' totals; called by the assessment feature once every assessor has scored.
   */
  public void saveScores(
      String reference,
      BigDecimal total,
      boolean moderationRequired,
      String summary,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_proposal set total_score = :total, moderation_required = :moderation,
              assessment_summary = :summary, updated_at = :now where reference = :ref""")
        .param("total", total)
        .param("moderation", moderationRequired)
        .param("summary", summary)
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  public void saveModeration(
      String reference, BigDecimal moderatedTotal, String note, OffsetDateTime now) {
    jdbc.sql(
            "update cf_proposal set moderated_total = :total, moderation_note = :note, updated_at = :now where reference = :ref")
        .param("total", moderatedTotal)
        .param("note", note)
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  void saveFundingDecision(
      String reference,
      String outcome,
      Long amount,
      String reasons,
      String decisionReference,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update cf_proposal set funding_outcome = :outcome, awarded_amount = :amount,
              decision_reasons = :reasons, decision_reference = :decisionReference,
              updated_at = :now where reference = :ref""")
        .param("outcome", outcome)
        .param("amount", amount)
        .param("reasons", reasons)
        .param("decisionReference", decisionReference)
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  void saveGrantAgreement(String reference, LocalDate date, OffsetDateTime now) {
    jdbc.sql(
            "update cf_proposal set grant_agreement_date = :date, updated_at = :now where reference = :ref")
        .param("date", date)
        .param("now", now)
        .param("ref", reference)
        .update();
  }

  /** The proposal's title alone: one column, without reading the rest of the record. */
  public Optional<String> findTitle(String reference) {
    return jdbc.sql("select title from cf_proposal where reference = :ref")
        .param("ref", reference)
        .query(String.class)
        .optional();
  }

  public Optional<Proposal> find(String reference) {
    return jdbc.sql("select * from cf_proposal where reference = :ref")
        .param("ref", reference)
        .query(this::map)
        .optional()
        .map(p -> withBoroughs(List.of(p)).get(0));
  }

  public List<Proposal> findByRound(String roundId) {
    return withBoroughs(
        jdbc.sql("select * from cf_proposal where round_id = :round order by reference")
            .param("round", roundId)
            .query(this::map)
            .list());
  }

  /** The proposals whose announced decision is the given outcome, by reference. */
  public List<Proposal> findByFundingOutcome(FundingOutcome outcome) {
    return withBoroughs(
        jdbc.sql("select * from cf_proposal where funding_outcome = :outcome order by reference")
            .param("outcome", outcome.name())
            .query(this::map)
            .list());
  }

  public List<Proposal> findAll() {
    return withBoroughs(
        jdbc.sql("select * from cf_proposal order by reference").query(this::map).list());
  }

  public Map<String, Long> countByStatus(String roundId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "select status, count(*) from cf_proposal where round_id = :round group by status order by status")
        .param("round", roundId)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }

  public long countByRoundAndStatusIn(String roundId, List<String> statuses) {
    return jdbc.sql(
            "select count(*) from cf_proposal where round_id = :round and status in (:statuses)")
        .param("round", roundId)
        .param("statuses", statuses)
        .query(Long.class)
        .single();
  }

  long countAcceptedEois(String roundId) {
    return jdbc.sql(
            "select count(*) from cf_proposal where round_id = :round and eoi_outcome in ('ACCEPT', 'ACCEPT_WITH_MODIFICATION')")
        .param("round", roundId)
        .query(Long.class)
        .single();
  }

  /** Records a borough's (or the Leaders' Committee's) answer for the current EOI version. */
  void saveSignOff(
      String reference,
      int eoiVersion,
      SignOffStage stage,
      String groupId,
      String boroughCode,
      boolean confirmed,
      String comment,
      String user,
      OffsetDateTime now) {
    jdbc.sql(
            "delete from cf_core_partner_sign_off where reference = :ref and eoi_version = :v and group_id = :g")
        .param("ref", reference)
        .param("v", eoiVersion)
        .param("g", groupId)
        .update();
    jdbc.sql(
            """
            insert into cf_core_partner_sign_off (reference, eoi_version, stage, group_id,
              borough_code, confirmed, comment, decided_by, decided_at)
            values (:ref, :v, :stage, :g, :borough, :confirmed, :comment, :user, :now)""")
        .param("ref", reference)
        .param("v", eoiVersion)
        .param("stage", stage.name())
        .param("g", groupId)
        .param("borough", boroughCode)
        .param("confirmed", confirmed)
        .param("comment", comment)
        .param("user", user)
        .param("now", now)
        .update();
  }

  List<CorePartnerDecline> declines(String reference, int eoiVersion, SignOffStage stage) {
    return jdbc.sql(
            """
            select borough_code, comment from cf_core_partner_sign_off
            where reference = :ref and eoi_version = :v and stage = :stage and confirmed = false
            order by group_id""")
        .param("ref", reference)
        .param("v", eoiVersion)
        .param("stage", stage.name())
        .query((rs, n) -> new CorePartnerDecline(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** The groups that confirmed at one stage of the EOI version. */
  List<String> confirmedGroups(String reference, int eoiVersion, SignOffStage stage) {
    return jdbc.sql(
            """
            select group_id from cf_core_partner_sign_off
            where reference = :ref and eoi_version = :v and stage = :stage and confirmed = true
            order by group_id""")
        .param("ref", reference)
        .param("v", eoiVersion)
        .param("stage", stage.name())
        .query(String.class)
        .list();
  }

  /** Forgets the answers of one stage, so that the next submission asks again. */
  void clearSignOffs(String reference, int eoiVersion, SignOffStage stage) {
    jdbc.sql(
            """
            delete from cf_core_partner_sign_off
            where reference = :ref and eoi_version = :v and stage = :stage""")
        .param("ref", reference)
        .param("v", eoiVersion)
        .param("stage", stage.name())
        .update();
  }

  List<SignOff> signOffs(String reference, int eoiVersion) {
    return jdbc.sql(
            """
            select group_id, confirmed, comment, decided_by from cf_core_partner_sign_off
            where reference = :ref and eoi_version = :v order by group_id""")
        .param("ref", reference)
        .param("v", eoiVersion)
        .query(
            (rs, n) ->
                new SignOff(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /**
   * Delivery boroughs of the rows being mapped, by reference: {@link #map} leaves each proposal's
   * list empty and {@link #withBoroughs} fills them all with one query, instead of one per row.
   */
  private final ThreadLocal<Map<String, List<String>>> pendingBoroughs =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private List<Proposal> withBoroughs(List<Proposal> proposals) {
    Map<String, List<String>> pending = pendingBoroughs.get();
    try {
      if (!proposals.isEmpty()) {
        jdbc.sql(
                "select reference, borough_code from cf_proposal_borough where reference in (:refs)"
                    + " order by reference, borough_code")
            .param("refs", proposals.stream().map(Proposal::reference).toList())
            .query(
                (rs, n) ->
                    pending
                        .computeIfAbsent(rs.getString(1), r -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
            .list();
      }
      return proposals;
    } finally {
      pending.clear();
    }
  }

  private Proposal map(ResultSet rs, int row) throws SQLException {
    String reference = rs.getString("reference");
    Object agreement = rs.getObject("grant_agreement_date", LocalDate.class);
    return new Proposal(
        reference,
        rs.getString("round_id"),
        rs.getString("title"),
        ProposalStatus.valueOf(rs.getString("status")),
        Scope.valueOf(rs.getString("scope")),
        rs.getString("submitted_by"),
        rs.getString("lead_agency_name"),
        rs.getString("contact_name"),
        rs.getString("contact_email"),
        rs.getLong("requested_amount"),
        rs.getInt("eoi_version"),
        read(rs.getString("eoi"), new TypeReference<EoiForm>() {}),
        read(rs.getString("full_proposal"), new TypeReference<FullProposalForm>() {}),
        (Boolean) rs.getObject("eligible"),
        read(rs.getString("criteria"), CRITERIA),
        enumOf(EoiOutcome.class, rs.getString("eoi_outcome")),
        rs.getString("eoi_feedback"),
        rs.getBigDecimal("total_score"),
        (Boolean) rs.getObject("moderation_required"),
        rs.getBigDecimal("moderated_total"),
        rs.getString("moderation_note"),
        rs.getString("assessment_summary"),
        enumOf(FundingOutcome.class, rs.getString("funding_outcome")),
        (Long) rs.getObject("awarded_amount", Long.class),
        rs.getString("decision_reasons"),
        rs.getString("decision_reference"),
        (LocalDate) agreement,
        java.util.Collections.unmodifiableList(
            pendingBoroughs.get().computeIfAbsent(reference, r -> new java.util.ArrayList<>())),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  private String write(Object value) {
    return json.write(value);
  }

  private <T> T read(String text, TypeReference<T> type) {
    return json.read(text, type);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
