package london.cofund.notification;

/**
 * Some recipients of a message could not be reached. The message names them and why; it becomes the
 * Cockpit incident's message once the job's retries are spent.
 */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message) {
    super(message);
  }
}
