package london.cofund.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import london.cofund.eligibility.AgencyType;
import london.cofund.eligibility.Scope;
import london.cofund.eligibility.Thresholds;
import london.cofund.fixtures.Fixtures;
import london.cofund.proposal.BidForm.LeadAgencyForm;
import london.cofund.proposal.BidForm.PartnerForm;
import london.cofund.proposal.FullProposalForm.BudgetLine;
import london.cofund.round.Priority;
import london.cofund.round.Round;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Whether an EOI or a full proposal is well formed, before screening: every bad field named at
 * once, with what is wrong in words an applicant can act on. Plain Bean Validation, no Spring.
 */
class BidFormChecksTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final BidFormChecks CHECKS =
      new BidFormChecks(VALIDATION.getValidator(), fundId -> java.util.Optional.empty());

  /** A round whose long list has two priorities. */
  private static final Round ROUND = round("T1-2018", "CSE", "GANGS");

  private static final EoiForm VALID =
      Fixtures.eoi(
          "Safe from exploitation",
          "abi@advance.example.org",
          List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON),
          900_000L,
          List.of("CSE"));

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void aWellFormedEoiAndFullProposalPass() {
    assertThatCode(() -> CHECKS.check(VALID, ROUND)).doesNotThrowAnyException();
    assertThatCode(() -> CHECKS.check(Fixtures.fullProposal(VALID), ROUND))
        .doesNotThrowAnyException();
  }

  @Test
  void bidsFieldLimitsAreNamedByTheirJsonPath() {
    EoiForm bad =
        eoi(
            VALID.scope(),
            Arrays.asList(Fixtures.WESTMINSTER, ""),
            new LeadAgencyForm("Advance", AgencyType.VOLUNTARY_SECTOR, "Abi", "not-an-email", null),
            VALID.partners(),
            VALID.priorityThemes(),
            false,
            null);

    assertThat(problems(bad))
        .extracting(FieldProblem::field)
        .containsExactly("deliveryBoroughs[1]", "leadAgency.contactEmail");
    assertThat(problems(bad))
        .extracting(FieldProblem::message)
        .contains("must be an email address such as name@example.org");
  }

  @Test
  void aSubRegionalBidNamesItsBoroughsAndAPanLondonOneNeedNot() {
    assertThat(problems(withBoroughs(Scope.SUB_REGIONAL, null)))
        .containsExactly(
            new FieldProblem(
                "deliveryBoroughs",
                "is required for a SUB_REGIONAL proposal: the GSS codes of the boroughs it is delivered in"));
    assertThat(problems(withBoroughs(Scope.SUB_REGIONAL, List.of())))
        .extracting(FieldProblem::field)
        .containsExactly("deliveryBoroughs");
    assertThatCode(() -> CHECKS.check(withBoroughs(Scope.PAN_LONDON, null), ROUND))
        .doesNotThrowAnyException();
  }

  @Test
  void everyBoroughCodeIsOneOfThe32BoroughsInAnyCase() {
    assertThatCode(
            () ->
                CHECKS.check(
                    withBoroughs(Scope.SUB_REGIONAL, List.of(" e09000033 ", "E09000007")), ROUND))
        .doesNotThrowAnyException();
    assertThat(problems(withBoroughs(Scope.SUB_REGIONAL, List.of("E09000033", "E09000099"))))
        .containsExactly(
            new FieldProblem(
                "deliveryBoroughs[1]",
                "'E09000099' is not the GSS code of a London borough (E09000002 to E09000033)"));
  }

  @Test
  void theCityOfLondonIsNotOneOfTheFundsBoroughs() {
    assertThat(problems(withBoroughs(Scope.SUB_REGIONAL, List.of("E09000001"))))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("deliveryBoroughs[0]");
              assertThat(problem.message()).startsWith("E09000001 is the City of London");
            });
  }

  @Test
  void aBidBasedOutsideLondonSaysWhere() {
    assertThat(problems(outside(true, null)))
        .containsExactly(
            new FieldProblem(
                "outsideLondonLocation",
                "is required when basedOutsideLondon is true (for example HMP Bronzefield)"));
    assertThat(problems(outside(true, "  "))).extracting(FieldProblem::field).hasSize(1);
    assertThatCode(() -> CHECKS.check(outside(true, "HMP Bronzefield"), ROUND))
        .doesNotThrowAnyException();
    assertThatCode(() -> CHECKS.check(outside(null, null), ROUND)).doesNotThrowAnyException();
  }

  @Test
  void theLeadAgencysBoroughMustBeABorough() {
    EoiForm bad =
        withLead(new LeadAgencyForm("Camden", AgencyType.LOCAL_AUTHORITY, "A", null, "X1"));

    assertThat(problems(bad))
        .extracting(FieldProblem::field)
        .containsExactly("leadAgency.boroughCode");
    assertThatCode(
            () ->
                CHECKS.check(
                    withLead(
                        new LeadAgencyForm(
                            "Camden", AgencyType.LOCAL_AUTHORITY, "A", null, Fixtures.CAMDEN)),
                    ROUND))
        .doesNotThrowAnyException();
  }

  @Test
  void aCouncilPartnerNamesItsBoroughAndEveryPartnersBoroughIsABorough() {
    List<PartnerForm> partners = new ArrayList<>();
    partners.add(new PartnerForm("Camden Council", AgencyType.LOCAL_AUTHORITY, true, null));
    partners.add(null);
    partners.add(new PartnerForm("A charity", AgencyType.VOLUNTARY_SECTOR, false, null));
    partners.add(new PartnerForm("Police", AgencyType.POLICE, false, "nowhere"));

    List<FieldProblem> problems = problems(withPartners(partners));

    assertThat(problems)
        .contains(
            new FieldProblem(
                "partners[0].boroughCode",
                "is required for a LOCAL_AUTHORITY partner: the GSS code of its borough"))
        .extracting(FieldProblem::field)
        .contains("partners[3].boroughCode")
        .doesNotContain("partners[2].boroughCode");
  }

  @Test
  void everyThemeIsOnTheRoundsLongList() {
    assertThat(problems(withThemes(Arrays.asList("CSE", " GANGS ", "FRAUD"))))
        .containsExactly(
            new FieldProblem(
                "priorityThemes[2]", "'FRAUD' is not a priority of round T1-2018 (CSE, GANGS)"));
  }

  @Test
  void aBudgetFallsInTheFundsYearsFromTheServicesStart() {
    // LCPF-2017 runs 2017/18 to 2020/21; services starting in April 2018 may use 2018/19 on.
    BidFormChecks checks =
        new BidFormChecks(
            VALIDATION.getValidator(),
            fundId -> java.util.Optional.of(List.of("2017/18", "2018/19", "2019/20", "2020/21")));
    Round round =
        withServiceStart(
            round("T1-2018", "CSE", "GANGS"),
            java.time.OffsetDateTime.parse("2018-04-02T09:00:00+01:00"));
    FullProposalForm outside =
        full(
            List.of(
                new BudgetLine("2017/18", 100L),
                new BudgetLine("2019/20", 100L),
                new BudgetLine("2021/22", 100L)),
            300L);
    assertThatThrownBy(() -> checks.check(outside, round))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem(
                            "budget[0].financialYear",
                            "2017/18 is outside the fund's years from the services' start:"
                                + " 2018/19, 2019/20, 2020/21"),
                        new FieldProblem(
                            "budget[2].financialYear",
                            "2021/22 is outside the fund's years from the services' start:"
                                + " 2018/19, 2019/20, 2020/21")));
    assertThatCode(
            () ->
                checks.check(
                    full(
                        List.of(new BudgetLine("2018/19", 100L), new BudgetLine("2020/21", 200L)),
                        300L),
                    round))
        .doesNotThrowAnyException();
  }

  @Test
  void aBudgetListsEachYearOnceAndTheRequestedAmountIsItsSum() {
    FullProposalForm twice =
        full(List.of(new BudgetLine("2018/19", 100L), new BudgetLine("2018/19", 200L)), 300L);
    assertThat(problems(twice))
        .containsExactly(new FieldProblem("budget[1].financialYear", "2018/19 is listed twice"));

    FullProposalForm wrongSum =
        full(List.of(new BudgetLine("2018/19", 100L), new BudgetLine("2019/20", 200L)), 301L);
    assertThat(problems(wrongSum))
        .containsExactly(
            new FieldProblem(
                "requestedAmount", "must equal the sum of the budget (300), or be left out"));

    assertThatCode(
            () ->
                CHECKS.check(
                    full(
                        List.of(new BudgetLine("2018/19", 100L), new BudgetLine("2019/20", 200L)),
                        300L),
                    ROUND))
        .doesNotThrowAnyException();
  }

  @Test
  void anIncompleteBudgetIsLeftToItsFieldChecks() {
    // A line without an amount is a field problem of its own; the sum is not checked on top.
    FullProposalForm incomplete =
        full(List.of(new BudgetLine("2018/19", null), new BudgetLine("2018/19", 5L)), 99L);

    assertThat(problems(incomplete))
        .extracting(FieldProblem::field)
        .containsExactly("budget[0].amount");
  }

  @Test
  void everyProblemIsNamedAtOnceSortedByField() {
    EoiForm bad =
        eoi(
            Scope.SUB_REGIONAL,
            List.of("E09000099"),
            VALID.leadAgency(),
            VALID.partners(),
            List.of("FRAUD"),
            true,
            null);

    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> CHECKS.check(bad, ROUND));
    assertThat(refused.problems())
        .extracting(FieldProblem::field)
        .containsExactly("deliveryBoroughs[0]", "outsideLondonLocation", "priorityThemes[0]");
  }

  private static List<FieldProblem> problems(BidForm form) {
    InvalidRequestException refused =
        catchThrowableOfType(InvalidRequestException.class, () -> CHECKS.check(form, ROUND));
    assertThat(refused).as("refused").isNotNull();
    return refused.problems();
  }

  private static EoiForm withBoroughs(Scope scope, List<String> boroughs) {
    return eoi(
        scope, boroughs, VALID.leadAgency(), VALID.partners(), VALID.priorityThemes(), false, null);
  }

  private static EoiForm outside(Boolean based, String location) {
    return eoi(
        VALID.scope(),
        VALID.deliveryBoroughs(),
        VALID.leadAgency(),
        VALID.partners(),
        VALID.priorityThemes(),
        based,
        location);
  }

  private static EoiForm withLead(LeadAgencyForm lead) {
    return eoi(
        VALID.scope(),
        VALID.deliveryBoroughs(),
        lead,
        VALID.partners(),
        VALID.priorityThemes(),
        false,
        null);
  }

  private static EoiForm withPartners(List<PartnerForm> partners) {
    return eoi(
        VALID.scope(),
        VALID.deliveryBoroughs(),
        VALID.leadAgency(),
        partners,
        VALID.priorityThemes(),
        false,
        null);
  }

  private static EoiForm withThemes(List<String> themes) {
    return eoi(
        VALID.scope(),
        VALID.deliveryBoroughs(),
        VALID.leadAgency(),
        VALID.partners(),
        themes,
        false,
        null);
  }

  private static EoiForm eoi(
      Scope scope,
      List<String> boroughs,
      LeadAgencyForm lead,
      List<PartnerForm> partners,
      List<String> themes,
      Boolean basedOutsideLondon,
      String outsideLondonLocation) {
    return new EoiForm(
        VALID.title(),
        VALID.summary(),
        scope,
        boroughs,
        basedOutsideLondon,
        outsideLondonLocation,
        VALID.benefitsLondonersOnly(),
        lead,
        partners,
        themes,
        VALID.requestedAmount(),
        VALID.durationMonths(),
        VALID.leadershipStatement());
  }

  private static FullProposalForm full(List<BudgetLine> budget, Long requestedAmount) {
    FullProposalForm base = Fixtures.fullProposal(VALID);
    return new FullProposalForm(
        base.title(),
        base.summary(),
        base.scope(),
        base.deliveryBoroughs(),
        base.basedOutsideLondon(),
        base.outsideLondonLocation(),
        base.benefitsLondonersOnly(),
        base.leadAgency(),
        base.partners(),
        base.priorityThemes(),
        requestedAmount,
        base.durationMonths(),
        base.leadershipStatement(),
        budget,
        base.outcomes(),
        base.deliveryPlan(),
        base.risks());
  }

  /** The round drawing on LCPF-2017, its services starting at {@code start}. */
  private static Round withServiceStart(Round round, java.time.OffsetDateTime start) {
    return new Round(
        round.roundId(),
        round.name(),
        round.tranche(),
        round.potAmount(),
        round.minProjects(),
        round.maxProjects(),
        round.assessorsPerProposal(),
        round.fundableThreshold(),
        round.priorityLongList(),
        round.shortlist(),
        new Round.RoundDates(start, start, start, start, start),
        round.stage(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        "LCPF-2017",
        Thresholds.SEED_DRAFT);
  }

  /** Only the round's id and long list matter to the checks. */
  private static Round round(String roundId, String... priorities) {
    List<Priority> longList =
        Arrays.stream(priorities).map(code -> new Priority(code, code)).toList();
    return new Round(
        roundId,
        "Tranche 1",
        1,
        1_000_000L,
        1,
        3,
        2,
        BigDecimal.TEN,
        longList,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        Thresholds.SEED_DRAFT);
  }
}
