package london.cofund.system;

/** The caller may see this, but not do this to it: a 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
