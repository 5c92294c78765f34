package london.cofund.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes RFC 9457 problem documents where Spring MVC's exception handling does not reach: the
 * security filters' 401 and 403.
 */
public final class ProblemResponses {

  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail,
      String basicRealm)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(ProblemTypes.of(status));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    if (basicRealm != null) {
      response.setHeader(
          "WWW-Authenticate", "Basic realm=\"" + basicRealm + "\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** 503 with Retry-After: the database cannot be reached ({@link DatabaseOutage}). */
  public static void writeUnavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
    write(
        request,
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        DatabaseOutage.TITLE,
        DatabaseOutage.DETAIL,
        null);
  }
}
