package london.cofund.fund;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cf_fund}, {@code cf_fund_year} and {@code cf_fund_change} tables. */
@Repository
public class FundRepository implements FundYears {

  private final JdbcClient jdbc;

  FundRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<List<String>> financialYears(String fundId) {
    List<String> years =
        jdbc.sql(
                "select financial_year from cf_fund_year where fund_id = :fundId"
                    + " order by financial_year")
            .param("fundId", fundId)
            .query(String.class)
            .list();
    return years.isEmpty() ? Optional.empty() : Optional.of(years);
  }
}
