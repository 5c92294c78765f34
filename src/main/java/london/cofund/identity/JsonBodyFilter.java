package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import london.cofund.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 415, a change to {@code /api} that carries a body which does not say it is JSON.
 *
 * <p>An HTML form on any site can post {@code text/plain}, {@code multipart/form-data} or {@code
 * application/x-www-form-urlencoded} without the browser asking first; only JSON needs the
 * browser's preflight, which CoFund never grants to another site. So a body that is not declared
 * JSON cannot be a genuine API call. A change without a body (withdraw) needs no content type.
 *
 * <p>One door takes CSV: {@code POST /api/funds/{fundId}/allocations} accepts {@code text/csv}, and
 * only that. {@code text/csv} is not one of the types a page may send without the preflight either,
 * so the same reasoning holds for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class JsonBodyFilter extends OncePerRequestFilter {

  private static final String JSON_SUFFIX = "+json";
  private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpPaths.changesState(request)
        || !HttpPaths.isUnder(request, HttpPaths.API)
        || !HttpPaths.hasBody(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isJson(request.getContentType()) || isCsvUpload(request)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.write(
        request,
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported media type",
        "The body of a change to /api must be JSON: send Content-Type: application/json (this"
            + " request sent "
            + (request.getContentType() == null
                ? "no Content-Type"
                : "Content-Type: " + request.getContentType())
            + ").",
        null);
  }

  /** A POST of {@code text/csv} to the allocations upload, the one door that takes CSV. */
  static boolean isCsvUpload(HttpServletRequest request) {
    if (!"POST".equalsIgnoreCase(request.getMethod())
        || !HttpPaths.ALLOCATIONS_UPLOAD.matcher(HttpPaths.path(request)).matches()) {
      return false;
    }
    String contentType = request.getContentType();
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      // MediaType keeps its type and subtype in lower case; a charset parameter may follow.
      return TEXT_CSV.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      // MediaType keeps its type and subtype in lower case.
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.getType().equals(type.getType())
          && (MediaType.APPLICATION_JSON.getSubtype().equals(type.getSubtype())
              || type.getSubtype().endsWith(JSON_SUFFIX));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
