package london.cofund.committee;

import london.cofund.identity.CurrentUser;

/**
 * Who reads a borough's committee updates: the fund's roles (MOPAC, the working group, the Leaders'
 * Committee, administrators), the borough's officers ({@code borough-<GSS>}) and its scrutiny
 * committee ({@code scrutiny-<GSS>}). Nobody else, other boroughs' officers and committees and
 * applicants included.
 */
public final class CommitteeAccess {

  /** The prefix of a borough's scrutiny group, followed by its GSS code. */
  public static final String SCRUTINY_GROUP_PREFIX = "scrutiny-";

  private CommitteeAccess() {}

  public static boolean mayRead(String gssCode, CurrentUser user) {
    return user.seesWholeFund()
        || user.boroughCodes().contains(gssCode)
        || user.isIn(SCRUTINY_GROUP_PREFIX + gssCode);
  }
}
