package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.WebappLogin;
import london.cofund.borough.LondonBorough;
import london.cofund.identity.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The scrutiny role at every door, as a table: Westminster's scrutiny committee ({@code
 * westminster-scrutiny}) against CoFund's pages (webapps session), {@code /api} and {@code /v3}
 * (Basic), engine-rest (Basic) and the webapps' logins. It may read Westminster's page, its
 * committee updates and {@code GET /api/boroughs/E09000033}, and sign in to Tasklist; everything
 * else is refused, or, in engine-rest, answers with nothing. A leak is a cell that was allowed but
 * should not have been. {@link AuthorizationMatrixTest} covers the same user against every human
 * task.
 */
@CoFundSpringTest
class ScrutinyDoorsTest {

  static final String USER = "westminster-scrutiny";
  static final String OWN = LondonBorough.WESTMINSTER.code();

  record Cell(String door, String what, boolean expected, boolean actual, int status) {
    boolean leak() {
      return actual && !expected;
    }
  }

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  final List<Cell> cells = new ArrayList<>();

  @Test
  void aScrutinyCommitteeReadsItsBoroughsPageUpdatesAndFiguresAndNothingElse() {
    HttpApi http = new HttpApi(port);
    WebappLogin session = WebappLogin.tasklist(http, USER);
    record("webapp login", "tasklist", true, session.status() == 200, session.status());
    for (String app : List.of("cockpit", "admin")) {
      int status = WebappLogin.to(http, app, USER, "demo").status();
      record("webapp login", app, false, status == 200, status);
    }

    page(session, "/boroughs/" + OWN, true);
    page(session, "/boroughs/" + OWN + "/committee-updates", true);
    page(session, "/boroughs/" + OWN + "/committee-updates/any/thing.pdf", true);
    for (String code : others()) {
      page(session, "/boroughs/" + code, false);
      page(session, "/boroughs/" + code + "/committee-updates", false);
    }
    for (String path :
        List.of(
            "/boroughs",
            "/boroughs/",
            "/funds",
            "/funds/LCPF-2017",
            "/mailbox",
            "/h2-console/",
            "/tasks/open?processInstanceId=x",
            "/swagger-ui.html",
            "/swagger-ui/index.html",
            "/v3/api-docs")) {
      page(session, path, false);
    }

    api(http.get("/api/boroughs/" + OWN, USER), "GET /api/boroughs/" + OWN, true);
    for (String code : others()) {
      api(http.get("/api/boroughs/" + code, USER), "GET /api/boroughs/" + code, false);
    }
    for (String path :
        List.of(
            "/api/rounds",
            "/api/rounds/ANY",
            "/api/rounds/ANY/export.csv",
            "/api/rounds/ANY/360giving.json",
            "/api/proposals/ANY-001",
            "/api/funds",
            "/api/funds/LCPF-2017",
            "/api/funds/LCPF-2017/changes",
            "/api/security/locks",
            "/v3/api-docs")) {
      api(http.get(path, USER), "GET " + path, false);
    }
    for (String path :
        List.of(
            "/api/rounds",
            "/api/rounds/ANY/eois",
            "/api/boroughs/" + OWN + "/services-at-risk",
            "/api/proposals/ANY-001/withdraw")) {
      api(http.post(path, USER, Map.of()), "POST " + path, false);
    }

    // A standalone task (outside every process): the engine skips authorization on its history
    // unless historic instance permissions are on (application.yml).
    Task standalone = tasks.newTask();
    standalone.setName("scrutiny-doors standalone task");
    tasks.saveTask(standalone);
    try {
      engineRestReads(http);
    } finally {
      tasks.deleteTask(standalone.getId(), true);
      history.deleteHistoricTaskInstance(standalone.getId());
    }
    for (String path :
        List.of(
            "/engine-rest/process-definition/key/fundingRound/start",
            "/engine-rest/message",
            "/engine-rest/signal")) {
      Response response = http.post(path, USER, Map.of("messageName", "x", "name", "x"));
      record("engine-rest", "POST " + path, false, ok(response), response.status());
    }

    // The engine's own default grant is left out: a group's members read the group itself.
    List<Authorization> granted =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(Roles.scrutinyGroup(OWN))
            .list()
            .stream()
            .filter(
                a ->
                    !(a.getResourceType() == Resources.GROUP.resourceType()
                        && Roles.scrutinyGroup(OWN).equals(a.getResourceId())))
            .toList();
    assertThat(granted)
        .as("the scrutiny group holds Tasklist's ACCESS and no other Camunda authorization")
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getResourceType()).isEqualTo(Resources.APPLICATION.resourceType());
              assertThat(a.getResourceId()).isEqualTo("tasklist");
              assertThat(a.isPermissionGranted(Permissions.ACCESS)).isTrue();
            });
    for (LondonBorough borough : LondonBorough.values()) {
      assertThat(identity.createGroupQuery().groupId(borough.scrutinyGroupId()).count())
          .as(borough.scrutinyGroupId())
          .isEqualTo(1);
    }

    long leaks = cells.stream().filter(Cell::leak).count();
    List<Cell> wrong = cells.stream().filter(c -> c.expected() != c.actual()).toList();
    wrong.forEach(c -> System.out.println("  MISMATCH " + c));
    System.out.println(
        USER
            + " across the doors: "
            + cells.size()
            + " checks, "
            + cells.stream().filter(Cell::actual).count()
            + " allowed, "
            + leaks
            + " leaks");
    assertThat(cells).as("no 5xx anywhere").allMatch(c -> c.status() < 500);
    assertThat(wrong).as("cells whose outcome differs from the scrutiny role's rights").isEmpty();
  }

  private void engineRestReads(HttpApi http) {
    for (String path :
        List.of(
            "/engine-rest/task",
            "/engine-rest/task/count",
            "/engine-rest/process-definition",
            "/engine-rest/process-instance",
            "/engine-rest/deployment",
            "/engine-rest/history/task",
            "/engine-rest/history/task/count",
            "/engine-rest/history/process-instance",
            "/engine-rest/history/variable-instance",
            "/engine-rest/decision-definition",
            "/engine-rest/user")) {
      Response response = http.get(path, USER);
      record("engine-rest", "GET " + path, false, reveals(response), response.status());
    }
  }

  /** The 31 other boroughs and London. */
  private static List<String> others() {
    List<String> codes = new ArrayList<>(LondonBorough.allCodes());
    codes.remove(OWN);
    codes.add("E12000007");
    return codes;
  }

  /**
   * A page: allowed is anything but 401, 403 or a redirect to the login (committee updates may be a
   * 404 until their pages exist).
   */
  private void page(WebappLogin session, String path, boolean expected) {
    int status = session.get(path).statusCode();
    record("page", path, expected, status != 401 && status != 403 && status != 302, status);
  }

  private void api(Response response, String what, boolean expected) {
    record("/api", what, expected, ok(response), response.status());
  }

  private static boolean ok(Response response) {
    return response.status() >= 200 && response.status() < 300;
  }

  /**
   * Whether an engine-rest read answered with anything: a list with an entry, or a count above 0.
   * The user's own profile does not count: the engine lets every user read themselves.
   */
  private static boolean reveals(Response response) {
    if (!ok(response)) {
      return false;
    }
    JsonNode body = response.json();
    if (!body.isArray()) {
      return body.path("count").asLong() > 0;
    }
    for (JsonNode entry : body) {
      if (!USER.equals(entry.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  private void record(String door, String what, boolean expected, boolean actual, int status) {
    cells.add(new Cell(door, what, expected, actual, status));
  }
}
