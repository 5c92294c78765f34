package london.cofund.eligibility;

import static london.cofund.eligibility.TestBids.CAMDEN;
import static london.cofund.eligibility.TestBids.CITY_OF_LONDON;
import static london.cofund.eligibility.TestBids.HACKNEY;
import static london.cofund.eligibility.TestBids.ISLINGTON;
import static london.cofund.eligibility.TestBids.SHORTLIST;
import static london.cofund.eligibility.TestBids.WESTMINSTER;
import static london.cofund.eligibility.TestBids.agency;
import static london.cofund.eligibility.TestBids.council;
import static london.cofund.eligibility.TestBids.eligible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EligibilityServiceTest {

  private final EligibilityService service = new EligibilityService();

  private Screening screen(TestBids bid) {
    return service.screen(bid.build(), SHORTLIST, List.of());
  }

  private CriterionResult result(Screening screening, Criterion code) {
    return screening.criteria().stream().filter(r -> r.code() == code).findFirst().orElseThrow();
  }

  private CriterionResult check(TestBids bid, Criterion code) {
    return result(screen(bid), code);
  }

  @Nested
  class WholeScreening {

    @Test
    void eligibleBidPassesEveryCriterion() {
      Screening screening = screen(eligible());

      assertThat(screening.eligible()).isTrue();
      assertThat(screening.failures()).isEmpty();
      assertThat(screening.criteria())
          .extracting(CriterionResult::code)
          .containsExactly(Criterion.values());
      assertThat(screening.criteria()).allMatch(CriterionResult::passed);
      assertThat(screening.criteria())
          .extracting(CriterionResult::reason)
          .containsExactly(
              "based in London; delivered in London boroughs only (Camden, Hackney, Islington)",
              "covers 3 boroughs (Camden, Hackney, Islington), meeting the minimum of 3 for"
                  + " sub-regional projects",
              "5 distinct partner agencies (Advance, Camden Council, Hackney Council,"
                  + " Islington Council, London CRC), the lead included",
              "every delivery borough's council is a core supporting partner (Camden, Hackney,"
                  + " Islington)",
              "the theme FEMALE_OFFENDING is on the round's short list (CSE, FEMALE_OFFENDING,"
                  + " SEXUAL_VIOLENCE, YOUTH_OFFENDING)",
              "Advance leads, with contact Jo Bloggs (jo.bloggs@advance.example) and a leadership"
                  + " statement, whose strength MOPAC judges at feedback");
    }

    @Test
    void emptyBidGetsAllSixResultsInOrderAndFailuresListOnlyTheFailed() {
      Bid empty = new Bid(null, null, false, null, false, null, null, null, null, null, null);

      Screening screening = service.screen(empty, null, null);

      assertThat(screening.criteria())
          .extracting(CriterionResult::code)
          .containsExactly(Criterion.values());
      assertThat(screening.eligible()).isFalse();
      assertThat(screening.failures())
          .extracting(CriterionResult::code)
          .containsExactly(
              Criterion.BOROUGH_COVERAGE,
              Criterion.PARTNERSHIP,
              Criterion.PRIORITY,
              Criterion.LEAD_AGENCY);
    }

    @Test
    void nullEntriesInListsAreIgnored() {
      Screening screening =
          service.screen(
              eligible()
                  .deliveredIn(CAMDEN, null, HACKNEY, " ", ISLINGTON)
                  .partners(
                      null,
                      council("Camden Council", CAMDEN, true),
                      council("Hackney Council", HACKNEY, true),
                      council("Islington Council", ISLINGTON, true))
                  .themes(null, "FEMALE_OFFENDING")
                  .build(),
              Arrays.asList(null, "FEMALE_OFFENDING"),
              Arrays.asList((CorePartnerDecline) null));

      assertThat(screening.eligible()).isTrue();
    }

    @Test
    void bidIsRequired() {
      assertThatNullPointerException().isThrownBy(() -> service.screen(null, SHORTLIST, null));
    }

    @Test
    void screeningListIsImmutable() {
      Screening screening = screen(eligible());

      assertThat(screening.criteria()).isUnmodifiable();
    }
  }

  @Nested
  class London {

    @Test
    void bidDeliveredInLondonBoroughsPasses() {
      CriterionResult result = check(eligible(), Criterion.LONDON);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason()).contains("based in London", "Camden, Hackney, Islington");
    }

    @Test
    void cityOfLondonIsNotADeliveryBoroughAndIsNamed() {
      CriterionResult result =
          check(eligible().deliveredIn(CAMDEN, HACKNEY, CITY_OF_LONDON), Criterion.LONDON);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "the City of London (E09000001, outside MOPAC's area) is named as a delivery"
                  + " area but is not one of the 32 London boroughs the fund covers");
    }

    @Test
    void unknownCodesAreNamedAsTheyWereGiven() {
      CriterionResult result =
          check(eligible().deliveredIn(CAMDEN, "E07000209", " e09000001 "), Criterion.LONDON);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .startsWith("E07000209 and the City of London (E09000001")
          .contains("are named as delivery areas but are not among the 32 London boroughs");
    }

    @Test
    void boroughCodesAreComparedTrimmedAndIgnoringCase() {
      CriterionResult result =
          check(eligible().deliveredIn(" e09000007", "E09000012 ", "e09000019"), Criterion.LONDON);

      assertThat(result.passed()).isTrue();
    }

    @Test
    void secureEstateProjectForLondonersOnlyPassesAndSaysWhereItIs() {
      CriterionResult result =
          check(eligible().basedOutsideLondon("HMP Bronzefield", true), Criterion.LONDON);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .startsWith("based outside London (HMP Bronzefield) but benefits Londoners only")
          .contains("secure estate");
    }

    @Test
    void projectBasedOutsideLondonNotSolelyForLondonersFails() {
      CriterionResult result =
          check(eligible().basedOutsideLondon("HMP Bronzefield", false), Criterion.LONDON);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .startsWith(
              "based outside London (HMP Bronzefield) but not solely of benefit to" + " Londoners");
    }

    @Test
    void missingOutsideLocationIsSaid() {
      CriterionResult result = check(eligible().basedOutsideLondon(" ", true), Criterion.LONDON);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason()).contains("(location not given)");
    }

    @Test
    void bothProblemsAreReportedInOneReason() {
      CriterionResult result =
          check(
              eligible().basedOutsideLondon("HMP Bronzefield", false).deliveredIn(CITY_OF_LONDON),
              Criterion.LONDON);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).contains("HMP Bronzefield", "the City of London");
    }

    @Test
    void panLondonBidWithoutListedBoroughsPasses() {
      CriterionResult result =
          check(eligible().scope(Scope.PAN_LONDON).deliveredIn(), Criterion.LONDON);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .isEqualTo("based in London; delivered across all 32 London" + " boroughs");
    }

    @Test
    void panLondonBidListingTheCityOfLondonFails() {
      CriterionResult result =
          check(eligible().scope(Scope.PAN_LONDON).deliveredIn(CITY_OF_LONDON), Criterion.LONDON);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).contains("the City of London (E09000001");
    }
  }

  @Nested
  class BoroughCoverage {

    @Test
    void twoBoroughsFail() {
      CriterionResult result =
          check(eligible().deliveredIn(WESTMINSTER, CAMDEN), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "covers 2 boroughs (Camden, Westminster); sub-regional projects must cover at"
                  + " least 3");
    }

    @Test
    void threeBoroughsPass() {
      CriterionResult result =
          check(eligible().deliveredIn(WESTMINSTER, CAMDEN, HACKNEY), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .isEqualTo(
              "covers 3 boroughs (Camden, Hackney, Westminster), meeting the minimum of 3"
                  + " for sub-regional projects");
    }

    @Test
    void duplicateBoroughsCountOnceWhateverTheirCaseOrSpacing() {
      CriterionResult result =
          check(
              eligible().deliveredIn(CAMDEN, " e09000007 ", WESTMINSTER, CAMDEN),
              Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("covers 2 boroughs (Camden, Westminster);");
    }

    @Test
    void cityOfLondonDoesNotCountAsABorough() {
      CriterionResult result =
          check(
              eligible().deliveredIn(CAMDEN, WESTMINSTER, CITY_OF_LONDON),
              Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .startsWith("covers 2 boroughs (Camden, Westminster), not counting the City of London");
    }

    @Test
    void singleBoroughFails() {
      CriterionResult result = check(eligible().deliveredIn(CAMDEN), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("covers 1 borough (Camden);");
    }

    @Test
    void noBoroughsFail() {
      CriterionResult result =
          check(eligible().deliveredIn((String[]) null), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("covers 0 boroughs (none named);");
    }

    @Test
    void panLondonCountsAsAll32AndPasses() {
      CriterionResult result =
          check(eligible().scope(Scope.PAN_LONDON).deliveredIn(), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason()).isEqualTo("pan-London, so it covers all 32 London boroughs");
    }

    @Test
    void missingScopeFails() {
      CriterionResult result = check(eligible().scope(null), Criterion.BOROUGH_COVERAGE);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("no scope is given");
    }
  }

  @Nested
  class Partnership {

    @Test
    void threeDistinctAgenciesPass() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      council("Camden Council", CAMDEN, true),
                      agency("London CRC", AgencyType.PROBATION)),
              Criterion.PARTNERSHIP);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .isEqualTo(
              "3 distinct partner agencies (Advance, Camden Council, London CRC), the lead"
                  + " included");
    }

    @Test
    void namesDifferingOnlyInCaseOrSpacesAreOneAgency() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      council("Camden  Council ", CAMDEN, true),
                      council("camden council", CAMDEN, true),
                      agency(" ADVANCE", AgencyType.VOLUNTARY_SECTOR)),
              Criterion.PARTNERSHIP);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "only 2 distinct partner agencies (Advance, Camden Council); at least 3 are"
                  + " needed, the lead included");
    }

    @Test
    void leadIsCountedAmongTheAgencies() {
      CriterionResult withLead =
          check(
              eligible()
                  .partners(
                      agency("Camden Council", AgencyType.LOCAL_AUTHORITY),
                      agency("London CRC", AgencyType.PROBATION)),
              Criterion.PARTNERSHIP);
      CriterionResult withoutLead =
          check(
              eligible()
                  .lead(null)
                  .partners(
                      agency("Camden Council", AgencyType.LOCAL_AUTHORITY),
                      agency("London CRC", AgencyType.PROBATION)),
              Criterion.PARTNERSHIP);

      assertThat(withLead.passed()).isTrue();
      assertThat(withoutLead.passed()).isFalse();
      assertThat(withoutLead.reason())
          .startsWith("only 2 distinct partner agencies (Camden" + " Council, London CRC)");
    }

    @Test
    void agenciesWithoutANameDoNotCount() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      agency("London CRC", AgencyType.PROBATION),
                      agency("  ", AgencyType.POLICE),
                      agency(null, AgencyType.HEALTH)),
              Criterion.PARTNERSHIP);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("only 2 distinct partner agencies");
    }

    @Test
    void singleAgencyIsNamedInTheSingular() {
      CriterionResult result = check(eligible().partners(), Criterion.PARTNERSHIP);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).startsWith("only 1 distinct partner agency (Advance);");
    }

    @Test
    void noAgenciesAtAllFail() {
      CriterionResult result =
          check(eligible().lead(null).partners((Agency[]) null), Criterion.PARTNERSHIP);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "no partner agencies are named; at least 3 are needed," + " the lead included");
    }
  }

  @Nested
  class LaCorePartners {

    private CriterionResult check(TestBids bid, CorePartnerDecline... declines) {
      return result(
          service.screen(bid.build(), SHORTLIST, List.of(declines)), Criterion.LA_CORE_PARTNERS);
    }

    @Test
    void everyDeliveryCouncilCoreSupportingPasses() {
      CriterionResult result = check(eligible());

      assertThat(result.passed()).isTrue();
      assertThat(result.reason()).contains("Camden, Hackney, Islington");
    }

    @Test
    void leadCouncilCountsAsCoreForItsOwnBorough() {
      CriterionResult result =
          check(
              eligible()
                  .lead(council("Camden Council", CAMDEN, false))
                  .partners(
                      council("Hackney Council", HACKNEY, true),
                      council("Islington Council", ISLINGTON, true)));

      assertThat(result.passed()).isTrue();
    }

    @Test
    void partnerCouncilNotMarkedCoreSupportingFails() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      council("Camden Council", CAMDEN, true),
                      council("Hackney Council", HACKNEY, false),
                      council("Islington Council", ISLINGTON, true)));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "no core supporting local authority for Hackney"
                  + " (Hackney Council is a partner but is not marked core supporting)");
    }

    @Test
    void councilOfAnotherBoroughDoesNotCover() {
      CriterionResult result =
          check(
              eligible()
                  .lead(council("Westminster City Council", WESTMINSTER, true))
                  .partners(
                      council("Camden Council", CAMDEN, true),
                      council("Camden Council for Hackney", CAMDEN, true)));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo("no core supporting local authority for Hackney, Islington");
    }

    @Test
    void coreSupportingAgencyThatIsNotALocalAuthorityDoesNotCount() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      council("Camden Council", CAMDEN, true),
                      council("Hackney Council", HACKNEY, true),
                      new Agency("Islington Police", AgencyType.POLICE, ISLINGTON, true)));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).isEqualTo("no core supporting local authority for Islington");
    }

    @Test
    void councilBoroughCodesAreComparedTrimmedAndIgnoringCase() {
      CriterionResult result =
          check(
              eligible()
                  .partners(
                      council("Camden Council", " e09000007 ", true),
                      council("Hackney Council", "e09000012", true),
                      council("Islington Council", ISLINGTON, true)));

      assertThat(result.passed()).isTrue();
    }

    @Test
    void boroughDecliningFailsASubRegionalBidAndQuotesTheComment() {
      CriterionResult result =
          check(eligible(), new CorePartnerDecline(HACKNEY, " No capacity in 2018/19 "));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "Hackney declined to be a core supporting partner" + " (\"No capacity in 2018/19\")");
    }

    @Test
    void declineWithoutCommentIsNamedWithoutQuotes() {
      CriterionResult result = check(eligible(), new CorePartnerDecline(ISLINGTON, null));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).isEqualTo("Islington declined to be a core supporting partner");
    }

    @Test
    void missingCouncilsAndDeclinesAreReportedTogether() {
      CriterionResult result =
          check(
              eligible().partners(council("Camden Council", CAMDEN, true)),
              new CorePartnerDecline(CAMDEN, "not agreed by cabinet"),
              new CorePartnerDecline(null, "wrong scope"));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "no core supporting local authority for Hackney,"
                  + " Islington; the Leaders' Committee declined to be a core supporting partner"
                  + " (\"wrong scope\"); Camden declined to be a core supporting partner"
                  + " (\"not agreed by cabinet\")");
    }

    @Test
    void panLondonPassesOnTheLeadersCommitteeSignOff() {
      CriterionResult result =
          check(
              eligible()
                  .scope(Scope.PAN_LONDON)
                  .deliveredIn()
                  .partners(
                      agency("London CRC", AgencyType.PROBATION),
                      agency("NHS England", AgencyType.HEALTH)));

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .contains("pan-London", "single sign-off", "the Leaders' Committee");
    }

    @Test
    void leadersCommitteeDecliningFailsAPanLondonBid() {
      CriterionResult result =
          check(
              eligible().scope(Scope.PAN_LONDON).deliveredIn(),
              new CorePartnerDecline(null, "Duplicates an existing pan-London service"));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "the Leaders' Committee declined to be a core"
                  + " supporting partner (\"Duplicates an existing pan-London service\")");
    }

    @Test
    void boroughDecliningAlsoFailsAPanLondonBid() {
      CriterionResult result =
          check(
              eligible().scope(Scope.PAN_LONDON).deliveredIn(),
              new CorePartnerDecline(WESTMINSTER, ""));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).isEqualTo("Westminster declined to be a core supporting partner");
    }
  }

  @Nested
  class Priority {

    private CriterionResult check(TestBids bid, Collection<String> shortlist) {
      return result(service.screen(bid.build(), shortlist, List.of()), Criterion.PRIORITY);
    }

    @Test
    void themeOnTheShortlistPasses() {
      CriterionResult result = check(eligible().themes("CSE"), List.of("FEMALE_OFFENDING", "CSE"));

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .isEqualTo("the theme CSE is on the round's short list (CSE, FEMALE_OFFENDING)");
    }

    @Test
    void themeOffTheShortlistFails() {
      CriterionResult result =
          check(eligible().themes("GANGS"), List.of("FEMALE_OFFENDING", "CSE"));

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "none of the themes (GANGS) is on the round's short"
                  + " list (CSE, FEMALE_OFFENDING)");
    }

    @Test
    void oneThemeOnTheShortlistIsEnough() {
      CriterionResult result =
          check(eligible().themes("GANGS", "CSE", "YOUTH_OFFENDING", "KNIFE_CRIME"), SHORTLIST);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason())
          .isEqualTo(
              "the themes CSE, YOUTH_OFFENDING are on the round's"
                  + " short list (CSE, FEMALE_OFFENDING, SEXUAL_VIOLENCE, YOUTH_OFFENDING), while GANGS,"
                  + " KNIFE_CRIME are not");
    }

    @Test
    void themesAreComparedTrimmedAndIgnoringCase() {
      CriterionResult result = check(eligible().themes(" female_offending "), SHORTLIST);

      assertThat(result.passed()).isTrue();
    }

    @Test
    void emptyShortlistFailsEveryTheme() {
      CriterionResult empty = check(eligible().themes("CSE"), List.of());
      CriterionResult none = check(eligible().themes("CSE"), null);

      assertThat(empty.passed()).isFalse();
      assertThat(empty.reason())
          .isEqualTo(
              "the round has no short list of priorities yet, so"
                  + " none of the themes (CSE) can be on it");
      assertThat(none).isEqualTo(empty);
    }

    @Test
    void noThemesFail() {
      CriterionResult result = check(eligible().themes(), SHORTLIST);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .startsWith("no priority theme is given;")
          .contains("(CSE, FEMALE_OFFENDING, SEXUAL_VIOLENCE, YOUTH_OFFENDING)");
    }
  }

  @Nested
  class LeadAgency {

    @Test
    void leadWithContactAndStatementPasses() {
      CriterionResult result = check(eligible(), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isTrue();
      assertThat(result.reason()).startsWith("Advance leads, with contact Jo Bloggs");
    }

    @Test
    void blankLeadershipStatementFails() {
      CriterionResult result = check(eligible().leadershipStatement(" \n "), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo("Advance leads but the bid has no leadership" + " statement");
    }

    @Test
    void missingContactNameFails() {
      CriterionResult result =
          check(eligible().contact(null, "jo@advance.example"), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).isEqualTo("Advance leads but the bid has no contact name");
    }

    @Test
    void blankContactEmailFails() {
      CriterionResult result = check(eligible().contact("Jo Bloggs", ""), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason()).isEqualTo("Advance leads but the bid has no contact email");
    }

    @Test
    void everythingMissingIsListed() {
      CriterionResult result =
          check(eligible().contact(" ", null).leadershipStatement(null), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "Advance leads but the bid has no contact name, no"
                  + " contact email and no leadership statement");
    }

    @Test
    void missingLeadFails() {
      CriterionResult result = check(eligible().lead(null), Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo(
              "no lead agency is named; a bid needs one clearly" + " identified lead agency");
    }

    @Test
    void leadWithoutANameFails() {
      CriterionResult result =
          check(
              eligible().lead(agency("  ", AgencyType.VOLUNTARY_SECTOR)).leadershipStatement(""),
              Criterion.LEAD_AGENCY);

      assertThat(result.passed()).isFalse();
      assertThat(result.reason())
          .isEqualTo("the lead agency has no name, and the bid has no" + " leadership statement");
    }
  }
}
