package london.cofund.proposal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.fund.FinancialYear;
import london.cofund.fund.FundRequest;
import london.cofund.fund.FundRequest.YearItem;
import london.cofund.fund.FundService;
import london.cofund.portfolio.PortfolioFlag;
import london.cofund.portfolio.RecommendedPortfolio;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A portfolio that fits the pot but not one year's co-commissioning budget is neither recommended
 * nor decided: three assessed proposals of £900,000, £300,000 a year each, in a round with a £3m
 * pot whose first year has £800,000 left.
 */
@CoFundSpringTest
class YearBudgetTest {

  @Autowired RoundService rounds;
  @Autowired FundService funds;
  @Autowired ApplicationContext context;

  @Test
  void aPortfolioThatFitsThePotButNotOneYearIsNotRecommendedAndThePanelCannotDecideIt() {
    ClockUtil.reset();
    FundDriver fund = new FundDriver(context);
    FinancialYear first =
        FinancialYear.of(
            LocalDate.ofInstant(Instant.now().plus(180, ChronoUnit.DAYS), ZoneOffset.UTC));
    String fundId = Fixtures.newRoundId("F-Y");
    funds.create(
        new FundRequest(
            fundId,
            "A fund tight in its first year",
            List.of(
                new YearItem(first.toString(), 800_000L, 100),
                new YearItem(first.next().toString(), 5_000_000L, 100),
                new YearItem(first.next().next().toString(), 5_000_000L, 100)),
            null,
            null,
            null),
        "mopac");

    String roundId = Fixtures.newRoundId("YB");
    RoundRequest r = Fixtures.round(roundId, Instant.now(), 3_000_000L);
    rounds.register(Fixtures.withSettings(r, fundId, 1, 3, null, null), "mopac");
    rounds.agreeShortlist(roundId, List.of("CSE", "FEMALE_OFFENDING", "GANGS"));
    rounds.publish(roundId);
    List<String> refs =
        List.of("CSE", "FEMALE_OFFENDING", "GANGS").stream()
            .map(
                theme -> {
                  String ref =
                      fund.toAssessment(
                          roundId,
                          Fixtures.eoi(
                              "Bid on " + theme,
                              FundDriver.CONTACT,
                              List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON),
                              900_000L,
                              List.of(theme)),
                          "applicant1");
                  fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
                  fund.assess(ref, "assessor2", 4, 4, 4, 4, 4);
                  return ref;
                })
            .toList();

    RecommendedPortfolio recommended = rounds.recommend(roundId);

    // All three fit the £3m pot (£2.7m) but would spend £900,000 in the first year.
    assertThat(recommended.funded()).hasSize(2);
    assertThat(recommended.flags()).contains(PortfolioFlag.YEAR_BUDGET_BINDS.name());
    assertThat(recommended.costByYear().get(first.toString())).isEqualTo(600_000L);
    assertThatThrownBy(() -> rounds.decide(roundId, refs, List.of(), "All three.", "wg"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .contains(
                        new FieldProblem(
                            "fundedReferences",
                            "costs £900,000 in "
                                + first
                                + ", more than the £800,000 of co-commissioning budget left"
                                + " that year")));
    assertThat(rounds.get(roundId).decision()).as("nothing decided").isNull();
  }
}
