package london.cofund.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits at CoFund's HTTP doors ({@code cofund.security.*}; application.yml explains each).
 *
 * @param maxRequestBody the largest request body accepted anywhere; larger ones are refused with
 *     413 before anything reads them
 * @param loginThrottle how failed logins from one client address are slowed down
 */
@ConfigurationProperties("cofund.security")
record HttpDefenceProperties(
    @DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue LoginThrottling loginThrottle) {

  /**
   * The per-address login throttle.
   *
   * @param maxFailures failed logins from one address before it must wait
   * @param window an address whose last failure is older than this starts again from zero
   * @param firstDelay the first wait; each further failure doubles it
   * @param maxDelay the longest wait
   * @param maxAddresses how many addresses are remembered at most, so that a flood of addresses
   *     cannot exhaust memory
   */
  record LoginThrottling(
      @DefaultValue("10") int maxFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("2s") Duration firstDelay,
      @DefaultValue("60s") Duration maxDelay,
      @DefaultValue("10000") int maxAddresses) {}
}
