package london.cofund.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import london.cofund.eligibility.Criterion;
import london.cofund.eligibility.CriterionResult;
import london.cofund.proposal.RoundProposalRecords.Outcome;

/**
 * {@code GET /api/rounds/{roundId}/export.csv}: one row per proposal of a round (RFC 4180: comma
 * separated, CRLF line ends, UTF-8). docs/api.md documents the header row; a test holds the two
 * together.
 *
 * <p>Text comes from applicants, so every cell is made safe twice: a cell that a spreadsheet would
 * read as a formula (one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return) gets a leading apostrophe, which spreadsheets show as text; then a cell holding
 * a comma, a double quote, a CR or an LF is quoted, its quotes doubled. No number the export writes
 * is negative, so the apostrophe never touches a figure.
 */
public final class ProposalsCsv {

  /** The columns before the criteria. */
  static final List<String> LEADING =
      List.of(
          "reference",
          "title",
          "status",
          "scope",
          "leadAgency",
          "deliveryBoroughs",
          "requestedAmount",
          "eligible");

  /** The columns after the assessors' totals. */
  static final List<String> TRAILING =
      List.of("totalScore", "moderatedScore", "fundingOutcome", "awardedAmount");

  static final String PASS = "pass";
  static final String FAIL = "fail";
  private static final String CRLF = "\r\n";

  private ProposalsCsv() {}

  /**
   * The header row's columns: {@link #LEADING}, the six criteria by code, {@code eoiOutcome}, one
   * {@code assessorNTotal} per assessor, then {@link #TRAILING}.
   */
  public static List<String> header(int assessors) {
    List<String> columns = new ArrayList<>(LEADING);
    for (Criterion criterion : Criterion.values()) {
      columns.add(criterion.name());
    }
    columns.add("eoiOutcome");
    for (int i = 1; i <= assessors; i++) {
      columns.add("assessor" + i + "Total");
    }
    columns.addAll(TRAILING);
    return columns;
  }

  /**
   * The whole file.
   *
   * @param assessors how many assessor columns: the round's assessors per proposal, or more if a
   *     proposal has more scored assessments
   * @param totals each proposal's assessors' totals, in slot order
   */
  public static String write(
      List<Outcome> proposals, Map<String, List<Integer>> totals, int assessors) {
    StringBuilder csv = new StringBuilder(256 * (proposals.size() + 1));
    line(csv, header(assessors));
    for (Outcome p : proposals) {
      line(csv, row(p, totals.getOrDefault(p.reference(), List.of()), assessors));
    }
    return csv.toString();
  }

  static List<String> row(Outcome p, List<Integer> assessorTotals, int assessors) {
    List<String> cells = new ArrayList<>();
    cells.add(p.reference());
    cells.add(p.title());
    cells.add(p.status());
    cells.add(p.scope().name());
    cells.add(p.leadAgencyName());
    cells.add(String.join(";", p.deliveryBoroughs()));
    cells.add(Long.toString(p.requestedAmount()));
    cells.add(p.eligible() == null ? "" : p.eligible().toString());
    for (Criterion criterion : Criterion.values()) {
      cells.add(
          p.criteria().stream()
              .filter(result -> result.code() == criterion)
              .findFirst()
              .map(CriterionResult::passed)
              .map(passed -> passed ? PASS : FAIL)
              .orElse(""));
    }
    cells.add(p.eoiOutcome() == null ? "" : p.eoiOutcome());
    for (int i = 0; i < assessors; i++) {
      cells.add(i < assessorTotals.size() ? assessorTotals.get(i).toString() : "");
    }
    cells.add(score(p.totalScore()));
    cells.add(score(p.moderatedTotal()));
    cells.add(p.fundingOutcome() == null ? "" : p.fundingOutcome().name());
    cells.add(p.awardedAmount() == null ? "" : p.awardedAmount().toString());
    return cells;
  }

  private static String score(BigDecimal score) {
    return score == null ? "" : score.toPlainString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append(CRLF);
  }

  /** One cell, safe from formula injection and escaped for CSV. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = startsFormula(value) ? "'" + value : value;
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\r') >= 0
        || text.indexOf('\n') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** Whether a spreadsheet would take the cell for a formula (OWASP's list of first characters). */
  static boolean startsFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
