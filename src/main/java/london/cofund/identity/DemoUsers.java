package london.cofund.identity;

import java.util.List;
import london.cofund.borough.LondonBorough;

/**
 * The demo users of README.md. Scripts, tests and people rely on these exact ids; every one has the
 * password {@value #PASSWORD}, and exists only where {@code cofund.demo.users-enabled} is true (the
 * demo profile).
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";
  public static final String EMAIL_DOMAIN = "cofund.example.org";

  /** One demo login. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@" + EMAIL_DOMAIN;
    }
  }

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser("admin", "Ada", "Admin", List.of(Roles.ADMIN)),
          new DemoUser("mopac", "Morgan", "Okafor", List.of(Roles.MOPAC, Roles.WORKING_GROUP)),
          new DemoUser("wg", "Wendy", "Grant", List.of(Roles.WORKING_GROUP)),
          new DemoUser("leaders", "Leigh", "Anders", List.of(Roles.LEADERS_COMMITTEE)),
          new DemoUser(
              "westminster", "Wes", "Minster", List.of(LondonBorough.WESTMINSTER.groupId())),
          new DemoUser("camden", "Cam", "Dennis", List.of(LondonBorough.CAMDEN.groupId())),
          new DemoUser(
              "westminster-scrutiny",
              "Sam",
              "Crutton",
              List.of(LondonBorough.WESTMINSTER.scrutinyGroupId())),
          new DemoUser("assessor1", "Asha", "Patel", List.of(Roles.ASSESSORS)),
          new DemoUser("assessor2", "Ben", "Carter", List.of(Roles.ASSESSORS)),
          new DemoUser("assessor3", "Chloe", "Nguyen", List.of(Roles.ASSESSORS)),
          new DemoUser("applicant1", "Abi", "Lead", List.of(Roles.APPLICANTS)),
          new DemoUser("applicant2", "Aaron", "Bidder", List.of(Roles.APPLICANTS)));

  private DemoUsers() {}
}
