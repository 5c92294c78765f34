package london.cofund.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.WebappLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CoFund's home page at {@code /}: open to all, and each signed-in role sees its own doors. */
@CoFundSpringTest
class HomePageTest {

  @LocalServerPort int port;
  HttpApi http;

  @BeforeEach
  void client() {
    http = new HttpApi(port);
  }

  @Test
  void aStrangerSeesCoFundAndHowToSignInNotCamundasWelcome() {
    HttpApi.Response home = http.get("/", null);
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body())
        .contains("<h1 class=\"govuk-heading-xl\">CoFund</h1>", "Sign in")
        .doesNotContain("Your work")
        .doesNotContain("Camunda Welcome");
  }

  @Test
  void eachRoleSeesWhereItsWorkIs() {
    String westminster = page("westminster");
    assertThat(westminster)
        .contains("Your work, westminster", "Westminster&#39;s page", "/boroughs/E09000033")
        .contains("Dashboard", "Tasklist")
        .doesNotContain("/mailbox")
        .doesNotContain("/camunda/app/admin/default/");

    String mopac = page("mopac");
    assertThat(mopac).contains("Cockpit", "/mailbox", "/funds", "Dashboard");

    String applicant = page("applicant1");
    assertThat(applicant).contains("/apply", "Apply for funding").doesNotContain("Cockpit");

    String admin = page("admin");
    assertThat(admin).contains("/camunda/app/admin/default/");
  }

  private String page(String user) {
    HttpResponse<String> response = WebappLogin.tasklist(http, user).get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
