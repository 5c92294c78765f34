package london.cofund.fund;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's fund, so that the README's walk-through works whatever today's date: {@code
 * DEMO}, covering the current financial year and the next three, each year with LCPF-2017's 2018/19
 * total and split (£18,179,663, 30% co-commissioning) unless configured otherwise. Created once;
 * never overwritten, since MOPAC may have changed it.
 */
@Component
@ConditionalOnProperty(name = "cofund.demo.fund.enabled", havingValue = "true")
class DemoFund implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoFund.class);

  private final FundRepository funds;
  private final Settings settings;
  private final Clock clock;

  DemoFund(FundRepository funds, Settings settings, Clock clock) {
    this.funds = funds;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * {@code cofund.demo.fund.*}: the demo fund's id, first year (blank: the current one), number of
   * years, total per year and co-commissioning percentage.
   */
  @ConfigurationProperties("cofund.demo.fund")
  record Settings(
      boolean enabled,
      String fundId,
      String firstYear,
      Integer years,
      Long totalPerYear,
      Integer coCommissioningPercent) {

    Settings {
      fundId = fundId == null || fundId.isBlank() ? "DEMO" : fundId;
      years = years == null ? 4 : years;
      totalPerYear = totalPerYear == null ? 18_179_663L : totalPerYear;
      coCommissioningPercent = coCommissioningPercent == null ? 30 : coCommissioningPercent;
    }
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (funds.exists(settings.fundId())) {
      return;
    }
    FinancialYear first =
        settings.firstYear() == null || settings.firstYear().isBlank()
            ? FinancialYear.of(LocalDate.now(clock))
            : FinancialYear.parse(settings.firstYear())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "cofund.demo.fund.first-year must be written like 2018/19"));
    List<FundYear> years = new ArrayList<>();
    FinancialYear year = first;
    for (int i = 0; i < settings.years(); i++) {
      years.add(
          new FundYear(
              year.toString(), settings.totalPerYear(), settings.coCommissioningPercent()));
      year = year.next();
    }
    Fund fund =
        new Fund(
            settings.fundId(),
            "Demo fund, " + first + " to " + years.get(years.size() - 1).financialYear(),
            years,
            FundRequest.DEFAULT_MIN_PROJECTS,
            FundRequest.DEFAULT_MAX_PROJECTS,
            0,
            null,
            null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    funds.insert(fund, "system", now);
    funds.recordChange(
        fund.fundId(), new FundChange("fund", null, "created", "demo data", "system", now));
    LOG.info("Demo fund {} created: {}", fund.fundId(), fund.name());
  }
}
