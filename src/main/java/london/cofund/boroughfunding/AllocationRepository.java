package london.cofund.boroughfunding;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cf_borough_allocation} table: each area's direct allocation per financial year. */
@Repository
class AllocationRepository {

  private final JdbcClient jdbc;

  AllocationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the rows of the areas and years given, keeping every other row. */
  void replace(List<AllocationCsv.Row> rows, String source, String by, OffsetDateTime at) {
    for (AllocationCsv.Row row : rows) {
      jdbc.sql(
              "delete from cf_borough_allocation where gss_code = :code and financial_year = :year")
          .param("code", row.gssCode())
          .param("year", row.financialYear())
          .update();
      jdbc.sql(
              """
              insert into cf_borough_allocation
                (gss_code, financial_year, amount, source, uploaded_by, uploaded_at)
              values (:code, :year, :amount, :source, :by, :at)""")
          .param("code", row.gssCode())
          .param("year", row.financialYear())
          .param("amount", row.amount())
          .param("source", source)
          .param("by", by)
          .param("at", at)
          .update();
    }
  }

  /** An area's allocations in year order. */
  List<Allocation> of(String gssCode) {
    return jdbc.sql(
            "select * from cf_borough_allocation where gss_code = :code order by financial_year")
        .param("code", gssCode)
        .query(AllocationRepository::map)
        .list();
  }

  /** Every area's allocations for the years given. */
  List<Allocation> inYears(List<String> years) {
    if (years.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from cf_borough_allocation where financial_year in (:years)"
                + " order by financial_year, gss_code")
        .param("years", years)
        .query(AllocationRepository::map)
        .list();
  }

  private static Allocation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Allocation(
        rs.getString("gss_code"),
        rs.getString("financial_year"),
        rs.getLong("amount"),
        rs.getString("source"),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class));
  }
}
