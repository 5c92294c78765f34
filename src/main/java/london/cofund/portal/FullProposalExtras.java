package london.cofund.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.fund.FinancialYear;
import london.cofund.proposal.EoiForm;
import london.cofund.proposal.FullProposalForm;
import london.cofund.proposal.FullProposalForm.BudgetLine;
import london.cofund.system.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * What a full proposal adds to the EOI's fields, as typed: the budget by financial year, the
 * outcomes, the delivery plan and the risks. With the EOI's fields it makes the API's {@link
 * FullProposalForm}, whose checks (a budget that adds up, years within the fund) are the API's.
 */
public record FullProposalExtras(
    List<BudgetRow> budget, String outcomes, String deliveryPlan, String risks) {

  /** One financial year's line as typed. */
  public record BudgetRow(String financialYear, String amount) {}

  private static final Pattern BUDGET_FIELD = Pattern.compile("budget\\[(\\d+)]\\.(\\w+)");

  /** A blank budget of three years from the year the round's services start. */
  public static FullProposalExtras blank(FinancialYear first) {
    List<BudgetRow> rows = new ArrayList<>();
    FinancialYear year = first;
    for (int i = 0; i < 3; i++) {
      rows.add(new BudgetRow(year.toString(), ""));
      year = year.next();
    }
    return new FullProposalExtras(rows, "", "", "");
  }

  public static FullProposalExtras from(FullProposalForm full) {
    return new FullProposalExtras(
        full.budget().stream()
            .map(
                l ->
                    new BudgetRow(
                        Objects.requireNonNullElse(l.financialYear(), ""),
                        l.amount() == null ? "" : String.valueOf(l.amount())))
            .toList(),
        full.outcomes(),
        full.deliveryPlan(),
        full.risks());
  }

  public static FullProposalExtras of(MultiValueMap<String, String> params) {
    Map<Integer, String[]> rows = new TreeMap<>();
    params.forEach(
        (name, values) -> {
          Matcher m = BUDGET_FIELD.matcher(name);
          if (m.matches() && !values.isEmpty() && Integer.parseInt(m.group(1)) < 10) {
            String[] row = rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new String[2]);
            row[m.group(2).equals("amount") ? 1 : 0] = values.get(0);
          }
        });
    List<BudgetRow> budget =
        rows.values().stream()
            .map(
                r ->
                    new BudgetRow(
                        Objects.requireNonNullElse(r[0], ""), Objects.requireNonNullElse(r[1], "")))
            .toList();
    return new FullProposalExtras(
        budget,
        Objects.requireNonNullElse(params.getFirst("outcomes"), ""),
        Objects.requireNonNullElse(params.getFirst("deliveryPlan"), ""),
        Objects.requireNonNullElse(params.getFirst("risks"), ""));
  }

  /**
   * The API's full proposal: the EOI's fields, this budget (years left empty are skipped) and
   * texts. An amount that is not a whole number is named in {@code problems}.
   */
  public FullProposalForm toForm(EoiForm eoi, List<FieldProblem> problems) {
    List<BudgetLine> lines = new ArrayList<>();
    for (int i = 0; i < budget.size(); i++) {
      BudgetRow row = budget.get(i);
      String amount = row.amount().trim().replace(",", "").replace("£", "");
      if (amount.isEmpty() && row.financialYear().isBlank()) {
        continue;
      }
      Long value = null;
      try {
        value = amount.isEmpty() ? null : Long.parseLong(amount);
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "budget[" + lines.size() + "].amount",
                "must be a whole number of pounds, such as 400000"));
      }
      lines.add(new BudgetLine(row.financialYear().trim(), value));
    }
    return FullProposalForm.of(
        eoi, lines, blankToNull(outcomes), blankToNull(deliveryPlan), blankToNull(risks));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
