package london.cofund.system.door;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One read of a user's task grants for one filter list request.
 *
 * <p>Tasklist asks engine-rest for a filter's list with HAL, and engine-rest then lists the tasks
 * and counts them, in two commands of the same request. Each would read the user's grants again for
 * {@link TaskListNarrowing} (a borough officer has one per task offered to their borough). For the
 * length of one such request the grants read for the list are used for the count as well. The two
 * commands were never one transaction: a task offered between them could already make the count
 * differ from the list, as it can in the engine's own answer.
 *
 * <p>Nothing is kept outside a request: the grants are held in the request's own thread and dropped
 * when it ends, so a grant or revoke is seen by the next request.
 */
@Component
class OneRequest extends OncePerRequestFilter {

  private static final ThreadLocal<Map<List<Object>, Optional<Set<String>>>> GRANTS =
      new ThreadLocal<>();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/filter/") && path.endsWith("/list"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    GRANTS.set(new HashMap<>());
    try {
      chain.doFilter(request, response);
    } finally {
      GRANTS.remove();
    }
  }

  /**
   * The granted task ids for this user and check: read once per filter list request, and read every
   * time outside one.
   */
  static Set<String> grantedTasks(AuthorizationCheck check, Supplier<Set<String>> read) {
    Map<List<Object>, Optional<Set<String>>> held = GRANTS.get();
    if (held == null) {
      return read.get();
    }
    return held.computeIfAbsent(key(check), k -> Optional.ofNullable(read.get())).orElse(null);
  }

  /** Who asks and for which permissions: everything the grants read depends on. */
  private static List<Object> key(AuthorizationCheck check) {
    List<Object> key = new java.util.ArrayList<>();
    key.add(check.getAuthUserId());
    key.add(check.getAuthGroupIds() == null ? List.of() : List.copyOf(check.getAuthGroupIds()));
    for (PermissionCheck permission : check.getPermissionChecks().getAtomicChecks()) {
      key.add(permission.getResourceType());
      key.add(permission.getPermission().getValue());
    }
    return key;
  }
}
