package london.cofund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with the Camunda webapps, as a person gets it: a GET of the app for the CSRF
 * cookie, then the login form posted with the token. Its cookies then open CoFund's own pages
 * ({@code /mailbox}, {@code /tasks/open}, {@code /h2-console}). Redirects are not followed.
 */
public final class WebappLogin {

  private final HttpApi http;
  private final HttpClient browser;
  private final CookieManager cookies = new CookieManager();
  private final int status;

  private WebappLogin(HttpApi http, String user, String password, String app) {
    this.http = http;
    this.browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    send(HttpRequest.newBuilder(URI.create(http.url("/camunda/app/" + app + "/default/"))));
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    this.status =
        send(HttpRequest.newBuilder(
                    URI.create(http.url("/camunda/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)))
            .statusCode();
  }

  /** Signs in to Tasklist with the demo password. */
  public static WebappLogin tasklist(HttpApi http, String user) {
    return new WebappLogin(http, user, "demo", "tasklist");
  }

  /** Signs in to one webapp (tasklist, cockpit, admin) with a password. */
  public static WebappLogin to(HttpApi http, String app, String user, String password) {
    return new WebappLogin(http, user, password, app);
  }

  /** The login's status: 200 signed in, 401 wrong password, 403 not allowed into the app. */
  public int status() {
    return status;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(http.url(path))).GET());
  }

  /**
   * A POST of JSON as Tasklist sends it to the webapps' engine API: with the session's cookie and
   * its CSRF token, asking for the given type ({@code application/hal+json} for Tasklist's lists).
   * The body is written as {@link HttpApi} writes it.
   */
  public HttpResponse<String> postJson(String path, String accept, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(http.url(path)))
            .header("Accept", accept)
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrfToken())
            .POST(HttpApi.publisher(body)));
  }

  /** A GET whose body is binary, such as a PDF. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return browser.send(
          HttpRequest.newBuilder(URI.create(http.url(path)))
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("The webapp set no XSRF-TOKEN cookie"));
  }

  /** Any request, with the session's cookies. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return browser.send(
          request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
