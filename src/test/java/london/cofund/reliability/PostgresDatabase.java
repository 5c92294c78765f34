package london.cofund.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import london.cofund.environment.PostgresCondition;

/**
 * A fresh database of its own on the machine's PostgreSQL server (trust auth, user {@code
 * postgres}), created for one test and dropped after it: the server is shared, so a test never
 * stops it and never touches another database.
 */
final class PostgresDatabase implements AutoCloseable {

  final String host;
  final int port;
  final String name;

  PostgresDatabase(String prefix) throws SQLException {
    String address = PostgresCondition.address();
    int colon = address.lastIndexOf(':');
    this.host = address.substring(0, colon);
    this.port = Integer.parseInt(address.substring(colon + 1));
    this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = admin()) {
      admin.createStatement().execute("create database " + name);
    }
  }

  /** The JDBC URL of this database, through another address when a test puts a proxy between. */
  String url(String host, int port) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  String url() {
    return url(host, port);
  }

  /** The application's settings for this database. */
  java.util.List<String> settings(String host, int port) {
    return java.util.List.of(
        "--spring.datasource.url=" + url(host, port),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + port + "/test", "postgres", "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = admin()) {
      admin.createStatement().execute("drop database if exists " + name + " with (force)");
    }
  }
}
