package london.cofund.identity.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.LoginThrottle;
import london.cofund.identity.LoginThrottle.AddressState;
import london.cofund.system.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/security/locks}, for administrators (the security configuration admits no one else):
 * which accounts wait out the engine's growing delay after failed logins, which client addresses
 * wait out the login throttle, and lifting either.
 *
 * <p>The engine calls run as the administrator, so the engine checks the right to unlock again.
 */
@RestController
@RequestMapping(SecurityLocksController.PATH)
public class SecurityLocksController {

  public static final String PATH = "/api/security/locks";

  /**
   * An account whose logins the engine refuses until {@code lockedUntil}.
   *
   * @param userId the user
   * @param failedAttempts failed logins since the last successful one or unlock
   * @param lockedUntil when the engine accepts its password again
   */
  record AccountLock(String userId, int failedAttempts, Instant lockedUntil) {}

  /**
   * A client address with recent failed logins.
   *
   * @param address the client address
   * @param failedLogins failed logins counted against it
   * @param lastFailure when the last one came
   * @param blockedUntil until when its logins get 429; null if they do not
   */
  record AddressLock(String address, int failedLogins, Instant lastFailure, Instant blockedUntil) {}

  /**
   * Every current lock.
   *
   * @param accounts the accounts waiting out the engine's delay
   * @param addresses the addresses the login throttle knows of
   */
  record Locks(List<AccountLock> accounts, List<AddressLock> addresses) {}

  private final IdentityService identityService;
  private final ManagementService managementService;
  private final LoginThrottle throttle;
  private final Clock clock;

  SecurityLocksController(
      IdentityService identityService,
      ManagementService managementService,
      LoginThrottle throttle,
      Clock clock) {
    this.identityService = identityService;
    this.managementService = managementService;
    this.throttle = throttle;
    this.clock = clock;
  }

  @GetMapping
  Locks locks(Authentication authentication) {
    List<AccountLock> accounts =
        asCaller(
            authentication,
            () ->
                identityService
                    .createNativeUserQuery()
                    .sql(
                        "SELECT * FROM "
                            + managementService.getTableName(UserEntity.class)
                            + " WHERE LOCK_EXP_TIME_ > #{now} ORDER BY ID_")
                    .parameter("now", Date.from(clock.instant()))
                    .list()
                    .stream()
                    .map(UserEntity.class::cast)
                    .map(
                        user ->
                            new AccountLock(
                                user.getId(),
                                user.getAttempts(),
                                user.getLockExpirationTime().toInstant()))
                    .toList());
    Instant now = clock.instant();
    List<AddressLock> addresses =
        throttle.addresses().stream().map(state -> addressLock(state, now)).toList();
    return new Locks(accounts, addresses);
  }

  @DeleteMapping("/{userId}")
  ResponseEntity<Void> unlockUser(@PathVariable String userId, Authentication authentication) {
    asCaller(
        authentication,
        () -> {
          if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("There is no user '" + userId + "'.");
          }
          identityService.unlockUser(userId);
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/addresses/{address}")
  ResponseEntity<Void> liftAddress(@PathVariable String address) {
    throttle.lift(address);
    return ResponseEntity.noContent().build();
  }

  private static AddressLock addressLock(AddressState state, Instant now) {
    return new AddressLock(
        state.address(),
        state.failures(),
        state.lastFailure(),
        state.isBlockedAt(now) ? state.blockedUntil() : null);
  }

  private <T> T asCaller(Authentication authentication, Supplier<T> work) {
    CurrentUser caller = CurrentUser.of(authentication);
    identityService.setAuthentication(caller.id(), List.copyOf(caller.groups()));
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
