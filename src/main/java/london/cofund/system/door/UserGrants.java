package london.cofund.system.door;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The grants that the engine's authorization join reads for a user, read beforehand by the
 * narrowings ({@link TaskListNarrowing}, {@link VariableListNarrowing}) on the command's own
 * connection, in one statement.
 *
 * <p>The engine's join keeps the grants (authorization types below revoke: global ones and grants)
 * to the user, to everyone ({@code *}) and to the user's groups, on the checks' resource types,
 * whose permissions include the checked one. These are read the same way, without an authorization
 * check of their own; the permissions are compared here. Each part of the statement names one type,
 * one user or group and one resource type, so that each uses the engine's unique index (type, user
 * or group, resource type, resource): with the user ids together H2 walked every grant in the fund.
 * Revokes are not read: a narrowing leaves the engine's check in place for a user with revokes.
 * Within one request the grants are read once (as {@link OneRequest} says, nothing is kept beyond
 * it).
 */
final class UserGrants {

  private UserGrants() {}

  /** One row of the grant table, as far as the narrowings need it. */
  record Grant(int resourceType, String resourceId, int permissions) {

    /** Whether the engine's join would keep this grant for the check. */
    boolean allows(PermissionCheck check) {
      int wanted = check.getPermission().getValue();
      return resourceType == check.getResourceType() && (permissions & wanted) == wanted;
    }

    /** The first of the checks that this grant satisfies, or {@code null}. */
    PermissionCheck satisfied(List<PermissionCheck> checks) {
      return checks.stream().filter(this::allows).findFirst().orElse(null);
    }
  }

  /**
   * The resource types always read together: those of the task list's check (tasks, process
   * definitions) and of the variables' check (process instances too), so that one request that
   * lists tasks with their variables reads the user's grants once.
   */
  private static final Set<Integer> READ_TOGETHER =
      Set.of(
          Resources.TASK.resourceType(),
          Resources.PROCESS_DEFINITION.resourceType(),
          Resources.PROCESS_INSTANCE.resourceType());

  /**
   * The user's grants on the checks' resource types (and on those {@linkplain #READ_TOGETHER read
   * together}), in one statement, once per request ({@link OneRequest}).
   */
  static List<Grant> read(AuthorizationCheck check, List<PermissionCheck> permissions) {
    SortedSet<Integer> types = new TreeSet<>(READ_TOGETHER);
    permissions.forEach(permission -> types.add(permission.getResourceType()));
    List<String> groups =
        check.getAuthGroupIds() == null ? List.of() : new ArrayList<>(check.getAuthGroupIds());
    List<Object> key = List.of(check.getAuthUserId(), groups, List.copyOf(types));
    return OneRequest.once(
        "user grants", key, () -> List.copyOf(read(check.getAuthUserId(), groups, types)));
  }

  private static List<Grant> read(String user, List<String> groups, Set<Integer> types) {
    List<Object[]> parts = new ArrayList<>();
    for (int resourceType : types) {
      parts.add(part(Authorization.AUTH_TYPE_GLOBAL, "USER_ID_", Authorization.ANY, resourceType));
      parts.add(part(Authorization.AUTH_TYPE_GRANT, "USER_ID_", Authorization.ANY, resourceType));
      parts.add(part(Authorization.AUTH_TYPE_GRANT, "USER_ID_", user, resourceType));
      for (String group : groups) {
        parts.add(part(Authorization.AUTH_TYPE_GRANT, "GROUP_ID_", group, resourceType));
      }
    }
    StringBuilder sql = new StringBuilder();
    for (Object[] part : parts) {
      sql.append(sql.length() == 0 ? "" : " union all ")
          .append("select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ")
          .append(table("ACT_RU_AUTHORIZATION"))
          .append(" where TYPE_ = ? and ")
          .append(part[1])
          .append(" = ? and RESOURCE_TYPE_ = ?");
    }
    List<Grant> grants = new ArrayList<>();
    try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
      int index = 1;
      for (Object[] part : parts) {
        statement.setInt(index++, (Integer) part[0]);
        statement.setString(index++, (String) part[2]);
        statement.setInt(index++, (Integer) part[3]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          grants.add(new Grant(rows.getInt(1), rows.getString(2), rows.getInt(3)));
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Reading the user's grants failed", e);
    }
    return grants;
  }

  /** The keys of every deployed process definition (a handful of rows). */
  static Set<String> processDefinitionKeys() {
    Set<String> keys = new HashSet<>();
    try (PreparedStatement statement =
            connection().prepareStatement("select distinct KEY_ from " + table("ACT_RE_PROCDEF"));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Reading the process definitions' keys failed", e);
    }
    return keys;
  }

  private static Object[] part(int type, String column, String principal, int resourceType) {
    return new Object[] {type, column, principal, resourceType};
  }

  private static String table(String name) {
    return Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + name;
  }

  /** The connection of the command that is running, inside its transaction. */
  private static Connection connection() {
    return Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
  }
}
