package london.cofund.portal;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cf_portal_registration} table: only a hash of each token is kept. */
@Repository
class RegistrationRepository {

  private final JdbcClient jdbc;

  RegistrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String tokenHash, Registration r, OffsetDateTime at) {
    jdbc.sql(
            "insert into cf_portal_registration (token_hash, user_id, first_name, last_name,"
                + " email, created_at, expires_at) values (:hash, :userId, :first, :last, :email,"
                + " :at, :expires)")
        .param("hash", tokenHash)
        .param("userId", r.userId())
        .param("first", r.firstName())
        .param("last", r.lastName())
        .param("email", r.email())
        .param("at", at)
        .param("expires", r.expiresAt())
        .update();
  }

  Optional<Registration> find(String tokenHash) {
    return jdbc.sql("select * from cf_portal_registration where token_hash = :hash")
        .param("hash", tokenHash)
        .query(
            (rs, n) ->
                new Registration(
                    rs.getString("user_id"),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("email"),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("confirmed_at", OffsetDateTime.class)))
        .optional();
  }

  /** Whether an unexpired, unconfirmed registration holds this user id. */
  boolean userIdPending(String userId, OffsetDateTime now) {
    return jdbc.sql(
                "select count(*) from cf_portal_registration where user_id = :userId"
                    + " and confirmed_at is null and expires_at > :now")
            .param("userId", userId)
            .param("now", now)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Marks the token used; false if it already was (two clicks at once). */
  boolean confirm(String tokenHash, OffsetDateTime at) {
    return jdbc.sql(
                "update cf_portal_registration set confirmed_at = :at"
                    + " where token_hash = :hash and confirmed_at is null")
            .param("at", at)
            .param("hash", tokenHash)
            .update()
        == 1;
  }
}
