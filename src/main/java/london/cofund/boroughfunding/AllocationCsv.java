package london.cofund.boroughfunding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import london.cofund.borough.LondonBorough;
import london.cofund.fund.FinancialYear;
import london.cofund.fund.FundRequest;
import london.cofund.system.FieldProblem;
import london.cofund.system.Formats;
import london.cofund.system.InvalidRequestException;

/**
 * Reads MOPAC's upload of direct borough allocations: the header {@code
 * gssCode,financialYear,amount}, then one row per borough and year. The file is checked whole: any
 * bad row refuses all of it, with a problem per bad field named {@code line 7: amount} (lines
 * counted from 1, the header being line 1).
 */
final class AllocationCsv {

  static final String HEADER = "gssCode,financialYear,amount";

  /** The most a borough's allocation may be in one year. */

  /** A refusal names at most this many problems, so that a wrong file gets a readable answer. */
  static final int MAX_PROBLEMS = 100;

  private static final Pattern WHOLE = Pattern.compile("\\d{1,15}");

  /** One row of the upload. */
  record Row(int line, String gssCode, String financialYear, long amount) {}

  private AllocationCsv() {}

  /**
   * The rows of the file, each checked against the fund's years.
   *
   * @throws InvalidRequestException naming each bad line and field
   */
  static List<Row> read(String text, List<String> fundYears) {
    List<FieldProblem> problems = new ArrayList<>();
    String body = text == null ? "" : text;
    if (body.startsWith("\uFEFF")) {
      body = body.substring(1); // a byte order mark, as spreadsheets write
    }
    List<String> lines = new ArrayList<>(List.of(body.split("\r\n|\r|\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new InvalidRequestException(
          "body",
          "is empty: send the header "
              + HEADER
              + " and then one row per borough and year, such as E09000033,2018/19,473766");
    }
    if (!lines.get(0).strip().equals(HEADER)) {
      throw new InvalidRequestException(
          "line 1: header",
          "must be exactly " + HEADER + " (found '" + abbreviate(lines.get(0)) + "')");
    }
    if (lines.size() == 1) {
      throw new InvalidRequestException(
          "body", "has a header but no rows: add one row per borough and year");
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      int line = i + 1;
      Row row = row(line, lines.get(i), fundYears, problems);
      if (row != null) {
        Integer first = seen.putIfAbsent(row.gssCode() + " " + row.financialYear(), line);
        if (first != null) {
          problems.add(
              new FieldProblem(
                  "line " + line + ": gssCode",
                  "repeats "
                      + row.gssCode()
                      + " "
                      + row.financialYear()
                      + " from line "
                      + first
                      + ": one row per borough and year"));
        } else {
          rows.add(row);
        }
      }
    }
    if (!problems.isEmpty()) {
      if (problems.size() > MAX_PROBLEMS) {
        int more = problems.size() - MAX_PROBLEMS;
        problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        problems.add(new FieldProblem("body", "has " + more + " more problems not listed"));
      }
      throw new InvalidRequestException(problems);
    }
    return rows;
  }

  private static Row row(int line, String text, List<String> fundYears, List<FieldProblem> out) {
    String[] fields = text.split(",", -1);
    if (fields.length != 3) {
      out.add(
          new FieldProblem(
              "line " + line,
              text.isBlank()
                  ? "is empty: each row is gssCode,financialYear,amount"
                  : "must have 3 fields, gssCode,financialYear,amount, but has "
                      + fields.length
                      + " (write amounts without thousands separators or £)"));
      return null;
    }
    int before = out.size();
    String code = fields[0].strip();
    String year = fields[1].strip();
    String amountText = fields[2].strip();
    if (Area.of(code).filter(area -> !area.isLondon()).isEmpty()) {
      out.add(new FieldProblem("line " + line + ": gssCode", gssProblem(code)));
    }
    if (FinancialYear.parse(year).isEmpty()) {
      out.add(new FieldProblem("line " + line + ": financialYear", FinancialYear.FORMAT_MESSAGE));
    } else if (!fundYears.contains(year)) {
      out.add(
          new FieldProblem(
              "line " + line + ": financialYear",
              "'"
                  + year
                  + "' is outside the fund's years, "
                  + fundYears.get(0)
                  + " to "
                  + fundYears.get(fundYears.size() - 1)));
    }
    long amount = 0;
    if (WHOLE.matcher(amountText).matches()) {
      amount = Long.parseLong(amountText);
      if (amount > FundRequest.MAX_AMOUNT) {
        out.add(
            new FieldProblem(
                "line " + line + ": amount",
                "must be at most " + Formats.money(FundRequest.MAX_AMOUNT)));
      }
    } else {
      out.add(new FieldProblem("line " + line + ": amount", amountProblem(amountText)));
    }
    return out.size() == before ? new Row(line, code, year, amount) : null;
  }

  private static String gssProblem(String code) {
    if (LondonBorough.CITY_OF_LONDON.equals(code)) {
      return "E09000001 is the City of London, which has its own police force outside MOPAC's"
          + " area: it is not one of the 32 boroughs the fund covers";
    }
    if (Area.LONDON.equals(code)) {
      return "E12000007 is London as a whole: its totals are reference data, not uploaded";
    }
    return "'"
        + abbreviate(code)
        + "' is not the GSS code of one of the 32 London boroughs (E09000002 to E09000033)";
  }

  private static String amountProblem(String text) {
    if (text.isEmpty()) {
      return "is missing: give the allocation in whole pounds, such as 473766";
    }
    if (text.matches("-\\d+(\\.\\d*)?")) {
      return "must not be negative";
    }
    if (text.matches("\\d*\\.\\d*") && text.length() > 1) {
      return "must be whole pounds, without pence, such as 473766";
    }
    if (text.matches("\\d+")) {
      return "must be at most " + Formats.money(FundRequest.MAX_AMOUNT);
    }
    return "must be a whole number of pounds, such as 473766 (found '" + abbreviate(text) + "')";
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }
}
