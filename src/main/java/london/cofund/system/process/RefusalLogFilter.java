package london.cofund.system.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import london.cofund.system.Causes;
import org.slf4j.Marker;

/**
 * Keeps a user's refused input out of the engine's error log. The engine logs every failed command
 * at ERROR with its stack trace ("ENGINE-16004"); for a {@link RefusedInput} that is not a fault,
 * and an operator scanning for errors should not see it. {@link RefusalUnwrappingPlugin} logs each
 * refusal once, at INFO. Every other failure is logged as before.
 */
final class RefusalLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !logger.getName().startsWith("org.camunda.bpm.engine.context")) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null) {
      for (Object param : params) {
        if (param instanceof Throwable throwable) {
          thrown = throwable;
        }
      }
    }
    return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable thrown) {
    return Causes.first(thrown, RefusedInput.class) != null;
  }
}
