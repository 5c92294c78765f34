package london.cofund.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;

/**
 * The EOI form as a browser without JavaScript posts it: field by field, with the button pressed as
 * {@code action}. Starts from a complete, eligible bid in Westminster, Camden and Islington.
 */
final class PortalForms {

  static final String WESTMINSTER = "E09000033";
  static final String CAMDEN = "E09000007";
  static final String ISLINGTON = "E09000019";

  private final Map<String, List<String>> fields = new LinkedHashMap<>();

  static PortalForms eligible(String title) {
    PortalForms f = new PortalForms();
    f.set("title", title)
        .set("summary", "Women's centres across three boroughs")
        .set("scope", "SUB_REGIONAL")
        .set("leadAgency.name", "Advance")
        .set("leadAgency.type", "VOLUNTARY_SECTOR")
        .set("leadAgency.contactName", "Abi Lead")
        .set("leadAgency.contactEmail", "abi.lead@advance.example.org")
        .set("leadershipStatement", "Advance has led pan-London consortia since 2010.")
        .set("priorityThemes", "FEMALE_OFFENDING")
        .set("requestedAmount", "1200000")
        .set("durationMonths", "36");
    f.partner(0, "Westminster City Council", "LOCAL_AUTHORITY", WESTMINSTER, true);
    f.partner(1, "Camden Council", "LOCAL_AUTHORITY", CAMDEN, true);
    f.partner(2, "Islington Council", "LOCAL_AUTHORITY", ISLINGTON, true);
    return f.boroughs(WESTMINSTER, CAMDEN, ISLINGTON);
  }

  PortalForms set(String name, String value) {
    fields.put(name, new ArrayList<>(List.of(value)));
    return this;
  }

  PortalForms boroughs(String... codes) {
    fields.put("deliveryBoroughs", new ArrayList<>(List.of(codes)));
    return this;
  }

  PortalForms partner(int row, String name, String type, String borough, boolean core) {
    set("partners[" + row + "].name", name);
    set("partners[" + row + "].type", type);
    set("partners[" + row + "].boroughCode", borough);
    if (core) {
      set("partners[" + row + "].coreSupporting", "true");
    } else {
      fields.remove("partners[" + row + "].coreSupporting");
    }
    return this;
  }

  String encoded(String action) {
    StringBuilder body = new StringBuilder("action=" + encode(action));
    fields.forEach(
        (name, values) ->
            values.forEach(
                v -> body.append('&').append(encode(name)).append('=').append(encode(v))));
    return body.toString();
  }

  HttpResponse<String> post(WebappLogin user, HttpApi http, String path, String action) {
    return postBody(user, http, path, encoded(action));
  }

  /** Posts a form body as {@code user}, or as nobody signed in when {@code user} is null. */
  static HttpResponse<String> postBody(WebappLogin user, HttpApi http, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(http.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", http.url(""))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      return user.send(request);
    }
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The draft's id from the redirect after its first save. */
  static String draftId(HttpResponse<String> saved) {
    String location = saved.headers().firstValue("Location").orElseThrow();
    Matcher m = Pattern.compile("/apply/drafts/([0-9a-f-]+)").matcher(location);
    if (!m.find()) {
      throw new AssertionError("Not a draft's address: " + location);
    }
    return m.group(1);
  }

  /** The version a page's form will save over. */
  static int version(String page) {
    Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    if (!m.find()) {
      throw new AssertionError("No version on the page");
    }
    return Integer.parseInt(m.group(1));
  }

  /** The path of the invitation mailed to {@code email} about a draft titled {@code title}. */
  static String invitationPath(
      com.icegreen.greenmail.util.GreenMail sink, String email, String title) {
    List<london.cofund.Mailbox.Mail> mails =
        new london.cofund.Mailbox(sink)
            .all().stream()
                .filter(m -> m.to().contains(email) && m.subject().contains(title))
                .toList();
    if (mails.size() != 1) {
      throw new AssertionError(mails.size() + " invitations to " + email + " about " + title);
    }
    Matcher m =
        Pattern.compile("https?://[^/\\s]+(/apply/invitations/[A-Za-z0-9_-]+)")
            .matcher(mails.get(0).text());
    if (!m.find()) {
      throw new AssertionError("No invitation link in: " + mails.get(0).text());
    }
    return m.group(1);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
