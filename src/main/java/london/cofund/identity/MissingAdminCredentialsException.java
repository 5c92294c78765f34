package london.cofund.identity;

/**
 * Startup refused: without a first administrator the Camunda admin group would be empty, and
 * Camunda's Admin setup page lets anyone create an administrator while it is.
 */
public class MissingAdminCredentialsException extends IllegalStateException {

  MissingAdminCredentialsException(String message) {
    super(message);
  }
}
