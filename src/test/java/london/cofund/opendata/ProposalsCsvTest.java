package london.cofund.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import london.cofund.eligibility.Criterion;
import london.cofund.eligibility.CriterionResult;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.RoundProposalRecords.Outcome;
import london.cofund.round.FundingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV's cells: escaped as RFC 4180 asks, and never read as a formula by a spreadsheet. */
class ProposalsCsvTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+44 20 7983 4000", "-2", "@SUM(A1)", "\tTab", "\rReturn"})
  void aCellThatAFormulaWouldStartGetsAnApostrophe(String value) {
    assertThat(ProposalsCsv.cell(value)).contains("'" + value.substring(0, 1));
    assertThat(ProposalsCsv.cell(value).replace("\"", "")).startsWith("'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Plain title|Plain title",
        "Women, girls|\"Women, girls\"",
        "The \"best\" bid|\"The \"\"best\"\" bid\"",
        "=HYPERLINK(\"http://x.example\",\"Click\")|\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Click\"\")\""
      })
  void commasAndQuotesAreQuotedAndQuotesDoubled(String value, String cell) {
    assertThat(ProposalsCsv.cell(value)).isEqualTo(cell);
  }

  @Test
  void lineBreaksStayInsideTheirQuotedCell() {
    assertThat(ProposalsCsv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    assertThat(ProposalsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ProposalsCsv.cell("\r\nfirst")).isEqualTo("\"'\r\nfirst\"");
    assertThat(ProposalsCsv.cell("")).isEmpty();
    assertThat(ProposalsCsv.cell(null)).isEmpty();
  }

  @Test
  void aRowHasEveryCriterionEachAssessorAndTheOutcome() {
    Outcome funded =
        new Outcome(
            "T1-001",
            "Women's centres",
            "FUNDED",
            Scope.SUB_REGIONAL,
            "Advance",
            1_200_000,
            List.of("E09000007", "E09000033"),
            true,
            List.of(
                new CriterionResult(Criterion.LONDON, true, "ok"),
                new CriterionResult(Criterion.BOROUGH_COVERAGE, false, "two boroughs")),
            "ACCEPT",
            new BigDecimal("22.00"),
            new BigDecimal("21.50"),
            FundingOutcome.FUNDED,
            1_200_000L);

    String csv = ProposalsCsv.write(List.of(funded), Map.of("T1-001", List.of(25)), 2);

    assertThat(csv)
        .isEqualTo(
            String.join(",", ProposalsCsv.header(2))
                + "\r\n"
                + "T1-001,Women's centres,FUNDED,SUB_REGIONAL,Advance,E09000007;E09000033,1200000,"
                + "true,pass,fail,,,,,ACCEPT,25,,22.00,21.50,FUNDED,1200000\r\n");
  }
}
