package london.cofund.environment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Whether a PostgreSQL server listens where the tests expect it: 127.0.0.1:5432, or the {@code
 * host:port} of the system property {@code cofund.test.postgres} (environment variable {@code
 * COFUND_TEST_POSTGRES}), which also lets a run prove the skip by pointing at a closed port.
 */
public final class PostgresCondition extends RequiredEnvironment {

  static final String PROPERTY = "cofund.test.postgres";
  static final String VARIABLE = "COFUND_TEST_POSTGRES";
  static final String DEFAULT_ADDRESS = "127.0.0.1:5432";
  private static final int CONNECT_TIMEOUT_MILLIS = 1000;

  /** Where the probe looks: the property, else the variable, else 127.0.0.1:5432. */
  public static String address() {
    String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
    return configured == null || configured.isBlank() ? DEFAULT_ADDRESS : configured.trim();
  }

  @Override
  Optional<String> missing() {
    String address = address();
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    int port = Integer.parseInt(address.substring(colon + 1));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("no PostgreSQL server at " + address + " (" + e.getMessage() + ")");
    }
  }
}
