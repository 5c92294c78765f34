package london.cofund.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the process engine sees it. Domain services take a {@link Clock} and know nothing of
 * Camunda; this one reads Camunda's {@link ClockUtil}, so that deadlines checked in Java and timers
 * fired by the engine agree, and a test that moves the engine clock moves the whole application.
 */
public final class EngineClock extends Clock {

  /** The fund's dates are London dates. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ZoneId zone;

  public EngineClock() {
    this(LONDON);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
