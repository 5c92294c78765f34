package london.cofund.system;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/** The {@code type} URIs of CoFund's problem documents, one per kind of failure. */
public final class ProblemTypes {

  public static final URI INVALID_REQUEST = URI.create("urn:cofund:problem:invalid-request");
  public static final URI NOT_FOUND = URI.create("urn:cofund:problem:not-found");
  public static final URI CONFLICT = URI.create("urn:cofund:problem:conflict");
  public static final URI UNAUTHORIZED = URI.create("urn:cofund:problem:unauthorized");
  public static final URI FORBIDDEN = URI.create("urn:cofund:problem:forbidden");
  public static final URI TOO_LARGE = URI.create("urn:cofund:problem:request-too-large");
  public static final URI TOO_MANY_REQUESTS = URI.create("urn:cofund:problem:too-many-requests");
  public static final URI UNAVAILABLE = URI.create("urn:cofund:problem:temporarily-unavailable");
  public static final URI INTERNAL = URI.create("urn:cofund:problem:internal-error");

  private ProblemTypes() {}

  static URI of(HttpStatusCode status) {
    return switch (status.value()) {
      case 400, 405, 406, 415 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 413 -> TOO_LARGE;
      case 429 -> TOO_MANY_REQUESTS;
      case 503 -> UNAVAILABLE;
      default -> INTERNAL;
    };
  }
}
