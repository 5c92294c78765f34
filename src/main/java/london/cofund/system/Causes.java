package london.cofund.system;

import java.util.List;

/** Looks through the wrapping that the engine, MyBatis and Spring put around a failure. */
public final class Causes {

  private Causes() {}

  /** The first cause, the failure itself included, that is one of the given types; or null. */
  public static Throwable first(Throwable failure, List<Class<? extends Throwable>> types) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(cause)) {
          return cause;
        }
      }
    }
    return null;
  }

  /** Whether any cause, the failure itself included, passes the test. */
  public static boolean any(Throwable failure, java.util.function.Predicate<Throwable> test) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (test.test(cause)) {
        return true;
      }
    }
    return false;
  }

  /** The first cause of the given type, or null. */
  public static <T extends Throwable> T first(Throwable failure, Class<T> type) {
    return type.cast(first(failure, List.of(type)));
  }
}
