package london.cofund.system.door;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks use the signed-in user's groups as they are, instead of first reading every
 * group that holds a grant.
 *
 * <p>Before each command's first check, the engine's {@code AuthorizationManager} reads {@code
 * SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, a scan of the whole grant table, to leave
 * out of its checks any of the user's groups that holds no grant. Every task offered to a group
 * carries a grant of its own, so the table grows with the open tasks: with 10,000 of them the scan
 * took 1.5 ms on PostgreSQL, five times in each Tasklist list (one per command), which was a fifth
 * of the database's time for the list ({@code docs/performance.md}, "Third pass").
 *
 * <p>Leaving a group out changes no answer: a group without grants matches no row of any check. So
 * the user's groups are used as signed in, without the scan, while there are at most {@link #LIMIT}
 * of them (a CoFund officer has one to three). A user with more (an identity provider that gives
 * hundreds of groups) gets the engine's scan, which keeps the checks' statements short.
 */
@Component
class GroupsAsSignedIn extends AbstractProcessEnginePlugin {

  /** Up to this many groups the checks name them all; above it the engine filters them. */
  static final int LIMIT = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReplacedManager.install(configuration, AuthorizationManager.class, Manager::new);
  }

  /** The engine's authorization manager, without the scan for a user with few groups. */
  static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null
          || authenticatedGroupIds.isEmpty()
          || authenticatedGroupIds.size() > LIMIT) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      // A fresh, mutable list without repeats or nulls, as the engine's own answer is.
      Set<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
      groups.remove(null);
      return new ArrayList<>(groups);
    }

    /**
     * Whether any revoke concerns the user or their groups: asked once per request ({@link
     * OneRequest}, which forgets it after any command that may write) instead of once per command.
     */
    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      List<Object> key =
          Arrays.asList(userId, groupIds == null ? List.of() : new ArrayList<>(groupIds));
      return OneRequest.once(
          "revokes", key, () -> super.isRevokeAuthCheckEnabled(userId, groupIds));
    }
  }
}
