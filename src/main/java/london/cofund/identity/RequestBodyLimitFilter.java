package london.cofund.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import london.cofund.system.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code cofund.security.max-request-body} with 413 before anything
 * parses it, on every path: {@code /api}, engine-rest and the webapps' own API alike.
 *
 * <p>A body that announces its length is judged by its {@code Content-Length}. A chunked body
 * announces nothing, so it is read here, up to one byte past the limit, and handed on from memory:
 * a parser further in never sees more than the limit. Form posts are the exception: the container
 * parses them into parameters from its own stream, and caps them itself ({@code
 * server.tomcat.max-http-form-post-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long limit;

  RequestBodyLimitFilter(HttpDefenceProperties properties) {
    this.limit = properties.maxRequestBody().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      refuse(request, response);
      return;
    }
    if (HttpPaths.isChunked(request) && !isForm(request)) {
      byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
      if (body.length > limit) {
        refuse(request, response);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // The rest of the body stays unread: the connection cannot carry another request.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    ProblemResponses.write(
        request,
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Request body too large",
        "The request body is larger than " + describe(limit) + ", the most CoFund accepts.",
        null);
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private static String describe(long bytes) {
    long mega = 1024 * 1024;
    if (bytes % mega == 0) {
      return bytes / mega + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }

  /** The request with its (already read, small enough) body served from memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return available() == 0;
        }

        @Override
        public int available() {
          try {
            return bytes.available();
          } catch (IOException e) {
            return 0;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("A buffered body is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
