package london.cofund.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import london.cofund.HttpApi;

/**
 * A bare HTTP/1.1 client that connects from a loopback address of the test's choosing (127.0.0.2,
 * 127.0.0.3, ...), to play a second machine: the login throttle counts per client address, and
 * Java's HttpClient cannot choose the address it connects from. One request per connection.
 */
final class FromAddress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String address;
  private final int port;

  FromAddress(String address, int port) {
    this.address = address;
    this.port = port;
  }

  String address() {
    return address;
  }

  /** A response: status, headers (names in lower case, each with its values) and body. */
  record Response(int status, Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  /** A GET with HTTP Basic credentials. */
  Response get(String path, String user, String password) {
    return send("GET", path, Map.of("Authorization", HttpApi.basic(user, password)), null);
  }

  Response send(String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: localhost:")
            .append(port)
            .append("\r\nConnection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("localhost", port), 5000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    if (encoding.stream().anyMatch(value -> value.equalsIgnoreCase("chunked"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at);
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }
}
