package london.cofund.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.WebappLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API describes itself: the OpenAPI document that springdoc generates from the controllers
 * names every endpoint that docs/api.md documents, covers CoFund's own {@code /api} and nothing of
 * Camunda's, and is only for signed-in users.
 */
@CoFundSpringTest
class OpenApiDocumentTest {

  /** An endpoint as docs/api.md writes it: {@code POST /api/rounds}, in a heading or in prose. */
  private static final Pattern DOCUMENTED =
      Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) +(/api/[^\\s`)|,?]*)");

  private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

  /**
   * Endpoints for administrators that docs/security.md describes (the login locks), not
   * docs/api.md, which is written for MOPAC's and applicants' scripts.
   */
  private static final Set<String> DOCUMENTED_IN_SECURITY_MD =
      Set.of(
          "GET /api/security/locks",
          "DELETE /api/security/locks/{userId}",
          "DELETE /api/security/locks/addresses/{address}");

  @LocalServerPort int port;

  private HttpApi http;

  @BeforeEach
  void client() {
    http = new HttpApi(port);
  }

  @Test
  void everyEndpointThatDocsApiMdDocumentsIsInTheOpenApiDocument() throws IOException {
    Set<String> documented = documented(Path.of("docs/api.md"));
    assertThat(documented).as("docs/api.md names endpoints").hasSizeGreaterThanOrEqualTo(9);

    assertThat(generated()).containsAll(documented);
  }

  @Test
  void everyEndpointInTheOpenApiDocumentIsDocumentedInProse() throws IOException {
    Set<String> undocumented = new TreeSet<>(generated());
    undocumented.removeAll(documented(Path.of("docs/api.md")));

    assertThat(undocumented)
        .as("endpoints that neither docs/api.md nor docs/security.md describes")
        .isSubsetOf(DOCUMENTED_IN_SECURITY_MD);
    assertThat(documented(Path.of("docs/security.md"))).containsAll(DOCUMENTED_IN_SECURITY_MD);
  }

  @Test
  void theDocumentDescribesOnlyCoFundsOwnApiWithHttpBasic() {
    JsonNode document = http.get("/v3/api-docs", "applicant1").json();

    assertThat(document.get("info").get("title").asText()).isEqualTo("CoFund API");
    assertThat(document.get("paths").fieldNames())
        .toIterable()
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
  }

  @Test
  void anonymousCallersGetNeitherTheDocumentNorSwaggerUi() {
    for (String path :
        new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config"}) {
      Response anonymous = http.get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.body()).as(path).doesNotContain("/api/rounds");
    }
    for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html"}) {
      Response anonymous = http.get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(302);
      assertThat(anonymous.header("Location")).as(path).endsWith("/camunda/app/tasklist/default/");
    }
  }

  @Test
  void unknownCredentialsGetNoDocument() {
    // A user nobody has: a wrong password for a real demo user would make the engine delay that
    // user's next logins, and other tests share the demo users.
    Response wrong =
        http.send(
            http.request("/v3/api-docs", null)
                .header("Authorization", HttpApi.basic("no-such-user", "not-the-password")));

    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void aPersonSignedInToTasklistReadsSwaggerUiAndTheDocument() {
    WebappLogin session = WebappLogin.tasklist(http, "applicant1");

    HttpResponse<String> page = session.get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    HttpResponse<String> document = session.get("/v3/api-docs");
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/rounds/{roundId}");
  }

  @Test
  void basicLoginBlocksSwaggerUiButNotTheDocument() {
    // Swagger UI is a page for people, signed in through the webapps like the mailbox: a browser's
    // remembered Basic credentials do not open it. Scripts read the document itself with Basic.
    assertThat(http.get("/swagger-ui/index.html", "applicant1").status()).isEqualTo(302);
    assertThat(http.get("/v3/api-docs", "applicant1").status()).isEqualTo(200);
  }

  /** "METHOD /path" for every operation of the generated document. */
  private Set<String> generated() {
    Response response = http.get("/v3/api-docs", "mopac");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Set<String> endpoints = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = response.json().get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (HTTP_METHODS.contains(method)) {
                  endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
              });
    }
    return endpoints;
  }

  /** "METHOD /path" for every endpoint a Markdown file names, in headings, tables or prose. */
  static Set<String> documented(Path markdown) throws IOException {
    Set<String> endpoints = new TreeSet<>();
    Matcher matcher = DOCUMENTED.matcher(Files.readString(markdown));
    while (matcher.find()) {
      endpoints.add(matcher.group(1) + " " + matcher.group(2));
    }
    return endpoints;
  }
}
