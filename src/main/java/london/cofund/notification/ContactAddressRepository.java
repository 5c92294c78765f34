package london.cofund.notification;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code cf_contact_address}: addresses asked to confirm, and when they did. */
@Repository
class ContactAddressRepository {

  private final JdbcClient jdbc;

  ContactAddressRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean confirmed(String email) {
    return jdbc.sql(
                "select count(*) from cf_contact_address"
                    + " where email = :email and confirmed_at is not null")
            .param("email", email)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<String> tokenOf(String email) {
    return jdbc.sql("select token from cf_contact_address where email = :email")
        .param("email", email)
        .query(String.class)
        .optional();
  }

  void insert(String email, String token, OffsetDateTime at) {
    jdbc.sql(
            "insert into cf_contact_address (email, token, requested_at)"
                + " values (:email, :token, :at)")
        .param("email", email)
        .param("token", token)
        .param("at", at)
        .update();
  }

  Optional<String> pending(String token) {
    return jdbc.sql(
            "select email from cf_contact_address where token = :token and confirmed_at is null")
        .param("token", token)
        .query(String.class)
        .optional();
  }

  boolean confirm(String token, OffsetDateTime at) {
    return jdbc.sql(
                "update cf_contact_address set confirmed_at = :at"
                    + " where token = :token and confirmed_at is null")
            .param("at", at)
            .param("token", token)
            .update()
        == 1;
  }
}
