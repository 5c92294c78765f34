package london.cofund.portal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import london.cofund.system.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cf_portal_draft}, {@code cf_portal_draft_edit} and {@code cf_portal_collaborator}
 * tables.
 */
@Repository
class DraftRepository {

  private static final TypeReference<EoiDraftForm> FORM = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonColumns json;

  DraftRepository(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(
      String draftId, String roundId, String ownerId, EoiDraftForm form, OffsetDateTime at) {
    jdbc.sql(
            "insert into cf_portal_draft (draft_id, round_id, owner_id, title, form, version,"
                + " created_at, updated_by, updated_at) values (:id, :roundId, :owner, :title,"
                + " :form, 1, :at, :owner, :at)")
        .param("id", draftId)
        .param("roundId", roundId)
        .param("owner", ownerId)
        .param("title", form.title())
        .param("form", json.write(form))
        .param("at", at)
        .update();
    recordEdit(draftId, 1, ownerId, at, "created");
  }

  /** Stores the form if the stored version is still {@code version}; false when it is not. */
  boolean update(String draftId, int version, EoiDraftForm form, String user, OffsetDateTime at) {
    int changed =
        jdbc.sql(
                "update cf_portal_draft set form = :form, title = :title, version = version + 1,"
                    + " updated_by = :user, updated_at = :at"
                    + " where draft_id = :id and version = :version and proposal_reference is null")
            .param("form", json.write(form))
            .param("title", form.title())
            .param("user", user)
            .param("at", at)
            .param("id", draftId)
            .param("version", version)
            .update();
    if (changed == 1) {
      recordEdit(draftId, version + 1, user, at, "saved");
    }
    return changed == 1;
  }

  void markSubmitted(String draftId, String reference, String user, OffsetDateTime at) {
    jdbc.sql(
            "update cf_portal_draft set proposal_reference = :reference, updated_by = :user,"
                + " updated_at = :at where draft_id = :id")
        .param("reference", reference)
        .param("user", user)
        .param("at", at)
        .param("id", draftId)
        .update();
    recordEdit(draftId, find(draftId).orElseThrow().version(), user, at, "submitted");
  }

  void recordEdit(String draftId, int version, String user, OffsetDateTime at, String action) {
    jdbc.sql(
            "insert into cf_portal_draft_edit (draft_id, version, edited_by, edited_at, action)"
                + " values (:id, :version, :user, :at, :action)")
        .param("id", draftId)
        .param("version", version)
        .param("user", user)
        .param("at", at)
        .param("action", action)
        .update();
  }

  Optional<Draft> find(String draftId) {
    return jdbc.sql("select * from cf_portal_draft where draft_id = :id")
        .param("id", draftId)
        .query(this::draft)
        .optional();
  }

  Optional<Draft> findBySubmission(String reference) {
    return jdbc.sql("select * from cf_portal_draft where proposal_reference = :reference")
        .param("reference", reference)
        .query(this::draft)
        .optional();
  }

  /** The drafts a user owns or accepted an invitation to. */
  List<Draft> ofUser(String userId) {
    return jdbc.sql(
            "select * from cf_portal_draft d where d.owner_id = :user or exists (select 1 from"
                + " cf_portal_collaborator c where c.draft_id = d.draft_id and c.user_id = :user)"
                + " order by d.updated_at desc")
        .param("user", userId)
        .query(this::draft)
        .list();
  }

  List<DraftEdit> edits(String draftId) {
    return jdbc.sql(
            "select version, edited_by, edited_at, action from cf_portal_draft_edit"
                + " where draft_id = :id order by edited_at, version")
        .param("id", draftId)
        .query(
            (rs, n) ->
                new DraftEdit(
                    rs.getInt("version"),
                    rs.getString("edited_by"),
                    rs.getObject("edited_at", OffsetDateTime.class),
                    rs.getString("action")))
        .list();
  }

  /**
   * Invites {@code email}, or changes whether an invited colleague may submit. True when the
   * invitation is new (its token stored, to be mailed); false when it existed.
   */
  boolean invite(
      String draftId,
      String email,
      boolean maySubmit,
      String user,
      OffsetDateTime at,
      String tokenHash) {
    int changed =
        jdbc.sql(
                "update cf_portal_collaborator set may_submit = :maySubmit"
                    + " where draft_id = :id and email = :email")
            .param("maySubmit", maySubmit)
            .param("id", draftId)
            .param("email", email)
            .update();
    if (changed == 1) {
      return false;
    }
    jdbc.sql(
            "insert into cf_portal_collaborator (draft_id, email, may_submit, invited_by,"
                + " invited_at, token_hash) values (:id, :email, :maySubmit, :user, :at, :token)")
        .param("id", draftId)
        .param("email", email)
        .param("maySubmit", maySubmit)
        .param("user", user)
        .param("at", at)
        .param("token", tokenHash)
        .update();
    return true;
  }

  /** The draft an invitation token belongs to, with the user who accepted it (if any). */
  Optional<String[]> invitation(String tokenHash) {
    return jdbc.sql(
            "select draft_id, user_id from cf_portal_collaborator where token_hash = :token")
        .param("token", tokenHash)
        .query((rs, n) -> new String[] {rs.getString("draft_id"), rs.getString("user_id")})
        .optional();
  }

  /** Binds an invitation to the user who followed its link; false if someone already had. */
  boolean accept(String tokenHash, String userId, OffsetDateTime at) {
    return jdbc.sql(
                "update cf_portal_collaborator set user_id = :user, accepted_at = :at"
                    + " where token_hash = :token and user_id is null")
            .param("user", userId)
            .param("at", at)
            .param("token", tokenHash)
            .update()
        == 1;
  }

  List<Collaborator> collaborators(String draftId) {
    return jdbc.sql(
            "select email, may_submit, invited_by, invited_at, user_id, accepted_at"
                + " from cf_portal_collaborator where draft_id = :id order by email")
        .param("id", draftId)
        .query(
            (rs, n) ->
                new Collaborator(
                    rs.getString("email"),
                    rs.getBoolean("may_submit"),
                    rs.getString("invited_by"),
                    rs.getObject("invited_at", OffsetDateTime.class),
                    rs.getString("user_id"),
                    rs.getObject("accepted_at", OffsetDateTime.class)))
        .list();
  }

  private Draft draft(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Draft(
        rs.getString("draft_id"),
        rs.getString("round_id"),
        rs.getString("owner_id"),
        json.read(rs.getString("form"), FORM),
        rs.getInt("version"),
        rs.getString("proposal_reference"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
