package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import london.cofund.environment.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * Sessions across nodes ({@code prod}: Spring Session JDBC). A person signs in to Tasklist on node
 * A, as the browser does (the app's page for the CSRF cookie, then the login form with the token in
 * X-XSRF-TOKEN); the same cookies then work on node B: Tasklist's REST calls read, a POST with the
 * same CSRF token is accepted and one without it refused; signing out on B signs out on A. The
 * cookies are kept by hand: prod marks them Secure, which Java's cookie handler would not send over
 * plain HTTP.
 */
@RequiresPostgres
class SessionsAcrossNodesIT {

  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final Map<String, String> cookies = new LinkedHashMap<>();
  final Map<String, String> cookiePaths = new LinkedHashMap<>();

  @Test
  void signedInOnOneNodeTheSameCookiesWorkOnTheOther() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.prod("sessions", List.of(List.of(), List.of()))) {
      cluster.startAll();
      AppProcess a = cluster.node(0);
      AppProcess b = cluster.node(1);

      send(a, "GET", "/camunda/app/tasklist/default/", null, false);
      String form =
          "username=admin&password="
              + URLEncoder.encode(ClusterNodes.ADMIN_PASSWORD, StandardCharsets.UTF_8);
      int login =
          send(
                  a,
                  "POST",
                  "/camunda/api/admin/auth/user/default/login/tasklist",
                  form,
                  true,
                  "Content-Type",
                  "application/x-www-form-urlencoded")
              .statusCode();

      HttpResponse<String> whoOnB =
          send(b, "GET", "/camunda/api/admin/auth/user/default", null, false);
      int tasksOnB =
          send(b, "GET", "/camunda/api/engine/engine/default/task/count", null, false).statusCode();
      int postWithTokenOnB =
          send(
                  b,
                  "POST",
                  "/camunda/api/engine/engine/default/task/count",
                  "{}",
                  true,
                  "Content-Type",
                  "application/json")
              .statusCode();
      long sessionsInDatabase = cluster.count("select count(*) from spring_session");
      // Without the token: refused, and the webapps' CSRF filter ends the session it came with.
      int postWithoutTokenOnB =
          send(
                  b,
                  "POST",
                  "/camunda/api/engine/engine/default/task/count",
                  "{}",
                  false,
                  "Content-Type",
                  "application/json")
              .statusCode();
      long sessionsAfterRefusal = cluster.count("select count(*) from spring_session");
      int whoOnAAfterRefusal =
          send(a, "GET", "/camunda/api/admin/auth/user/default", null, false).statusCode();

      System.out.printf(
          "Sessions across nodes (prod, Spring Session JDBC): login on A %d; on B with A's"
              + " cookies: who am I %d (%s), task count %d, POST with the CSRF token %d;"
              + " sessions in the database %d; POST on B without the token %d, sessions then %d,"
              + " who am I on A then %d; cookies %s%n",
          login,
          whoOnB.statusCode(),
          whoOnB.body(),
          tasksOnB,
          postWithTokenOnB,
          sessionsInDatabase,
          postWithoutTokenOnB,
          sessionsAfterRefusal,
          whoOnAAfterRefusal,
          cookiePaths);

      assertThat(login).isEqualTo(200);
      assertThat(whoOnB.statusCode()).isEqualTo(200);
      assertThat(whoOnB.body()).contains("\"userId\":\"admin\"");
      assertThat(tasksOnB).isEqualTo(200);
      assertThat(postWithTokenOnB).isEqualTo(200);
      assertThat(sessionsInDatabase).isOne();
      assertThat(postWithoutTokenOnB).isEqualTo(403);
      assertThat(sessionsAfterRefusal).as("the session ended on B is gone for A too").isZero();
      assertThat(whoOnAAfterRefusal).isIn(401, 404);
      assertThat(cookiePaths.get("SESSION")).contains("Path=/").contains("HttpOnly");
      assertThat(cookiePaths.get("XSRF-TOKEN")).contains("Path=/camunda");
    }
  }

  /** One request with the cookies so far, keeping those the answer sets. */
  HttpResponse<String> send(
      AppProcess node, String method, String path, String body, boolean csrf, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    if (csrf && cookies.containsKey("XSRF-TOKEN")) {
      request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String[] parts = set.split(";");
      String[] pair = parts[0].split("=", 2);
      cookies.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
      String attributes =
          java.util.Arrays.stream(parts)
              .skip(1)
              .map(String::trim)
              .filter(p -> !p.startsWith("Expires") && !p.startsWith("Max-Age"))
              .collect(Collectors.joining("; "));
      cookiePaths.put(pair[0].trim(), attributes);
    }
    return response;
  }
}
