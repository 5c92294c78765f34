package london.cofund.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import london.cofund.borough.LondonBorough;
import london.cofund.identity.DemoUsers.DemoUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates CoFund's groups, authorizations, Tasklist filters, the first administrator and (in the
 * demo profile) the demo users, every time the engine starts. Each step checks before it creates,
 * so a restart, or a second node starting at once, changes nothing.
 *
 * <p>It runs as an engine plugin, once the engine is built and before any request is served, and it
 * refuses to let the engine start with an empty {@code camunda-admin} group: Camunda's Admin setup
 * page lets anyone create an administrator while that group is empty.
 */
@Component
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** The process definition keys that MOPAC may start from Tasklist. */
  static final String FUNDING_ROUND_PROCESS = "fundingRound";

  public static final String FILTER_MY_TASKS = "My tasks";
  public static final String FILTER_MY_GROUPS = "Tasks for my groups";

  private final AdminProperties admin;
  private final boolean demoUsers;

  public IdentityBootstrap(
      AdminProperties admin, @Value("${cofund.demo.users-enabled:false}") boolean demoUsers) {
    this.admin = admin;
    this.demoUsers = demoUsers;
    requireAdminCredentials(admin);
  }

  static void requireAdminCredentials(AdminProperties admin) {
    if (isBlank(admin.user()) || isBlank(admin.password())) {
      throw new MissingAdminCredentialsException(
          "CoFund will not start without its first administrator: COFUND_ADMIN_USER and"
              + " COFUND_ADMIN_PASSWORD are not set. Without an administrator, Camunda's admin"
              + " setup page would let anyone create one.");
    }
    if (admin.password().equals(admin.user())) {
      throw new MissingAdminCredentialsException(
          "COFUND_ADMIN_PASSWORD must not be the user id '" + admin.user() + "'.");
    }
    if (admin.password().length() < admin.minPasswordLength()) {
      throw new MissingAdminCredentialsException(
          "COFUND_ADMIN_PASSWORD is too short: at least "
              + admin.minPasswordLength()
              + " characters are needed.");
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    createGroups(identity);
    grantAdmins(authorizations);
    grantRoles(authorizations);
    createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
    // Demo users first, so that the demo's admin is the demo user "admin", with its email address.
    if (demoUsers) {
      for (DemoUser user : DemoUsers.ALL) {
        createUser(
            identity,
            user.id(),
            user.firstName(),
            user.lastName(),
            user.email(),
            DemoUsers.PASSWORD,
            user.groups());
      }
    }
    createUser(
        identity,
        admin.user(),
        "CoFund",
        "Administrator",
        null,
        admin.password(),
        List.of(Roles.ADMIN));
    if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
      throw new MissingAdminCredentialsException(
          "The camunda-admin group has no member after startup; refusing to run with an open"
              + " admin setup page.");
    }
  }

  private void createGroups(IdentityService identity) {
    createGroup(identity, Roles.ADMIN, "System administrators", Groups.GROUP_TYPE_SYSTEM);
    createGroup(
        identity, Roles.MONITORING, "Monitoring (health details)", Groups.GROUP_TYPE_SYSTEM);
    createGroup(identity, Roles.MOPAC, "MOPAC fund managers", Groups.GROUP_TYPE_WORKFLOW);
    createGroup(
        identity,
        Roles.WORKING_GROUP,
        "Co-commissioning working group",
        Groups.GROUP_TYPE_WORKFLOW);
    createGroup(
        identity,
        Roles.LEADERS_COMMITTEE,
        "London Councils' Leaders' Committee",
        Groups.GROUP_TYPE_WORKFLOW);
    createGroup(identity, Roles.ASSESSORS, "Independent assessors", Groups.GROUP_TYPE_WORKFLOW);
    createGroup(
        identity, Roles.APPLICANTS, "Applicants (lead agencies)", Groups.GROUP_TYPE_WORKFLOW);
    for (LondonBorough borough : LondonBorough.values()) {
      createGroup(
          identity,
          borough.groupId(),
          borough.displayName() + " community safety",
          Groups.GROUP_TYPE_WORKFLOW);
    }
  }

  /** Every role group: the fund roles and the 32 borough groups. */
  static List<String> roleGroups() {
    List<String> groups = new ArrayList<>(Roles.FUND_ROLES);
    for (LondonBorough borough : LondonBorough.values()) {
      groups.add(borough.groupId());
    }
    return groups;
  }

  private void grantAdmins(AuthorizationService authorizations) {
    for (Resource resource : Resources.values()) {
      grant(authorizations, Roles.ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * What each role may do in the webapps and engine-rest. Tasks are not granted here: the engine
   * grants a task to its assignee and candidate groups as it creates it, so each group sees only
   * the tasks offered to it.
   */
  private void grantRoles(AuthorizationService authorizations) {
    for (String group : roleGroups()) {
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

  private void createFilters(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    Map<String, Object> columns =
        Map.of(
            "variables",
            List.of(
                Map.of("name", "proposalReference", "label", "Proposal"),
                Map.of("name", "roundId", "label", "Round")));
    createFilter(
        filters,
        authorizations,
        FILTER_MY_TASKS,
        -10,
        "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        columns);
    createFilter(
        filters,
        authorizations,
        FILTER_MY_GROUPS,
        -5,
        "Tasks offered to my groups, claimed or not",
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        columns);
  }

  private void createFilter(
      FilterService filters,
      AuthorizationService authorizations,
      String name,
      int priority,
      String description,
      TaskQuery query,
      Map<String, Object> columns) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setQuery(query);
      Map<String, Object> properties = new HashMap<>(columns);
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
    globalGrant(authorizations, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void createGroup(IdentityService identity, String id, String name, String type) {
    onlyIfMissing(
        () -> identity.createGroupQuery().groupId(id).count() > 0,
        () -> {
          Group group = identity.newGroup(id);
          group.setName(name);
          group.setType(type);
          identity.saveGroup(group);
        });
  }

  private void createUser(
      IdentityService identity,
      String id,
      String firstName,
      String lastName,
      String email,
      String password,
      List<String> groups) {
    onlyIfMissing(
        () -> identity.createUserQuery().userId(id).count() > 0,
        () -> {
          User user = identity.newUser(id);
          user.setFirstName(firstName);
          user.setLastName(lastName);
          user.setEmail(email);
          user.setPassword(password);
          identity.saveUser(user);
          LOG.info("Created user '{}' in {}", id, groups);
        });
    for (String group : groups) {
      onlyIfMissing(
          () -> identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0,
          () -> identity.createMembership(id, group));
    }
  }

  private void grant(
      AuthorizationService authorizations,
      String group,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    save(authorizations, AUTH_TYPE_GRANT, group, resource, resourceId, permissions);
  }

  /** A grant to every user ("*"). */
  private void globalGrant(
      AuthorizationService authorizations,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    save(authorizations, AUTH_TYPE_GLOBAL, null, resource, resourceId, permissions);
  }

  /**
   * Creates or extends one authorization of a group (or, global, of every user) on one resource.
   */
  private void save(
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
      onlyIfMissing(
          () -> isNew && find.get() != null, () -> authorizations.saveAuthorization(toSave));
    }
  }

  /**
   * Creates something unless it exists. A second node starting at the same moment may win the race;
   * its duplicate-key error is then the proof that the thing exists, not a reason to fail.
   */
  private static void onlyIfMissing(Supplier<Boolean> exists, Runnable create) {
    if (exists.get()) {
      return;
    }
    try {
      create.run();
    } catch (ProcessEngineException e) {
      if (!exists.get()) {
        throw e;
      }
      LOG.debug("Created concurrently by another node: {}", e.getMessage());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
