package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code cf_proposal_priority} (V105) for the bids stored before it existed, from each bid's
 * latest version: the full proposal where there is one, else the EOI. Its {@code priorityThemes}
 * are JSON, which no SQL common to H2 and PostgreSQL reads, hence Java.
 */
public class V106__Backfill_proposal_priorities extends BaseJavaMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement select = context.getConnection().createStatement();
        ResultSet bids =
            select.executeQuery(
                "select reference, coalesce(full_proposal, eoi) as bid from cf_proposal");
        PreparedStatement insert =
            context
                .getConnection()
                .prepareStatement(
                    "insert into cf_proposal_priority (reference, priority_code) values (?, ?)")) {
      while (bids.next()) {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode themes = JSON.readTree(bids.getString("bid")).path("priorityThemes");
        themes.forEach(theme -> codes.add(theme.asText()));
        for (String code : codes) {
          insert.setString(1, bids.getString("reference"));
          insert.setString(2, code);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
