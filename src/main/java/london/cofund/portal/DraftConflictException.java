package london.cofund.portal;

/**
 * A save that started from an older version than the one stored: someone else saved in between. It
 * carries the stored draft, so that the page can show the other person's change beside what this
 * person typed.
 */
public class DraftConflictException extends RuntimeException {

  private final transient Draft current;

  public DraftConflictException(Draft current) {
    super(
        "Draft "
            + current.draftId()
            + " was saved by "
            + current.updatedBy()
            + " in the meantime (version "
            + current.version()
            + ").");
    this.current = current;
  }

  public Draft current() {
    return current;
  }
}
