package london.cofund.system;

/** The request is well formed but the thing it acts on is not in a state that allows it: a 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
