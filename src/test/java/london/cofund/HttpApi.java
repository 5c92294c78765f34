package london.cofund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for tests that call the running application as its users would: JSON bodies,
 * HTTP Basic with a demo login (password {@code demo}), no redirects followed.
 */
public final class HttpApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper JSON_WITH_DATES =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HttpApi(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response with its body as text, and as JSON when asked. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String path, String user) {
    return send(request(path, user).GET());
  }

  public Response post(String path, String user, Object body) {
    return send(
        request(path, user).POST(publisher(body)).header("Content-Type", "application/json"));
  }

  /** A POST that asks for HAL, as Tasklist does for a filter's task list with its variables. */
  public Response postHal(String path, String user, Object body) {
    return send(
        request(path, user)
            .POST(publisher(body))
            .header("Content-Type", "application/json")
            .setHeader("Accept", "application/hal+json"));
  }

  public Response put(String path, String user, Object body) {
    return send(
        request(path, user).PUT(publisher(body)).header("Content-Type", "application/json"));
  }

  public Response delete(String path, String user) {
    return send(request(path, user).DELETE());
  }

  public String url(String path) {
    return base + path;
  }

  /**
   * A request to the application, as the user (or anonymous), for a test that sets its own headers
   * and body; send it with {@link #send}.
   */
  public HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    if (user != null) {
      builder.header("Authorization", basic(user, "demo"));
    }
    return builder;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request body as JSON: text as it is, anything else written by Jackson. */
  static HttpRequest.BodyPublisher publisher(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A request object (a form record, a map) as an editable JSON tree, dates as ISO-8601 text with
   * offset: tests change one field of a valid request to make it invalid.
   */
  public static ObjectNode jsonOf(Object value) {
    return JSON_WITH_DATES.valueToTree(value);
  }

  /**
   * engine-rest's typed variables, {@code {"name": {"value": v, "type": "Boolean"}}}, from
   * name-value pairs: Boolean, Integer, Long and Double values carry their type; anything else is
   * sent untyped.
   */
  public static Map<String, Object> engineVariables(Object... nameValuePairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      Object value = nameValuePairs[i + 1];
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("value", value);
      String type =
          value instanceof Boolean
              ? "Boolean"
              : value instanceof Integer
                  ? "Integer"
                  : value instanceof Long ? "Long" : value instanceof Double ? "Double" : null;
      if (type != null) {
        typed.put("type", type);
      }
      variables.put((String) nameValuePairs[i], typed);
    }
    return variables;
  }

  /**
   * {@code POST /engine-rest/task/{id}/complete} as the user, with typed variables (see {@link
   * #engineVariables}).
   */
  public Response completeTask(String taskId, String user, Object... nameValuePairs) {
    return post(
        "/engine-rest/task/" + taskId + "/complete",
        user,
        Map.of("variables", engineVariables(nameValuePairs)));
  }

  /** {@code POST /engine-rest/task/{id}/claim} for the user, as that user. */
  public Response claimTask(String taskId, String user) {
    return post("/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user));
  }
}
