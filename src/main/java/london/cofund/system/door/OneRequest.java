package london.cofund.system.door;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One read of a user's task grants, and of a filter with its check, for one request.
 *
 * <p>Tasklist asks engine-rest for a filter's list with HAL, and engine-rest then lists the tasks
 * and counts them, in two commands of the same request. Each would read the user's grants again for
 * {@link TaskListNarrowing} (a borough officer has one per task offered to their borough). For the
 * length of one request the grants read first are used again, held in Spring's request attributes
 * (Spring's {@code RequestContextFilter} sets them for every request, engine-rest's included). The
 * two commands were never one transaction: a task offered between them could already make the count
 * differ from the list, as it can in the engine's own answer. The same request reads the filter,
 * with its {@code READ} check, three times (engine-rest for itself, then each command): {@link
 * FilterReadOnce} reads it once.
 *
 * <p>Nothing is kept beyond a request, so a grant or revoke is seen by the next one; and outside a
 * request (the job executor, the application's own calls) everything is read every time.
 */
final class OneRequest {

  private static final String ATTRIBUTE = OneRequest.class.getName() + ".";

  private OneRequest() {}

  /** The granted task ids for this user and check: read once per request. */
  static Set<String> grantedTasks(AuthorizationCheck check, Supplier<Set<String>> read) {
    return once("grants", key(check), read);
  }

  /**
   * What {@code read} answers for this key, read once per request ({@code null} answers included);
   * outside a request, read every time.
   */
  static <T> T once(String what, List<Object> key, Supplier<T> read) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return read.get();
    }
    String name = ATTRIBUTE + what + " " + key;
    @SuppressWarnings("unchecked")
    Optional<T> held = (Optional<T>) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (held == null) {
      held = Optional.ofNullable(read.get());
      request.setAttribute(name, held, RequestAttributes.SCOPE_REQUEST);
    }
    return held.orElse(null);
  }

  /** Who asks and for which permissions: everything the grants read depends on. */
  private static List<Object> key(AuthorizationCheck check) {
    List<Object> key = new ArrayList<>();
    key.add(check.getAuthUserId());
    key.add(check.getAuthGroupIds() == null ? List.of() : List.copyOf(check.getAuthGroupIds()));
    for (PermissionCheck permission : check.getPermissionChecks().getAtomicChecks()) {
      key.add(permission.getResourceType());
      key.add(permission.getPermission().getValue());
    }
    return key;
  }
}
