package london.cofund.fund;

import java.util.List;
import java.util.Optional;

/** The financial years of a fund, for capabilities that must keep their figures within them. */
public interface FundYears {

  /**
   * The fund's financial years in order, written {@code 2018/19}; empty if there is no such fund.
   */
  Optional<List<String>> financialYears(String fundId);
}
