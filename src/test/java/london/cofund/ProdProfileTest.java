package london.cofund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import london.cofund.environment.RequiresPostgres;
import london.cofund.identity.MissingAdminCredentialsException;
import london.cofund.identity.Roles;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The production profile, on the real PostgreSQL server of this machine (127.0.0.1:5432, database
 * {@code test} for the admin connection; each run creates and drops a database of its own). Skipped
 * where no server listens there, required under {@code CI=true}.
 */
@RequiresPostgres
class ProdProfileTest {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String DATABASE =
      "cofund_prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void createDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
      c.createStatement().execute("create database " + DATABASE);
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
      c.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
    }
  }

  @Test
  void refusesToStartWithoutAdminCredentialsSayingSo() {
    assertThatThrownBy(() -> start(null, null).close())
        .hasRootCauseInstanceOf(MissingAdminCredentialsException.class)
        .rootCause()
        .hasMessageContaining("COFUND_ADMIN_USER")
        .hasMessageContaining("COFUND_ADMIN_PASSWORD");
  }

  @Test
  void refusesAPasswordThatIsTheUserIdOrTooShort() {
    assertThatThrownBy(() -> start("root-admin", "root-admin").close())
        .rootCause()
        .hasMessageContaining("must not be the user id");
    assertThatThrownBy(() -> start("root-admin", "short").close())
        .rootCause()
        .hasMessageContaining("too short");
  }

  @Test
  void startsOnPostgresWithTheAdminFromTheEnvironmentAndNoDemoUsers() {
    try (ConfigurableApplicationContext app = start("fund-admin", "a-very-long-secret-1")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("fund-admin", "a-very-long-secret-1")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).userId("fund-admin").count())
          .isOne();
      assertThat(identity.createUserQuery().userId("mopac").count()).as("no demo users").isZero();
      assertThat(identity.createUserQuery().userId("applicant1").count()).isZero();
      assertThat(identity.createGroupQuery().groupId("borough-E09000033").count()).isOne();

      Environment env = app.getEnvironment();
      assertThat(env.getProperty("spring.h2.console.enabled", Boolean.class)).isFalse();
      assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class))
          .isTrue();
      assertThat(
              env.getProperty(
                  "camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class))
          .isTrue();
      assertThat(env.getProperty("camunda.bpm.authorization.enabled", Boolean.class)).isTrue();
      assertThat(app.containsBean("h2Console")).isFalse();
      var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      Assertions.assertThat(
              jdbc.queryForList(
                  "select version from flyway_schema_history where success order by installed_rank",
                  String.class))
          .as("every migration ran on PostgreSQL")
          .contains("1", "100", "101", "140");
      Assertions.assertThat(
              jdbc.queryForObject(
                  "select description from flyway_schema_history where version = '140'",
                  String.class))
          .isEqualTo("camunda engine 7.24 schema");
      Assertions.assertThat(
              jdbc.queryForObject(
                  "select VERSION_ from ACT_GE_SCHEMA_LOG where ID_ = '0'", String.class))
          .as("the engine's tables, made by Flyway with the engine's scripts")
          .isEqualTo("7.24.0");
      assertThat(env.getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
      assertThat(app.getBeanNamesForType(org.springframework.session.SessionRepository.class))
          .as("web sessions in the database, shared by the nodes")
          .isNotEmpty();
      Assertions.assertThat(
              jdbc.queryForObject(
                  "select count(*) from flyway_schema_history where version = '141' and success",
                  Integer.class))
          .isOne();
      Assertions.assertThat(jdbc.queryForObject("select count(*) from cf_round", Integer.class))
          .isZero();
      Assertions.assertThat(
              jdbc.queryForObject("select count(*) from cf_mail_outbox", Integer.class))
          .isZero();
    }
  }

  /**
   * A database made by an earlier CoFund, whose engine created its own tables (schema-update true,
   * neither V140 nor V141, in-memory sessions): the prod profile baselines them, recording V140
   * without touching them, then adds V141.
   */
  @Test
  void baselinesTheEngineTablesThatAnEarlierVersionLetTheEngineCreate() throws SQLException {
    String database =
        "cofund_prod_old_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
      c.createStatement().execute("create database " + database);
    }
    try {
      try (ConfigurableApplicationContext before =
          start(
              database,
              "fund-admin",
              "a-very-long-secret-1",
              "--camunda.bpm.database.schema-update=true",
              "--spring.flyway.locations=classpath:db/migration",
              "--spring.autoconfigure.exclude="
                  + "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration")) {
        var jdbc = before.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        Assertions.assertThat(
                jdbc.queryForObject(
                    "select count(*) from flyway_schema_history where version = '140'",
                    Integer.class))
            .isZero();
      }
      try (ConfigurableApplicationContext after =
          start(database, "fund-admin", "a-very-long-secret-1")) {
        var jdbc = after.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        Assertions.assertThat(
                jdbc.queryForObject(
                    "select count(*) from flyway_schema_history where version = '140' and success",
                    Integer.class))
            .isOne();
        Assertions.assertThat(
                jdbc.queryForObject(
                    "select count(*) from ACT_RE_PROCDEF where KEY_ = 'proposal'", Integer.class))
            .as("deployed once, by the first start; the second found it unchanged")
            .isOne();
      }
    } finally {
      try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
        c.createStatement().execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  static ConfigurableApplicationContext start(String adminUser, String adminPassword) {
    return start(DATABASE, adminUser, adminPassword);
  }

  static ConfigurableApplicationContext start(
      String database, String adminUser, String adminPassword, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--spring.datasource.url=" + SERVER + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--cofund.admin.user=" + (adminUser == null ? "" : adminUser),
                "--cofund.admin.password=" + (adminPassword == null ? "" : adminPassword),
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=1"));
    args.addAll(java.util.List.of(more));
    return new SpringApplicationBuilder(CoFundApplication.class)
        .profiles("prod")
        .run(args.toArray(String[]::new));
  }
}
