package london.cofund.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.Scope;
import london.cofund.eligibility.Thresholds;
import london.cofund.proposal.RoundProposalRecords.Grant;
import london.cofund.round.Round;
import org.junit.jupiter.api.Test;

/**
 * The 360Giving package without Spring: each field the standard asks for, the choices docs/api.md
 * documents (pan-London as the 32 boroughs, planned dates from the budget's years), and no error
 * against the standard's schemas.
 */
class ThreeSixtyGivingTest {

  static final ThreeSixtyGivingSchema SCHEMA = new ThreeSixtyGivingSchema();
  static final OpenDataProperties IDS =
      new OpenDataProperties("360G-CoFund", "", "Mayor's Office for Policing and Crime");

  // The seed's tranche 1: a round opened in 2017, its services starting in April 2018.
  static final Round ROUND =
      Round.opened(
          "T1-2018",
          "Tranche 1",
          1,
          10_000_000,
          5,
          8,
          2,
          BigDecimal.valueOf(15),
          List.of(),
          new Round.RoundDates(
              OffsetDateTime.parse("2017-07-10T17:00:00+01:00"),
              OffsetDateTime.parse("2017-08-14T17:00:00+01:00"),
              OffsetDateTime.parse("2017-10-02T17:00:00+01:00"),
              OffsetDateTime.parse("2017-12-01T17:00:00Z"),
              OffsetDateTime.parse("2018-04-01T09:00:00+01:00")),
          null,
          "mopac",
          OffsetDateTime.parse("2017-06-29T09:00:00+01:00"),
          "LCPF-2017",
          Thresholds.SEED_DRAFT);

  static final Grant ADVANCE =
      new Grant(
          "T1-2018-001",
          "Women's centres",
          "Integrated support for women in the justice system.",
          "FUNDED",
          Scope.SUB_REGIONAL,
          "Advance",
          2_996_940,
          2_996_940,
          List.of("E09000007", "E09000019", "E09000033"),
          36,
          List.of("2018/19", "2019/20", "2020/21"));

  static final Grant RESCUE =
      new Grant(
          "T1-2018-002",
          "Rescue and Response",
          "County lines: a pan-London response.",
          "SERVICE_STARTED",
          Scope.PAN_LONDON,
          "St Giles Trust",
          1_000_000,
          1_000_000,
          List.of(),
          24,
          List.of("2019/20", "2020/21"));

  @Test
  void aSubRegionalAndAPanLondonGrantValidateAgainstThePackageSchema() {
    JsonNode document =
        new ObjectMapper().valueToTree(ThreeSixtyGiving.of(ROUND, List.of(ADVANCE, RESCUE), IDS));

    List<String> errors = SCHEMA.errors(document);

    System.out.println(
        "360Giving package schema: "
            + document.get("grants").size()
            + " grants validated, "
            + errors.size()
            + " errors");
    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaRefusesAGrantWithoutItsFunderOrWithAnUnknownCurrency() {
    com.fasterxml.jackson.databind.node.ObjectNode document =
        new ObjectMapper().valueToTree(ThreeSixtyGiving.of(ROUND, List.of(ADVANCE), IDS));
    com.fasterxml.jackson.databind.node.ObjectNode grant =
        (com.fasterxml.jackson.databind.node.ObjectNode) document.get("grants").get(0);
    grant.remove("fundingOrganization");
    grant.put("currency", "XYZ");
    grant.put("awardDate", "1 December 2017");

    assertThat(SCHEMA.errors(document))
        .as("the validator reads the schemas, the grant schema through its mapped URL included")
        .anyMatch(e -> e.contains("fundingOrganization"))
        .anyMatch(e -> e.contains("currency"))
        .anyMatch(e -> e.contains("awardDate"));
  }

  @Test
  void aGrantCarriesTheStandardsRequiredFields() {
    JsonNode grant = new ObjectMapper().valueToTree(ThreeSixtyGiving.grant(ROUND, ADVANCE, IDS));

    assertThat(grant.get("id").asText()).isEqualTo("360G-CoFund-T1-2018-001");
    assertThat(grant.get("currency").asText()).isEqualTo("GBP");
    assertThat(grant.get("amountAwarded").asLong()).isEqualTo(2_996_940);
    // Not announced in this test: the award date falls back to the decision date.
    assertThat(grant.get("awardDate").asText()).isEqualTo("2017-12-01");
    assertThat(grant.at("/recipientOrganization/0/id").asText())
        .isEqualTo("360G-CoFund-ORG-advance");
    assertThat(grant.at("/recipientOrganization/0/name").asText()).isEqualTo("Advance");
    assertThat(grant.at("/fundingOrganization/0/id").asText()).isEqualTo("360G-CoFund-ORG-MOPAC");
    assertThat(grant.at("/plannedDates/0/startDate").asText()).isEqualTo("2018-04-01");
    assertThat(grant.at("/plannedDates/0/endDate").asText()).isEqualTo("2021-03-31");
    assertThat(grant.at("/plannedDates/0/duration").asInt()).isEqualTo(36);
    assertThat(grant.get("beneficiaryLocation").findValuesAsText("geoCode"))
        .containsExactly("E09000007", "E09000019", "E09000033");
    assertThat(grant.get("beneficiaryLocation").findValuesAsText("geoCodeType"))
        .containsOnly("LONB");
    assertThat(grant.at("/grantProgramme/0/code").asText()).isEqualTo("T1-2018");
  }

  @Test
  void aPanLondonGrantBenefitsThe32BoroughsAndStartsWithItsFirstBudgetYear() {
    JsonNode grant = new ObjectMapper().valueToTree(ThreeSixtyGiving.grant(ROUND, RESCUE, IDS));

    assertThat(grant.get("beneficiaryLocation").findValuesAsText("geoCode"))
        .hasSize(32)
        .containsExactlyElementsOf(LondonBorough.allCodes())
        .doesNotContain(LondonBorough.CITY_OF_LONDON);
    assertThat(grant.at("/plannedDates/0/startDate").asText()).isEqualTo("2019-04-01");
    assertThat(grant.at("/plannedDates/0/endDate").asText()).isEqualTo("2021-03-31");
    assertThat(grant.at("/recipientOrganization/0/id").asText())
        .isEqualTo("360G-CoFund-ORG-st_giles_trust");
  }

  @Test
  void aConfiguredFunderIdentifierIsUsedAsGiven() {
    OpenDataProperties registered =
        new OpenDataProperties(
            "360G-MOPAC", "GB-EXAMPLE-123", "Mayor's Office for Policing and Crime");
    JsonNode grant =
        new ObjectMapper().valueToTree(ThreeSixtyGiving.grant(ROUND, ADVANCE, registered));

    assertThat(grant.get("id").asText()).isEqualTo("360G-MOPAC-T1-2018-001");
    assertThat(grant.at("/fundingOrganization/0/id").asText()).isEqualTo("GB-EXAMPLE-123");
  }
}
