package london.cofund.system.process;

import java.util.function.Supplier;
import london.cofund.system.ConflictException;
import london.cofund.system.InvalidRequestException;

/**
 * Turns the domain's refusals into the engine's. Domain services throw {@link
 * InvalidRequestException} or {@link ConflictException}; inside the engine (a task rule, a delegate
 * run by a start form) they become a {@link RefusedInput}, a {@code BadUserRequestException} that
 * engine-rest answers with a 400 and Tasklist shows, instead of a 500.
 */
public final class Refusals {

  private Refusals() {}

  public static void refusing(Runnable step) {
    refusing(
        () -> {
          step.run();
          return null;
        });
  }

  public static <T> T refusing(Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidRequestException e) {
      throw new RefusedInput(e.getMessage(), e);
    } catch (ConflictException e) {
      throw new RefusedInput(e.getMessage(), e);
    }
  }
}
