package london.cofund.fund;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A fund that rounds draw on, such as the London Crime Prevention Fund 2017-21 ({@code LCPF-2017}):
 * its financial years in order, each with its total and co-commissioning share, and the fund-wide
 * target for the number of funded projects (the seed's "5-8").
 */
public record Fund(
    String fundId,
    String name,
    List<FundYear> years,
    int minProjects,
    int maxProjects,
    int version,
    String updatedBy,
    OffsetDateTime updatedAt) {

  public Optional<FundYear> year(String financialYear) {
    return years.stream().filter(y -> y.financialYear().equals(financialYear)).findFirst();
  }

  /** True when the day a service starts falls in one of the fund's years. */
  public boolean covers(OffsetDateTime moment) {
    return year(FinancialYear.of(moment).toString()).isPresent();
  }

  public String firstYear() {
    return years.get(0).financialYear();
  }

  public String lastYear() {
    return years.get(years.size() - 1).financialYear();
  }
}
