package london.cofund.grant;

import static london.cofund.grant.process.GrantProcess.TASK_REVIEW_RETURN;
import static london.cofund.grant.process.GrantProcess.VAR_RETURN_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.grant.process.GrantSteps;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The fund's grants page ({@code /grants}): spend against budget per project and per year, and by
 * borough, with the same figures as {@code GET /api/grants} after a quarter is reported, approved
 * and paid; the same rule of who sees what.
 */
@CoFundSpringTest
class GrantPagesTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired GrantSteps steps;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void thePageShowsSpendAgainstBudgetAsTheApiDoesToThoseWhoMaySeeIt() {
    HttpApi http = new HttpApi(port);
    GrantDriver driver = new GrantDriver(context);
    String roundId = driver.openRound("GP");
    String ref = driver.assessed(roundId, "Grant on the page", 600_000, 400_000, 4);
    driver.decide(ref, "FUNDED");
    driver.sign(ref, false);
    Quarter first = Quarter.of(GrantDriver.SERVICE_START.toLocalDate());
    driver.moveTo(at(first.end().plusDays(1)), ref);
    steps.submitReturn(
        ref,
        GrantDriver.returnFor(first, 9_000_000L),
        new CurrentUser("applicant1", java.util.Set.of(Roles.APPLICANTS)));
    driver.run(ref);
    driver.complete(ref, TASK_REVIEW_RETURN, VAR_RETURN_REVIEW, "APPROVE");

    JsonNode line = null;
    for (JsonNode grant : http.get("/api/grants?borough=" + Fixtures.CAMDEN, "mopac").json()) {
      if (grant.get("reference").asText().equals(ref)) {
        line = grant;
      }
    }
    assertThat(line).isNotNull();
    assertThat(line.get("paidPence").asLong()).as("the first quarter is paid").isPositive();

    HttpResponse<String> page =
        WebappLogin.tasklist(http, "mopac").get("/grants?borough=" + Fixtures.CAMDEN);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("Grants delivered in Camden")
        .contains("id=\"grant-" + ref + "\"")
        .contains("award " + "<span>" + Pence.format(line.get("awardPence").asLong()) + "</span>")
        .contains("paid <span>" + Pence.format(line.get("paidPence").asLong()) + "</span>");
    String table = html.substring(html.indexOf("id=\"grant-" + ref + "\""));
    table = table.substring(0, table.indexOf("</table>"));
    for (JsonNode year : line.get("years")) {
      assertThat(table)
          .as(year.get("financialYear").asText())
          .contains(year.get("financialYear").asText())
          .contains(Pence.format(year.get("budgetPence").asLong()))
          .contains(Pence.format(year.get("spentPence").asLong()))
          .contains(Pence.format(year.get("paidPence").asLong()));
    }
    assertThat(line.get("years").get(0).get("spentPence").asLong()).isEqualTo(9_000_000L);

    assertThat(WebappLogin.tasklist(http, "camden").get("/grants").body()).contains(ref);
    assertThat(WebappLogin.tasklist(http, "applicant2").get("/grants").body()).doesNotContain(ref);
    assertThat(WebappLogin.tasklist(http, "mopac").get("/grants?borough=E09000012").body())
        .as("not delivered in Hackney")
        .doesNotContain(ref);
    assertThat(WebappLogin.tasklist(http, "mopac").get("/grants?borough=X0").statusCode())
        .isEqualTo(404);
    assertThat(WebappLogin.tasklist(http, "westminster-scrutiny").get("/grants").statusCode())
        .isEqualTo(403);
  }

  private static java.time.Instant at(LocalDate day) {
    return day.atTime(LocalTime.of(10, 0)).atZone(GrantDriver.LONDON).toInstant();
  }
}
