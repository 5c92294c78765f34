package london.cofund.boroughfunding;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code cf_service_at_risk} table, with the years each service is at risk ({@code
 * cf_service_at_risk_year}) and the bids linked to it ({@code cf_service_at_risk_link}).
 */
@Repository
class ServiceAtRiskRepository {

  private final JdbcClient jdbc;

  ServiceAtRiskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String gssCode, ServiceAtRiskRequest request, String by, OffsetDateTime at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into cf_service_at_risk (gss_code, name, priority_theme, annual_cost,
              recorded_by, recorded_at, updated_by, updated_at)
            values (:code, :name, :theme, :cost, :by, :at, :by, :at)""")
        .param("code", gssCode)
        .param("name", request.name().strip())
        .param("theme", request.priorityTheme())
        .param("cost", request.annualCost())
        .param("by", by)
        .param("at", at)
        .update(keys, "service_id");
    long id = keys.getKey().longValue();
    replaceDetails(id, request);
    return id;
  }

  /** Replaces the record's fields, years and links; false if there is no such service there. */
  boolean update(
      long serviceId, String gssCode, ServiceAtRiskRequest request, String by, OffsetDateTime at) {
    int updated =
        jdbc.sql(
                """
                update cf_service_at_risk set name = :name, priority_theme = :theme,
                  annual_cost = :cost, updated_by = :by, updated_at = :at
                where service_id = :id and gss_code = :code""")
            .param("name", request.name().strip())
            .param("theme", request.priorityTheme())
            .param("cost", request.annualCost())
            .param("by", by)
            .param("at", at)
            .param("id", serviceId)
            .param("code", gssCode)
            .update();
    if (updated == 0) {
      return false;
    }
    replaceDetails(serviceId, request);
    return true;
  }

  private void replaceDetails(long id, ServiceAtRiskRequest request) {
    jdbc.sql("delete from cf_service_at_risk_year where service_id = :id").param("id", id).update();
    jdbc.sql("delete from cf_service_at_risk_link where service_id = :id").param("id", id).update();
    for (String year : request.yearsAtRisk()) {
      jdbc.sql(
              "insert into cf_service_at_risk_year (service_id, financial_year) values (:id, :year)")
          .param("id", id)
          .param("year", year)
          .update();
    }
    for (String reference : request.linksOrEmpty()) {
      jdbc.sql("insert into cf_service_at_risk_link (service_id, reference) values (:id, :ref)")
          .param("id", id)
          .param("ref", reference)
          .update();
    }
  }

  Optional<ServiceAtRisk> find(long serviceId) {
    return withDetails(
            jdbc.sql("select * from cf_service_at_risk where service_id = :id")
                .param("id", serviceId)
                .query(ServiceAtRiskRepository::map)
                .list())
        .stream()
        .findFirst();
  }

  /** A borough's services, in the order they were recorded. */
  List<ServiceAtRisk> of(String gssCode) {
    return withDetails(
        jdbc.sql("select * from cf_service_at_risk where gss_code = :code order by service_id")
            .param("code", gssCode)
            .query(ServiceAtRiskRepository::map)
            .list());
  }

  /** Every borough's services, for London's totals. */
  List<ServiceAtRisk> all() {
    return withDetails(
        jdbc.sql("select * from cf_service_at_risk order by service_id")
            .query(ServiceAtRiskRepository::map)
            .list());
  }

  private List<ServiceAtRisk> withDetails(List<ServiceAtRisk> services) {
    if (services.isEmpty()) {
      return services;
    }
    List<Long> ids = services.stream().map(ServiceAtRisk::serviceId).toList();
    Map<Long, List<String>> years = new HashMap<>();
    jdbc.sql(
            "select service_id, financial_year from cf_service_at_risk_year"
                + " where service_id in (:ids) order by service_id, financial_year")
        .param("ids", ids)
        .query(
            (rs, n) ->
                years.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    Map<Long, List<String>> links = new HashMap<>();
    jdbc.sql(
            "select service_id, reference from cf_service_at_risk_link"
                + " where service_id in (:ids) order by service_id, reference")
        .param("ids", ids)
        .query(
            (rs, n) ->
                links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    return services.stream()
        .map(
            s ->
                new ServiceAtRisk(
                    s.serviceId(),
                    s.gssCode(),
                    s.name(),
                    s.priorityTheme(),
                    s.annualCost(),
                    List.copyOf(years.getOrDefault(s.serviceId(), List.of())),
                    List.copyOf(links.getOrDefault(s.serviceId(), List.of())),
                    s.recordedBy(),
                    s.recordedAt(),
                    s.updatedBy(),
                    s.updatedAt()))
        .toList();
  }

  private static ServiceAtRisk map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ServiceAtRisk(
        rs.getLong("service_id"),
        rs.getString("gss_code"),
        rs.getString("name"),
        rs.getString("priority_theme"),
        rs.getLong("annual_cost"),
        List.of(),
        List.of(),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
