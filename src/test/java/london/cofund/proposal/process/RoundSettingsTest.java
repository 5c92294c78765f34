package london.cofund.proposal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import london.cofund.CoFundSpringTest;
import london.cofund.eligibility.Criterion;
import london.cofund.eligibility.CriterionResult;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The seed's draft criteria (3 boroughs, 3 agencies) are a round's settings, and EOI feedback is
 * steered against the fund-wide target of projects, not only the round's.
 */
@CoFundSpringTest
class RoundSettingsTest {

  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired ApplicationContext context;

  FundDriver fund;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    fund = new FundDriver(context);
  }

  @Test
  void aRoundsOwnThresholdsDecideBoroughCoverageAndPartnership() {
    String roundId = openRound(2, 5);
    // Westminster and Camden, their two councils, London CRC and the lead: 4 agencies.
    String ref =
        fund.submit(
            roundId,
            Fixtures.eoi(
                "Two-borough pilot",
                FundDriver.CONTACT,
                List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN),
                500_000L,
                List.of("FEMALE_OFFENDING")),
            "applicant1");

    Map<Criterion, CriterionResult> criteria = criteria(ref);
    assertThat(criteria.get(Criterion.BOROUGH_COVERAGE).passed()).isTrue();
    assertThat(criteria.get(Criterion.BOROUGH_COVERAGE).reason())
        .contains("meeting the minimum of 2 for sub-regional projects");
    assertThat(criteria.get(Criterion.PARTNERSHIP).passed()).isFalse();
    assertThat(criteria.get(Criterion.PARTNERSHIP).reason())
        .contains("at least 5 are needed, the lead included");
    assertThat(rounds.get(roundId).thresholds().minPartnerAgencies()).isEqualTo(5);
  }

  @Test
  void theSeedsDraftIsTheDefault() {
    String roundId = openRound(null, null);
    String ref =
        fund.submit(
            roundId,
            Fixtures.eoi(
                "Two-borough pilot",
                FundDriver.CONTACT,
                List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN),
                500_000L,
                List.of("FEMALE_OFFENDING")),
            "applicant1");

    assertThat(criteria(ref).get(Criterion.BOROUGH_COVERAGE).reason())
        .contains("sub-regional projects must cover at least 3");
  }

  @Test
  void theFeedbackTaskCountsAcceptedBidsAgainstTheFundWideTarget() {
    String roundId = openRound(null, null);
    String ref =
        fund.submit(
            roundId, Fixtures.eligibleEoi("Women's centres", FundDriver.CONTACT), "applicant1");
    fund.confirmEveryBorough(ref);

    String brief = fund.brief(ref, ProposalProcess.TASK_GIVE_EOI_FEEDBACK);
    assertThat(brief).contains("EOIs of this round are accepted so far");
    assertThat(brief)
        .containsPattern(
            "Across DEMO, \\d+ projects are funded so far, against the fund-wide"
                + " target of 5 to 8");
  }

  private String openRound(Integer minBoroughs, Integer minAgencies) {
    String roundId = Fixtures.newRoundId("RS");
    RoundRequest r = Fixtures.round(roundId, Fixtures.NOW);
    rounds.register(
        Fixtures.withSettings(r, null, r.minProjects(), r.maxProjects(), minBoroughs, minAgencies),
        "mopac");
    rounds.agreeShortlist(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    rounds.publish(roundId);
    return roundId;
  }

  private Map<Criterion, CriterionResult> criteria(String ref) {
    return proposals.get(ref).criteria().stream()
        .collect(Collectors.toMap(CriterionResult::code, Function.identity()));
  }
}
