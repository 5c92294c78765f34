package london.cofund.system;

/** Nothing by that id, or nothing that the caller may see (the API does not tell the two apart). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
