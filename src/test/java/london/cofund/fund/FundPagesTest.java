package london.cofund.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /funds}: the fund's page, signed in through the webapps. MOPAC changes a fund there under
 * the API's rules; a refusal shows GOV.UK's error summary and keeps what was typed.
 */
@CoFundSpringTest
class FundPagesTest {

  @LocalServerPort int port;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  @Test
  void everyoneSignedInSeesTheFundsButOnlyMopacGetsTheForm() {
    HttpResponse<String> list = WebappLogin.tasklist(http, "westminster").get("/funds");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("London Crime Prevention Fund 2017-21")
        .contains("govuk-frontend.min.css");

    HttpResponse<String> lcpf = WebappLogin.tasklist(http, "westminster").get("/funds/LCPF-2017");
    assertThat(lcpf.body())
        .contains("£12,725,764 (70%)")
        .contains("£5,453,899 (30%)")
        .doesNotContain("Change the fund");
    assertThat(WebappLogin.tasklist(http, "mopac").get("/funds/LCPF-2017").body())
        .contains("Change the fund");
  }

  @Test
  void pagesTakeTheWebappsSessionNeverBasic() {
    HttpApi.Response anonymous = http.get("/funds", null);
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/camunda/app/tasklist/default/");
    assertThat(http.get("/funds", "mopac").status()).as("Basic is not a way in").isEqualTo(302);
  }

  @Test
  void mopacChangesAFundWithAReasonAndARefusalKeepsWhatWasTyped() {
    String fundId = Fixtures.newRoundId("F-PG");
    assertThat(http.post("/api/funds", "mopac", FundApiTest.fund(fundId)).status()).isEqualTo(201);
    WebappLogin mopac = WebappLogin.tasklist(http, "mopac");

    HttpResponse<String> refused = post(mopac, fundId, "10000000", "abc", "", "Reason <b>bold</b>");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#years-1-coCommissioningPercent\"")
        .contains("2027/28 co-commissioning share must be a whole number")
        .contains("value=\"abc\"")
        .contains("Reason &lt;b&gt;bold&lt;/b&gt;");
    assertThat(http.get("/api/funds/" + fundId + "/changes", "mopac").json()).hasSize(1);

    HttpResponse<String> noReason = post(mopac, fundId, "10000000", "40", "", "");
    assertThat(noReason.body()).contains("href=\"#reason\"").contains("is required: say why");

    HttpResponse<String> saved =
        post(mopac, fundId, "10000000", "40", "", "PCD 310: more for co-commissioning");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .endsWith("/funds/" + fundId + "?saved");
    assertThat(
            http.get("/api/funds/" + fundId, "mopac")
                .json()
                .get("years")
                .get(1)
                .get("coCommissioningPercent")
                .asInt())
        .isEqualTo(40);
    assertThat(mopac.get("/funds/" + fundId + "?saved").body())
        .contains("The fund is changed")
        .contains("PCD 310: more for co-commissioning");
  }

  @Test
  void onlyMopacMayPostAChange() {
    WebappLogin westminster = WebappLogin.tasklist(http, "westminster");
    HttpResponse<String> refused = post(westminster, "LCPF-2017", "19682137", "0", "", "no");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(http.get("/api/funds/LCPF-2017/changes", "mopac").json().toString())
        .doesNotContain("westminster");
  }

  /** The change form as a browser posts it: year 2 of the fund's three gets the values. */
  private HttpResponse<String> post(
      WebappLogin user,
      String fundId,
      String total,
      String percent,
      String ignored,
      String reason) {
    List<String> years =
        fundId.equals("LCPF-2017")
            ? List.of("2017/18", "2018/19", "2019/20", "2020/21")
            : List.of("2026/27", "2027/28", "2028/29");
    StringBuilder form = new StringBuilder("name=" + encode("Fund " + fundId));
    for (int i = 0; i < years.size(); i++) {
      form.append("&financialYear=").append(encode(years.get(i)));
      form.append("&total=").append(i == 1 ? encode(total) : "10000000");
      form.append("&coCommissioningPercent=").append(i == 1 ? encode(percent) : "30");
    }
    form.append("&minProjects=5&maxProjects=8&reason=").append(encode(reason));
    return user.send(
        HttpRequest.newBuilder(URI.create(http.url("/funds/" + fundId)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", http.url(""))
            .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
