package london.cofund.fund;

import java.time.OffsetDateTime;
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

  boolean exists(String fundId) {
    return jdbc.sql("select count(*) from cf_fund where fund_id = :fundId")
            .param("fundId", fundId)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Fund> find(String fundId) {
    return jdbc.sql(
            "select fund_id, name, min_projects, max_projects, version, updated_by, updated_at"
                + " from cf_fund where fund_id = :fundId")
        .param("fundId", fundId)
        .query(
            (rs, n) ->
                new Fund(
                    rs.getString("fund_id"),
                    rs.getString("name"),
                    years(fundId),
                    rs.getInt("min_projects"),
                    rs.getInt("max_projects"),
                    rs.getInt("version"),
                    rs.getString("updated_by"),
                    rs.getObject("updated_at", OffsetDateTime.class)))
        .optional();
  }

  List<String> ids() {
    return jdbc.sql("select fund_id from cf_fund order by fund_id").query(String.class).list();
  }

  /**
   * The funds' ids in the order they were created, oldest first: by their first recorded change
   * (the "created" entry), whose id only grows, rather than by a timestamp that an engine clock
   * moved for a test could put out of order. Reference data shipped without a change comes first.
   */
  List<String> idsOldestFirst() {
    return jdbc.sql(
            "select f.fund_id from cf_fund f left join cf_fund_change c on c.fund_id = f.fund_id"
                + " group by f.fund_id order by coalesce(min(c.change_id), 0), f.fund_id")
        .query(String.class)
        .list();
  }

  /**
   * Locks the fund's row until the transaction ends, so that two rounds drawing on it at once are
   * checked one after the other and cannot together take more than is left.
   */
  void lock(String fundId) {
    jdbc.sql("select fund_id from cf_fund where fund_id = :fundId for update")
        .param("fundId", fundId)
        .query(String.class)
        .optional();
  }

  private List<FundYear> years(String fundId) {
    return jdbc.sql(
            "select financial_year, total, co_commissioning_percent from cf_fund_year"
                + " where fund_id = :fundId order by financial_year")
        .param("fundId", fundId)
        .query(
            (rs, n) ->
                new FundYear(
                    rs.getString("financial_year"),
                    rs.getLong("total"),
                    rs.getInt("co_commissioning_percent")))
        .list();
  }

  void insert(Fund fund, String createdBy, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into cf_fund (fund_id, name, min_projects, max_projects, version, created_by,
              created_at, updated_by, updated_at)
            values (:id, :name, :min, :max, 0, :by, :at, :by, :at)""")
        .param("id", fund.fundId())
        .param("name", fund.name())
        .param("min", fund.minProjects())
        .param("max", fund.maxProjects())
        .param("by", createdBy)
        .param("at", at)
        .update();
    insertYears(fund);
  }

  void update(Fund fund, String updatedBy, OffsetDateTime at) {
    jdbc.sql(
            """
            update cf_fund set name = :name, min_projects = :min, max_projects = :max,
              version = version + 1, updated_by = :by, updated_at = :at
            where fund_id = :id""")
        .param("id", fund.fundId())
        .param("name", fund.name())
        .param("min", fund.minProjects())
        .param("max", fund.maxProjects())
        .param("by", updatedBy)
        .param("at", at)
        .update();
    jdbc.sql("delete from cf_fund_year where fund_id = :id").param("id", fund.fundId()).update();
    insertYears(fund);
  }

  private void insertYears(Fund fund) {
    for (FundYear year : fund.years()) {
      jdbc.sql(
              """
              insert into cf_fund_year (fund_id, financial_year, total, co_commissioning_percent)
              values (:id, :year, :total, :percent)""")
          .param("id", fund.fundId())
          .param("year", year.financialYear())
          .param("total", year.total())
          .param("percent", year.coCommissioningPercent())
          .update();
    }
  }

  void recordChange(String fundId, FundChange change) {
    jdbc.sql(
            """
            insert into cf_fund_change (fund_id, field, old_value, new_value, reason, changed_by,
              changed_at)
            values (:id, :field, :old, :new, :reason, :by, :at)""")
        .param("id", fundId)
        .param("field", change.field())
        .param("old", change.oldValue())
        .param("new", change.newValue())
        .param("reason", change.reason())
        .param("by", change.changedBy())
        .param("at", change.changedAt())
        .update();
  }

  List<FundChange> changes(String fundId) {
    return jdbc.sql(
            "select field, old_value, new_value, reason, changed_by, changed_at"
                + " from cf_fund_change where fund_id = :id order by change_id")
        .param("id", fundId)
        .query(
            (rs, n) ->
                new FundChange(
                    rs.getString("field"),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("reason"),
                    rs.getString("changed_by"),
                    rs.getObject("changed_at", OffsetDateTime.class)))
        .list();
  }
}
