package london.cofund.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bids for tests: {@link #eligible()} starts from a bid that passes every criterion, so that each
 * test changes only what it is about.
 */
final class TestBids {

  static final String CAMDEN = "E09000007";
  static final String HACKNEY = "E09000012";
  static final String ISLINGTON = "E09000019";
  static final String WESTMINSTER = "E09000033";
  static final String CITY_OF_LONDON = "E09000001";

  static final List<String> SHORTLIST =
      List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING");

  private Scope scope = Scope.SUB_REGIONAL;
  private List<String> deliveryBoroughs = List.of(CAMDEN, HACKNEY, ISLINGTON);
  private boolean basedOutsideLondon;
  private String outsideLondonLocation;
  private boolean benefitsLondonersOnly;
  private Agency lead = agency("Advance", AgencyType.VOLUNTARY_SECTOR);
  private String leadContactName = "Jo Bloggs";
  private String leadContactEmail = "jo.bloggs@advance.example";
  private List<Agency> partners =
      List.of(
          council("Camden Council", CAMDEN, true),
          council("Hackney Council", HACKNEY, true),
          council("Islington Council", ISLINGTON, true),
          agency("London CRC", AgencyType.PROBATION));
  private List<String> priorityThemes = List.of("FEMALE_OFFENDING");
  private String leadershipStatement =
      "Advance has led the pan-borough female offending consortium since 2015.";

  private TestBids() {}

  static TestBids eligible() {
    return new TestBids();
  }

  static Agency agency(String name, AgencyType type) {
    return new Agency(name, type, null, false);
  }

  static Agency council(String name, String boroughCode, boolean coreSupporting) {
    return new Agency(name, AgencyType.LOCAL_AUTHORITY, boroughCode, coreSupporting);
  }

  TestBids scope(Scope scope) {
    this.scope = scope;
    return this;
  }

  /** Varargs that keep nulls, unlike List.of. */
  TestBids deliveredIn(String... codes) {
    this.deliveryBoroughs = codes == null ? null : new ArrayList<>(Arrays.asList(codes));
    return this;
  }

  TestBids basedOutsideLondon(String location, boolean benefitsLondonersOnly) {
    this.basedOutsideLondon = true;
    this.outsideLondonLocation = location;
    this.benefitsLondonersOnly = benefitsLondonersOnly;
    return this;
  }

  TestBids lead(Agency lead) {
    this.lead = lead;
    return this;
  }

  TestBids contact(String name, String email) {
    this.leadContactName = name;
    this.leadContactEmail = email;
    return this;
  }

  TestBids partners(Agency... partners) {
    this.partners = partners == null ? null : new ArrayList<>(Arrays.asList(partners));
    return this;
  }

  TestBids themes(String... themes) {
    this.priorityThemes = themes == null ? null : new ArrayList<>(Arrays.asList(themes));
    return this;
  }

  TestBids leadershipStatement(String statement) {
    this.leadershipStatement = statement;
    return this;
  }

  Bid build() {
    return new Bid(
        scope,
        deliveryBoroughs,
        basedOutsideLondon,
        outsideLondonLocation,
        benefitsLondonersOnly,
        lead,
        leadContactName,
        leadContactEmail,
        partners,
        priorityThemes,
        leadershipStatement);
  }
}
