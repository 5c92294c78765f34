package london.cofund.identity;

import java.util.List;
import london.cofund.borough.LondonBorough;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The Camunda group ids of CoFund's roles (see the roles table in README.md). Group ids are the
 * interface that BPMN candidate groups, authorizations and the API's role checks share.
 */
public final class Roles {

  /** MOPAC fund managers: open rounds, give EOI feedback, moderate scores, watch Cockpit. */
  public static final String MOPAC = "mopac";

  /**
   * The working group: borough, probation, health and MOPAC leads who draft priorities and sit on
   * the panel.
   */
  public static final String WORKING_GROUP = "working-group";

  /** London Councils' Leaders' Committee: signs off the prospectus, pan-London bids and awards. */
  public static final String LEADERS_COMMITTEE = "leaders-committee";

  /** The independent assessment pool. */
  public static final String ASSESSORS = "assessors";

  /** Lead agencies' contacts, who submit EOIs and full proposals. */
  public static final String APPLICANTS = "applicants";

  /**
   * Operations staff and their tools: they see the health endpoint's components (database, engine),
   * and nothing of the fund.
   */
  public static final String MONITORING = "monitoring";

  /** System administrators (Camunda's own admin group). */
  public static final String ADMIN = Groups.CAMUNDA_ADMIN;

  /**
   * Every role group except the per-borough ones (a borough's officers, {@link #boroughGroup}, and
   * its scrutiny committee, {@link #scrutinyGroup}).
   */
  public static final List<String> FUND_ROLES =
      List.of(MOPAC, WORKING_GROUP, LEADERS_COMMITTEE, ASSESSORS, APPLICANTS);

  private Roles() {}

  /** The group of one borough's community safety team, for example {@code borough-E09000033}. */
  public static String boroughGroup(String gssCode) {
    return LondonBorough.GROUP_PREFIX + gssCode;
  }

  /**
   * The group of one borough's scrutiny committee, for example {@code scrutiny-E09000033}. Its
   * members read their borough's page ({@code /boroughs/{gssCode}}, in full), its committee updates
   * and {@code GET /api/boroughs/{gssCode}}, and nothing else: no other borough, no fund page, no
   * other API, no task.
   */
  public static String scrutinyGroup(String gssCode) {
    return LondonBorough.SCRUTINY_PREFIX + gssCode;
  }
}
