package london.cofund.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do in the webapps and engine-rest: Camunda authorizations, created or extended
 * at every start, never duplicated (see {@link IdempotentSetup}).
 */
final class RoleGrants {

  /** The process definition keys that MOPAC may start from Tasklist. */
  static final String FUNDING_ROUND_PROCESS = IdentityBootstrap.FUNDING_ROUND_PROCESS;

  private RoleGrants() {}

  static void grantAdmins(AuthorizationService authorizations) {
    for (Resource resource : Resources.values()) {
      grant(authorizations, Roles.ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * What each role may do in the webapps and engine-rest. Tasks are not granted here: the engine
   * grants a task to its assignee and candidate groups as it creates it, so each group sees only
   * the tasks offered to it.
   */
  static void grantRoles(AuthorizationService authorizations) {
    for (String group : IdentityBootstrap.roleGroups()) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Process names and diagrams only: READ on a definition does not reveal instances or tasks.
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    globalGrant(authorizations, Resources.GROUP, ANY, Permissions.READ);

    // MOPAC watches everything in Cockpit, retries failed jobs (undeliverable mail) and opens
    // rounds.
    grant(authorizations, Roles.MOPAC, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        authorizations,
        Roles.MOPAC,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.RETRY_JOB,
        // MOPAC may reassign any task (the door guard lets nobody else claim for another).
        ProcessDefinitionPermissions.TASK_ASSIGN);
    grant(
        authorizations,
        Roles.MOPAC,
        Resources.PROCESS_DEFINITION,
        FUNDING_ROUND_PROCESS,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(
        authorizations,
        Roles.MOPAC,
        Resources.PROCESS_INSTANCE,
        ANY,
        ProcessInstancePermissions.READ,
        ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.RETRY_JOB);
    grant(authorizations, Roles.MOPAC, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(
        authorizations,
        Roles.MOPAC,
        Resources.DECISION_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY);
    grant(authorizations, Roles.MOPAC, Resources.USER, ANY, Permissions.READ);
  }

  /**
   * A borough's scrutiny committee: Tasklist only, because Tasklist's login is where every page
   * sends a person to sign in (the borough page included). Nothing else: no process definition,
   * instance, history or task, so Tasklist and engine-rest show them no work at all. What they read
   * (their borough's page, committee updates and figures) is CoFund's own, decided in {@code
   * BoroughAccess}.
   */
  static void grantScrutiny(AuthorizationService authorizations) {
    for (String group : IdentityBootstrap.scrutinyGroups()) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
  }

  static void grant(
      AuthorizationService authorizations,
      String group,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    save(authorizations, AUTH_TYPE_GRANT, group, resource, resourceId, permissions);
  }

  /** A grant to every user ("*"). */
  static void globalGrant(
      AuthorizationService authorizations,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    save(authorizations, AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
  }

  /**
   * Creates or extends one authorization of a group (or, global, of every user) on one resource.
   */
  static void save(
      AuthorizationService authorizations,
      int type,
      String group,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Supplier<Authorization> find =
        () -> {
          var query =
              authorizations
                  .createAuthorizationQuery()
                  .authorizationType(type)
                  .resourceType(resource)
                  .resourceId(resourceId);
          return (group == null ? query : query.groupIdIn(group)).singleResult();
        };
    Supplier<Authorization> create =
        () -> {
          Authorization created = authorizations.createNewAuthorization(type);
          if (group == null) {
            created.setUserId(ANY);
          } else {
            created.setGroupId(group);
          }
          return created;
        };
    Authorization authorization = find.get();
    boolean changed = false;
    if (authorization == null) {
      authorization = create.get();
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      Authorization toSave = authorization;
      boolean isNew = toSave.getId() == null;
      IdempotentSetup.onlyIfMissing(
          () -> isNew && find.get() != null, () -> authorizations.saveAuthorization(toSave));
    }
  }
}
