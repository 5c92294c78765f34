package london.cofund.eligibility;

/**
 * The kind of organisation an agency is. Only {@link #LOCAL_AUTHORITY} carries weight in screening:
 * the councils of the delivery boroughs must be core supporting partners.
 */
public enum AgencyType {
  LOCAL_AUTHORITY,
  POLICE,
  PROBATION,
  YOUTH_JUSTICE,
  HEALTH,
  VOLUNTARY_SECTOR,
  HOUSING,
  EDUCATION,
  OTHER
}
