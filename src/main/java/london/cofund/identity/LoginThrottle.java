package london.cofund.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import london.cofund.identity.HttpDefenceProperties.LoginThrottling;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address. After {@code maxFailures} failures, each separated from the
 * last by less than {@code window}, the address must wait before it may try again: {@code
 * firstDelay}, doubling with every further failure up to {@code maxDelay}. A successful login
 * forgets the address.
 *
 * <p>This slows one machine guessing many passwords. It never locks an account: the engine's own
 * growing per-account delay ({@code login-delay-*}) covers guesses spread over many addresses, and
 * neither ever shuts a user out for good. Time is the engine's clock, so tests move both together.
 */
@Component
public class LoginThrottle {

  /**
   * What is known of one address.
   *
   * @param address the client address
   * @param failures failed logins since the address was last forgotten
   * @param lastFailure when the last one happened
   * @param blockedUntil until when its logins are refused; null if they are not
   */
  public record AddressState(
      String address, int failures, Instant lastFailure, Instant blockedUntil) {

    public boolean isBlockedAt(Instant now) {
      return blockedUntil != null && blockedUntil.isAfter(now);
    }
  }

  private final LoginThrottling settings;
  private final Clock clock;
  private final Map<String, AddressState> addresses = new ConcurrentHashMap<>();

  LoginThrottle(HttpDefenceProperties properties, Clock clock) {
    this.settings = properties.loginThrottle();
    this.clock = clock;
  }

  /** How long the address must still wait, if it must. */
  Optional<Duration> waitFor(String address) {
    Instant now = clock.instant();
    AddressState state = addresses.get(address);
    return state != null && state.isBlockedAt(now)
        ? Optional.of(Duration.between(now, state.blockedUntil()))
        : Optional.empty();
  }

  void failed(String address) {
    Instant now = clock.instant();
    if (!addresses.containsKey(address) && addresses.size() >= settings.maxAddresses()) {
      makeRoom(now);
    }
    addresses.compute(
        address,
        (key, state) -> {
          int failures =
              state == null || state.lastFailure().plus(settings.window()).isBefore(now)
                  ? 1
                  : state.failures() + 1;
          Instant blockedUntil =
              failures >= settings.maxFailures()
                  ? now.plus(delay(failures - settings.maxFailures()))
                  : null;
          return new AddressState(key, failures, now, blockedUntil);
        });
  }

  void succeeded(String address) {
    addresses.remove(address);
  }

  /** Lifts an address's wait and forgets its failures; false if nothing was known of it. */
  public boolean lift(String address) {
    return addresses.remove(address) != null;
  }

  /** The addresses with recent failures, most recent first. */
  public List<AddressState> addresses() {
    Instant now = clock.instant();
    return addresses.values().stream()
        .filter(state -> state.isBlockedAt(now) || !isForgotten(state, now))
        .sorted(Comparator.comparing(AddressState::lastFailure).reversed())
        .toList();
  }

  private Duration delay(int doublings) {
    Duration delay = settings.firstDelay();
    for (int i = 0; i < doublings && delay.compareTo(settings.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxDelay()) < 0 ? delay : settings.maxDelay();
  }

  private boolean isForgotten(AddressState state, Instant now) {
    return state.lastFailure().plus(settings.window()).isBefore(now);
  }

  /** Drops the addresses whose failures are forgotten, else the one that failed longest ago. */
  private void makeRoom(Instant now) {
    addresses.values().removeIf(state -> !state.isBlockedAt(now) && isForgotten(state, now));
    if (addresses.size() >= settings.maxAddresses()) {
      addresses.values().stream()
          .min(Comparator.comparing(AddressState::lastFailure))
          .ifPresent(oldest -> addresses.remove(oldest.address()));
    }
  }
}
