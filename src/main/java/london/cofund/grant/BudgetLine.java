package london.cofund.grant;

/**
 * One line of a grant's budget: a financial year, what the grant may spend in it and what of it was
 * returned to the fund as underspend at the year's end.
 */
public record BudgetLine(String financialYear, long budgetPence, long returnedPence) {

  /** What the grant still holds of the fund in this year. */
  public long heldPence() {
    return budgetPence - returnedPence;
  }
}
