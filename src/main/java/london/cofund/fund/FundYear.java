package london.cofund.fund;

/**
 * One financial year of a fund: its total and the share of it, in whole percent, for
 * co-commissioned services. The rest is direct borough funding.
 */
public record FundYear(String financialYear, long total, int coCommissioningPercent) {

  /** The co-commissioning budget: the total times the percentage, to the nearest pound. */
  public long coCommissioningBudget() {
    return Math.round(total * (coCommissioningPercent / 100.0));
  }

  /** Direct borough funding: what is not co-commissioned. */
  public long directBoroughFunding() {
    return total - coCommissioningBudget();
  }
}
