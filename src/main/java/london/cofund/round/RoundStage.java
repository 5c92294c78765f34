package london.cofund.round;

/**
 * Where a funding round is in the seed's timeline (its five key decision points, made executable).
 */
public enum RoundStage {
  PRIORITIES_CONSULTATION,
  SHORTLISTING,
  PROSPECTUS_SIGN_OFF,
  OPEN_FOR_EOIS,
  FULL_PROPOSALS,
  ASSESSMENT,
  FUNDING_DECISION,
  AWARDS_SIGN_OFF,
  ANNOUNCED
}
