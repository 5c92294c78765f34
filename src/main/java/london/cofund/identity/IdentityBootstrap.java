package london.cofund.identity;

import java.util.ArrayList;
import java.util.List;
import london.cofund.borough.LondonBorough;
import london.cofund.identity.DemoUsers.DemoUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
  public static final String FILTER_MY_GROUPS = "My group's tasks";

  /** The name that {@link #FILTER_MY_GROUPS} had before; renamed at startup where found. */
  static final String FILTER_MY_GROUPS_BEFORE = "Tasks for my groups";

  public static final String FILTER_DUE_SOON = "Due in 3 days";
  public static final String FILTER_OVERDUE = "Overdue";

  private final AdminProperties admin;
  private final boolean demoUsers;

  public IdentityBootstrap(
      AdminProperties admin, @Value("${cofund.demo.users-enabled:false}") boolean demoUsers) {
    this.admin = admin;
    this.demoUsers = demoUsers;
    AdminCredentials.require(admin);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    StartupLock.around(configuration.getDataSource(), () -> setUp(engine));
  }

  private void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    createGroups(identity);
    RoleGrants.grantAdmins(authorizations);
    RoleGrants.grantRoles(authorizations);
    RoleGrants.grantScrutiny(authorizations);
    TasklistFilters.createFilters(
        engine.getFilterService(), engine.getTaskService(), authorizations);
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
      createGroup(
          identity,
          borough.scrutinyGroupId(),
          borough.displayName() + " scrutiny committee",
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

  /**
   * The 32 boroughs' scrutiny committees: not among {@link #roleGroups()}, because they work no
   * task and read no process (see {@link RoleGrants#grantScrutiny}).
   */
  static List<String> scrutinyGroups() {
    List<String> groups = new ArrayList<>();
    for (LondonBorough borough : LondonBorough.values()) {
      groups.add(borough.scrutinyGroupId());
    }
    return groups;
  }

  private void createGroup(IdentityService identity, String id, String name, String type) {
    IdempotentSetup.onlyIfMissing(
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
    IdempotentSetup.onlyIfMissing(
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
      IdempotentSetup.onlyIfMissing(
          () -> identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0,
          () -> identity.createMembership(id, group));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
