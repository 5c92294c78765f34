package london.cofund.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rounds store their recommendation as JSON. One written before the spending by year existed must
 * still read, as having none, and a new one must read back unchanged.
 */
class PortfolioRecommendationJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aRecommendationStoredWithoutCostByYearReadsAsHavingNone() throws Exception {
    String stored =
        """
        {"funded":["A"],"deferred":["B"],"notFunded":[],"flags":[],"prioritiesCovered":1,
         "totalScore":20.00,"totalCost":100,"unspent":900}
        """;

    RecommendedPortfolio portfolio = json.readValue(stored, RecommendedPortfolio.class);

    assertThat(portfolio.funded()).containsExactly("A");
    assertThat(portfolio.costByYear()).isEmpty();
  }

  @Test
  void aRecommendationWithCostByYearReadsBackUnchanged() throws Exception {
    RecommendedPortfolio portfolio =
        new RecommendedPortfolio(
            List.of("A"),
            List.of(),
            List.of(),
            List.of(PortfolioFlag.YEAR_BUDGET_BINDS.name()),
            1,
            new BigDecimal("20.00"),
            100,
            900,
            Map.of("2019/20", 40L, "2018/19", 60L));

    String written = json.writeValueAsString(portfolio);

    assertThat(written).contains("\"costByYear\":{\"2018/19\":60,\"2019/20\":40}");
    assertThat(json.readValue(written, RecommendedPortfolio.class)).isEqualTo(portfolio);
  }
}
