package london.cofund.opendata;

import static london.cofund.proposal.process.ProposalProcess.TASK_AGREE_MODERATED_SCORE;
import static london.cofund.proposal.process.ProposalProcess.VAR_MODERATED_TOTAL;
import static london.cofund.proposal.process.ProposalProcess.VAR_MODERATION_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundService;
import london.cofund.round.RoundStage;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A round's open data over HTTP, on one round taken through the real processes to its announcement:
 * a proposal funded after moderation, one deferred, one whose EOI MOPAC rejected (its title a
 * formula with commas and quotes), and one that failed screening and lapsed.
 */
@CoFundSpringTest
class OpenDataApiTest {

  /** What the round holds, built once for the class (the Spring tests share one database). */
  record Scenario(String roundId, String funded, String deferred, String rejected, String lapsed) {}

  static final String FORMULA_TITLE = "=HYPERLINK(\"http://x.example\",\"Click\"), a title";

  private static Scenario scenario;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;

  HttpApi http;

  @BeforeEach
  void client() {
    http = new HttpApi(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- the CSV

  @Test
  void csvHeaderIsTheOneDocumentedInApiMd() throws IOException {
    Scenario round = announcedRound();
    Response csv = csv(round.roundId(), "mopac");

    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + round.roundId() + "-proposals.csv\"");
    String header = csv.body().substring(0, csv.body().indexOf("\r\n"));
    assertThat(header).isEqualTo(documentedHeader());
  }

  @Test
  void csvHasOneRowPerProposalWithCriteriaScoresOutcomeAndAmount() {
    Scenario round = announcedRound();
    Map<String, Map<String, String>> rows = rows(csv(round.roundId(), "mopac").body());

    assertThat(rows)
        .containsOnlyKeys(round.funded(), round.deferred(), round.rejected(), round.lapsed());

    Map<String, String> funded = rows.get(round.funded());
    assertThat(funded)
        .containsEntry("status", "FUNDED")
        .containsEntry("scope", "SUB_REGIONAL")
        .containsEntry("leadAgency", "Advance")
        .containsEntry("deliveryBoroughs", "E09000007;E09000019;E09000033")
        .containsEntry("requestedAmount", "1200000")
        .containsEntry("eligible", "true")
        .containsEntry("eoiOutcome", "ACCEPT")
        .containsEntry("assessor1Total", "25")
        .containsEntry("assessor2Total", "19")
        .containsEntry("totalScore", "22.00")
        .containsEntry("moderatedScore", "21.50")
        .containsEntry("fundingOutcome", "FUNDED")
        .containsEntry("awardedAmount", "1200000");
    for (String criterion :
        List.of(
            "LONDON",
            "BOROUGH_COVERAGE",
            "PARTNERSHIP",
            "LA_CORE_PARTNERS",
            "PRIORITY",
            "LEAD_AGENCY")) {
      assertThat(funded).containsEntry(criterion, "pass");
    }

    assertThat(rows.get(round.deferred()))
        .containsEntry("assessor1Total", "18")
        .containsEntry("assessor2Total", "17")
        .containsEntry("totalScore", "17.50")
        .containsEntry("moderatedScore", "")
        .containsEntry("fundingOutcome", "DEFERRED")
        .containsEntry("awardedAmount", "");

    assertThat(rows.get(round.rejected()))
        .containsEntry("status", "EOI_REJECTED")
        .containsEntry("eoiOutcome", "REJECT")
        .containsEntry("assessor1Total", "")
        .containsEntry("totalScore", "")
        .containsEntry("fundingOutcome", "");

    assertThat(rows.get(round.lapsed()))
        .containsEntry("status", ProposalStatus.LAPSED.name())
        .containsEntry("eligible", "false")
        .containsEntry("LONDON", "pass")
        .containsEntry("BOROUGH_COVERAGE", "fail")
        .containsEntry("eoiOutcome", "");
  }

  @Test
  void csvDefusesAFormulaAndQuotesCommasAndQuotes() {
    Scenario round = announcedRound();
    String body = csv(round.roundId(), "mopac").body();

    String line =
        Arrays.stream(body.split("\r\n"))
            .filter(l -> l.startsWith(round.rejected() + ","))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .startsWith(
            round.rejected()
                + ",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Click\"\"), a title\",EOI_REJECTED,");
    assertThat(rows(body).get(round.rejected())).containsEntry("title", "'" + FORMULA_TITLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mopac", "wg", "leaders", "admin"})
  void theFundsRolesDownloadTheCsv(String user) {
    Response csv = csv(announcedRound().roundId(), user);

    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body()).startsWith("reference,title,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"applicant1", "assessor1", "westminster"})
  void othersAreRefusedTheCsvWithAProblem(String user) {
    String roundId = announcedRound().roundId();
    for (String accept : List.of("text/csv", "application/json", "*/*")) {
      Response refused =
          http.send(
              http.request("/api/rounds/" + roundId + "/export.csv", user)
                  .setHeader("Accept", accept));

      assertThat(refused.status()).as(accept + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("detail").asText()).contains("360giving.json");
    }
  }

  @Test
  void anUnknownRoundIsNotFoundForBothExports() {
    for (String path :
        List.of(
            "/api/rounds/NO-SUCH-ROUND/export.csv", "/api/rounds/NO-SUCH-ROUND/360giving.json")) {
      Response missing = http.send(http.request(path, "mopac").setHeader("Accept", "text/csv"));

      assertThat(missing.status()).as(path + ": " + missing.body()).isEqualTo(404);
      assertThat(missing.contentType()).startsWith("application/problem+json");
    }
    assertThat(csv("NO-SUCH-ROUND", "applicant1").status()).isEqualTo(404);
  }

  @Test
  void anonymousCallersAreAskedToSignInForBothExports() {
    String roundId = announcedRound().roundId();
    for (String export : List.of("/export.csv", "/360giving.json")) {
      Response anonymous = http.get("/api/rounds/" + roundId + export, null);

      assertThat(anonymous.status()).as(export).isEqualTo(401);
      assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }
  }

  // ---- 360Giving

  @Test
  void threeSixtyGivingValidatesAgainstThePackageSchemaAndHoldsOnlyTheFundedGrant() {
    Scenario round = announcedRound();
    Response response =
        http.get("/api/rounds/" + round.roundId() + "/360giving.json", "applicant2");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode document = response.json();

    List<String> errors = new ThreeSixtyGivingSchema().errors(document);
    System.out.println(
        "360Giving export of "
            + round.roundId()
            + ": "
            + document.get("grants").size()
            + " grants validated against the package schema, "
            + errors.size()
            + " errors");
    assertThat(errors).isEmpty();

    assertThat(document.get("grants")).hasSize(1);
    JsonNode grant = document.get("grants").get(0);
    assertThat(grant.get("id").asText()).isEqualTo("360G-CoFund-" + round.funded());
    assertThat(grant.get("title").asText()).isEqualTo("Women's centres");
    assertThat(grant.get("currency").asText()).isEqualTo("GBP");
    assertThat(grant.get("amountAwarded").asLong()).isEqualTo(1_200_000);
    assertThat(grant.get("awardDate").asText())
        .isEqualTo(
            rounds
                .get(round.roundId())
                .announcedAt()
                .atZoneSameInstant(london.cofund.system.EngineClock.LONDON)
                .toLocalDate()
                .toString());
    assertThat(grant.at("/recipientOrganization/0/name").asText()).isEqualTo("Advance");
    assertThat(grant.at("/fundingOrganization/0/name").asText())
        .isEqualTo("Mayor's Office for Policing and Crime");
    assertThat(grant.get("beneficiaryLocation").findValuesAsText("geoCode"))
        .containsExactly("E09000007", "E09000019", "E09000033");
    assertThat(grant.get("beneficiaryLocation").findValuesAsText("geoCodeType"))
        .containsOnly("LONB");
    assertThat(grant.at("/plannedDates/0/duration").asInt()).isEqualTo(36);
    assertThat(grant.at("/grantProgramme/0/code").asText()).isEqualTo(round.roundId());
  }

  @Test
  void threeSixtyGivingWaitsForTheAnnouncement() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    String roundId =
        fund.openRound(Fixtures.round(Fixtures.newRoundId("OPEN"), Fixtures.NOW, 2_000_000L));

    Response early = http.get("/api/rounds/" + roundId + "/360giving.json", "mopac");

    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");
    assertThat(early.json().get("detail").asText()).contains("has not announced its awards yet");
  }

  // ---- the round, through the real processes

  /**
   * Opens a round, takes four bids through it as the roles would and announces the awards: once for
   * the class.
   */
  private Scenario announcedRound() {
    if (scenario != null) {
      return scenario;
    }
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    // A pot of £2,000,000 holds one of the two £1,200,000 bids: the panel may fund one.
    String roundId =
        fund.openRound(Fixtures.round(Fixtures.newRoundId("OPEN"), Fixtures.NOW, 2_000_000L));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));

    String funded =
        fund.toAssessment(
            roundId, Fixtures.eligibleEoi("Women's centres", FundDriver.CONTACT), "applicant1");
    String deferred =
        fund.toAssessment(
            roundId,
            Fixtures.ledBy(
                Fixtures.eligibleEoi("Girls at risk", "lead@one.example.org"),
                "One Housing",
                "lead@one.example.org"),
            "applicant2");
    EoiForm formula = Fixtures.eligibleEoi(FORMULA_TITLE, "lead@formula.example.org");
    String rejected = fund.submit(roundId, formula, "applicant1");
    fund.confirmEveryBorough(rejected);
    fund.feedback(rejected, "REJECT", "Does not meet the brief.");
    String lapsed =
        fund.submit(
            roundId, Fixtures.twoBoroughEoi("Two boroughs only", FundDriver.CONTACT), "applicant2");

    // Scores 5 and 3 on one criterion: moderation, agreed by MOPAC at 21.5.
    fund.assess(funded, "assessor1", 5, 5, 5, 5, 5);
    fund.assess(funded, "assessor2", 3, 4, 4, 4, 4);
    fund.complete(
        fund.task(funded, TASK_AGREE_MODERATED_SCORE),
        VAR_MODERATED_TOTAL,
        21.5,
        VAR_MODERATION_NOTE,
        "Need is strong; fit overstated.");
    fund.assess(deferred, "assessor1", 4, 3, 4, 3, 4);
    fund.assess(deferred, "assessor2", 3, 4, 3, 4, 3);

    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING),
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        funded,
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        deferred,
        FundingRoundProcess.VAR_DECISION_RATIONALE,
        "The panel funds the stronger bid and carries the other forward to tranche 2.");
    fund.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        FundingRoundProcess.VAR_AWARDS_APPROVED,
        true);
    fund.recordDecisionOfRecord(roundId, "PCD 310");
    assertThat(rounds.get(roundId).stage()).isEqualTo(RoundStage.ANNOUNCED);
    assertThat(proposals.get(lapsed).status()).isEqualTo(ProposalStatus.LAPSED);
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    scenario = new Scenario(roundId, funded, deferred, rejected, lapsed);
    return scenario;
  }

  // ---- helpers

  private Response csv(String roundId, String user) {
    return http.send(
        http.request("/api/rounds/" + roundId + "/export.csv", user)
            .setHeader("Accept", "text/csv"));
  }

  /** The header row that docs/api.md documents, in the code block after the endpoint's heading. */
  private static String documentedHeader() throws IOException {
    String doc = Files.readString(Path.of("docs/api.md"));
    int section = doc.indexOf("### `GET /api/rounds/{roundId}/export.csv`");
    assertThat(section).as("docs/api.md documents export.csv").isPositive();
    int start = doc.indexOf("```\n", section) + 4;
    return doc.substring(start, doc.indexOf("\n```", start));
  }

  /** The rows by reference, each cell by its column, read back as RFC 4180 says. */
  static Map<String, Map<String, String>> rows(String csv) {
    List<List<String>> lines = parse(csv);
    List<String> header = lines.get(0);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      assertThat(line).as("cells of " + line).hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), line.get(i));
      }
      rows.put(row.get("reference"), row);
    }
    return rows;
  }

  private static List<List<String>> parse(String csv) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        lines.add(cells);
        cells = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(cells).as("the file ends with CRLF").isEmpty();
    return lines;
  }
}
