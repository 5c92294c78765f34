package london.cofund.boroughfunding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.CoCommissionedProjects.Project;
import org.junit.jupiter.api.Test;

/** The arithmetic of the funding gap, without a database. */
class FundingGapTest {

  static final Area WESTMINSTER = Area.of("E09000033").orElseThrow();
  static final OffsetDateTime AT = OffsetDateTime.parse("2017-06-19T00:00:00Z");

  @Test
  void changesAreWholePercentsOfThePreviousListedYear() {
    assertThat(FundingGap.percent(473_766 - 1_071_006, 1_071_006)).isEqualTo(-56);
    assertThat(FundingGap.percent(1_071_006 - 1_119_006, 1_119_006)).isEqualTo(-4);
    assertThat(FundingGap.percent(12_725_764 - 19_682_137, 19_682_137)).isEqualTo(-35);
    assertThat(FundingGap.percent(19_682_137 - 17_865_840, 17_865_840)).isEqualTo(10);
    assertThat(FundingGap.percent(-1, 200)).as("-0.5%: half away from zero").isEqualTo(-1);
    assertThat(FundingGap.percent(5, 0)).isNull();
  }

  @Test
  void aProjectIsSharedBetweenItsBoroughsOrBetween32WhenPanLondon() {
    Project threeBoroughs =
        project("T1-001", Scope.SUB_REGIONAL, List.of("E09000007", "E09000019", "E09000033"));
    Project panLondon = project("T1-002", Scope.PAN_LONDON, List.of());
    Project elsewhere =
        project("T1-003", Scope.SUB_REGIONAL, List.of("E09000007", "E09000019", "E09000012"));

    BoroughFunding view =
        FundingGap.of(
            WESTMINSTER,
            List.of(),
            List.of(),
            List.of(),
            List.of(threeBoroughs, panLondon, elsewhere),
            Map.of());

    assertThat(view.coCommissioned().byYear())
        .singleElement()
        .satisfies(
            year -> {
              assertThat(year.financialYear()).isEqualTo("2018/19");
              // 400,000 / 3 = 133,333.33; 400,000 / 32 = 12,500
              assertThat(year.projects())
                  .extracting(BoroughFunding.ProjectShare::share)
                  .containsExactly(133_333L, 12_500L);
              assertThat(year.total()).isEqualTo(145_833L);
            });
  }

  @Test
  void theGapIsWhatIsAtRiskLessWhatCoCommissioningDeliversNeverBelowZero() {
    List<Allocation> allocations =
        List.of(
            allocation("2013/14", 1_119_006),
            allocation("2017/18", 1_071_006),
            allocation("2018/19", 473_766));
    ServiceAtRisk gangs = service(1, 300_000, List.of("2018/19", "2019/20"));
    ServiceAtRisk vawg = service(2, 150_000, List.of("2018/19"));
    Project project =
        new Project(
            "T1-001",
            "Women's centres",
            "FUNDED",
            true,
            Scope.SUB_REGIONAL,
            List.of("E09000007", "E09000019", "E09000033"),
            Map.of("2018/19", 400_000L, "2020/21", 30L));

    BoroughFunding view =
        FundingGap.of(
            WESTMINSTER,
            allocations,
            allocations,
            List.of(gangs, vawg),
            List.of(project),
            Map.of());

    assertThat(view.gapByYear())
        .containsExactly(
            new BoroughFunding.YearGap("2017/18", 1_071_006L, 0L, 0, 0, 0),
            new BoroughFunding.YearGap("2018/19", 473_766L, 597_240L, 450_000, 133_333, 316_667),
            new BoroughFunding.YearGap("2019/20", null, null, 300_000, 0, 300_000),
            new BoroughFunding.YearGap("2020/21", null, null, 0, 10, 0));
    assertThat(view.allocations())
        .extracting(BoroughFunding.YearAllocation::changePercent)
        .containsExactly(null, -4, -56);
  }

  @Test
  void londonsTotalIsThePublishedFigureElseTheSumOfAll32Boroughs() {
    List<Allocation> everyArea = new java.util.ArrayList<>();
    everyArea.add(new Allocation(Area.LONDON, "2018/19", 12_725_764, "Seed Table 1", "system", AT));
    for (String code : london.cofund.borough.LondonBorough.allCodes()) {
      everyArea.add(new Allocation(code, "2018/19", 1_000, "Upload", "mopac", AT));
      everyArea.add(new Allocation(code, "2019/20", 1_000, "Upload", "mopac", AT));
      if (!code.equals("E09000002")) {
        everyArea.add(new Allocation(code, "2020/21", 1_000, "Upload", "mopac", AT));
      }
    }
    List<Allocation> westminster =
        everyArea.stream().filter(a -> a.gssCode().equals("E09000033")).toList();

    BoroughFunding view =
        FundingGap.of(WESTMINSTER, westminster, everyArea, List.of(), List.of(), Map.of());

    assertThat(view.allocations())
        .extracting(BoroughFunding.YearAllocation::londonTotal)
        .as("published; all 32 uploaded; one borough missing")
        .containsExactly(12_725_764L, 32_000L, null);
  }

  static Project project(String reference, Scope scope, List<String> boroughs) {
    return new Project(
        reference,
        "Project " + reference,
        "FUNDED",
        true,
        scope,
        boroughs,
        Map.of("2018/19", 400_000L));
  }

  static Allocation allocation(String year, long amount) {
    return new Allocation("E09000033", year, amount, "Seed Table 1", "system", AT);
  }

  static ServiceAtRisk service(long id, long cost, List<String> years) {
    return new ServiceAtRisk(
        id, "E09000033", "Service " + id, "GANGS", cost, years, List.of(), "w", AT, "w", AT);
  }
}
