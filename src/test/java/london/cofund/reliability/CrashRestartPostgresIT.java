package london.cofund.reliability;

import java.sql.Connection;
import java.util.List;
import london.cofund.environment.RequiresPostgres;

/**
 * {@link CrashRestartIT}'s scenario on PostgreSQL: the jar killed with {@code kill -9} twice while
 * 8 clients submit 200 EOIs, restarted on the same database, a fresh one of its own on the
 * machine's server (created for the run and dropped after it). Skipped where no server listens,
 * required under {@code CI=true}.
 */
@RequiresPostgres
class CrashRestartPostgresIT extends CrashRestartIT {

  PostgresDatabase postgres;

  @Override
  String database() {
    return "PostgreSQL";
  }

  @Override
  List<String> databaseSettings() throws Exception {
    postgres = new PostgresDatabase("cofund_crash");
    return postgres.settings(postgres.host, postgres.port);
  }

  @Override
  Connection openDatabase() throws Exception {
    return postgres.connect();
  }

  @Override
  void dropDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
