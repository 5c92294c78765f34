package london.cofund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.WebappLogin;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.identity.api.SecurityLocksController;
import london.cofund.proposal.Proposal;
import london.cofund.proposal.ProposalService;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.RoundService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Attacks on CoFund's HTTP doors, over real HTTP against the running application: each is refused
 * with a problem document, and nothing it aimed at has changed.
 *
 * <p>Attacks on the login throttle come from other loopback addresses (127.0.0.2 and up, see {@link
 * FromAddress}), so that the address the other tests use is never throttled.
 */
@CoFundSpringTest
class HttpDoorsAttackTest {

  private static final String EVIL = "https://evil.example";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String ATTACKER = "127.0.0.2";
  private static final String GUESSER = "127.0.0.3";
  private static final String WEB_GUESSER = "127.0.0.4";
  private static final int FIFTEEN_MEGABYTES = 15 * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;

  HttpApi http;

  @BeforeEach
  void setUp() {
    http = new HttpApi(port);
  }

  @AfterEach
  void liftEverything() {
    ClockUtil.reset();
    List.of(ATTACKER, GUESSER, WEB_GUESSER).forEach(throttle::lift);
    identity.setAuthentication("admin", List.of(Roles.ADMIN));
    try {
      List.of("admin", "wg", "leaders").forEach(identity::unlockUser);
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---- no cross-site state change

  @Test
  void crossSiteWithdrawThroughApiIsRefusedAndTheBidStands() {
    String ref = submittedEoi();
    Proposal before = proposals.get(ref);
    String withdraw = "/api/proposals/" + ref + "/withdraw";

    Response foreignOrigin = withdraw(withdraw, Map.of("Origin", EVIL));
    assertRefused(foreignOrigin, 403, "Origin: " + EVIL);
    assertRefused(withdraw(withdraw, Map.of("Sec-Fetch-Site", "cross-site")), 403, "cross-site");
    assertRefused(
        withdraw(
            withdraw, Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost")),
        403,
        "other.localhost");
    assertRefused(withdraw(withdraw, Map.of("Origin", "null")), 403, "Origin: null");

    assertThat(proposals.get(ref)).isEqualTo(before);
    assertThat(before.status()).isNotEqualTo(ProposalStatus.WITHDRAWN);

    // The same request from CoFund's own page, or from a script, goes through.
    Response ownPage =
        withdraw(withdraw, Map.of("Origin", http.url(""), "Sec-Fetch-Site", "same-origin"));
    assertThat(ownPage.status()).as(ownPage.body()).isEqualTo(200);
    assertThat(proposals.get(ref).status()).isEqualTo(ProposalStatus.WITHDRAWN);
  }

  @Test
  void formPostedBodyToTheApiIsRefusedWith415AndNothingIsStored() {
    String ref = submittedEoi();
    Proposal before = proposals.get(ref);
    String roundId = before.roundId();
    Map<String, Long> counts = rounds.proposalCounts(roundId);
    String eoi =
        HttpApi.jsonOf(Fixtures.eligibleEoi("Smuggled bid", FundDriver.CONTACT)).toString();

    // What an HTML form on any site may send without the browser asking first.
    for (String type :
        List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
      Response submit =
          http.send(
              http.request("/api/rounds/" + roundId + "/eois", "applicant1")
                  .header("Content-Type", type + "; boundary=x")
                  .POST(BodyPublishers.ofString(eoi)));
      assertRefused(submit, 415, type);
      Response withdraw =
          http.send(
              http.request("/api/proposals/" + ref + "/withdraw", "applicant1")
                  .header("Content-Type", type)
                  .POST(BodyPublishers.ofString("x=1")));
      assertRefused(withdraw, 415, "application/json");
    }

    assertThat(rounds.proposalCounts(roundId)).isEqualTo(counts);
    assertThat(proposals.get(ref)).isEqualTo(before);
  }

  @Test
  void crossSiteDeploymentByAdminIsRefusedAndNothingIsDeployed() {
    long deployments = repository.createDeploymentQuery().count();

    assertRefused(deploy("admin", Map.of("Origin", EVIL)), 403, "Origin");
    assertRefused(deploy("admin", Map.of("Sec-Fetch-Site", "cross-site")), 403, "cross-site");

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createDeploymentQuery().deploymentName(PROBE).count()).isZero();
  }

  @Test
  void deploymentFromABrowserIsRefusedEvenFromCoFundsOwnPages() {
    long deployments = repository.createDeploymentQuery().count();

    assertRefused(deploy("admin", Map.of("Origin", http.url(""))), 403, "Origin");
    assertRefused(deploy("admin", Map.of("Sec-Fetch-Mode", "cors")), 403, "Sec-Fetch-Mode");
    assertRefused(deploy("admin", Map.of("Cookie", "JSESSIONID=stolen")), 403, "Cookie");

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void deploymentByANonAdministratorIsRefusedAndNothingChanges() {
    long deployments = repository.createDeploymentQuery().count();
    Deployment existing = repository.createDeploymentQuery().list().get(0);

    assertRefused(deploy("mopac", Map.of()), 403, Roles.ADMIN);
    assertRefused(deploy("applicant1", Map.of()), 403, Roles.ADMIN);
    Response redeploy =
        http.post("/engine-rest/deployment/" + existing.getId() + "/redeploy", "mopac", "{}");
    assertRefused(redeploy, 403, Roles.ADMIN);
    Response delete =
        http.send(http.request("/engine-rest/deployment/" + existing.getId(), "mopac").DELETE());
    assertRefused(delete, 403, Roles.ADMIN);
    // Encoded, the path still names a deployment.
    assertRefused(deploy("mopac", Map.of(), "/engine-rest/%64eployment/create"), 403, Roles.ADMIN);

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createDeploymentQuery().deploymentId(existing.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void anAdministratorsScriptStillDeploys() {
    Response deployed = deploy("admin", Map.of());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    repository.deleteDeployment(deployed.json().get("id").asText(), true);
  }

  @Test
  void basicCredentialsOpenNoPageMeantForPeople() {
    for (String page : List.of("/mailbox", "/h2-console/", "/tasks/open?processInstanceId=x")) {
      Response withBasic = http.get(page, "admin");
      assertThat(withBasic.status()).as(page).isEqualTo(302);
      assertThat(withBasic.header("Location"))
          .as(page)
          .isEqualTo(http.url("/camunda/app/tasklist/default/"));
    }
  }

  @Test
  void crossSitePostToTheH2ConsoleIsRefusedEvenWithAnAdministratorsSession() {
    WebappLogin admin = WebappLogin.tasklist(http, "admin");
    assertThat(admin.get("/h2-console/").statusCode()).isEqualTo(200);

    var posted =
        admin.send(
            HttpRequest.newBuilder(java.net.URI.create(http.url("/h2-console/login.do")))
                .header("Origin", EVIL)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("sql=DROP+ALL+OBJECTS")));
    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(posted.body()).contains(EVIL);
  }

  // ---- limits

  @Test
  void fifteenMegabyteBodyIsRefusedWith413BeforeParsing() {
    long roundCount = rounds.all().size();
    String huge = hugeJson();

    Response api =
        http.send(
            http.request("/api/rounds", "mopac")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(huge)));
    assertRefused(api, 413, "1 MB");
    Response engine =
        http.send(
            http.request("/engine-rest/process-definition/key/fundingRound/start", "mopac")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(huge)));
    assertRefused(engine, 413, "1 MB");
    Response webapp =
        http.send(
            http.request("/camunda/api/admin/auth/user/default/login/tasklist", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=admin&password=" + huge)));
    assertRefused(webapp, 413, "1 MB");

    assertThat(rounds.all()).hasSize((int) roundCount);
  }

  @Test
  void fifteenMegabyteChunkedBodyIsRefusedWith413() {
    long roundCount = rounds.all().size();
    byte[] huge = hugeJson().getBytes(StandardCharsets.UTF_8);

    for (String path :
        List.of("/api/rounds", "/engine-rest/process-definition/key/fundingRound/start")) {
      Response chunked =
          http.send(
              http.request(path, "mopac")
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
      assertRefused(chunked, 413, "1 MB");
    }

    assertThat(rounds.all()).hasSize((int) roundCount);
  }

  // ---- throttling without lock-out

  @Test
  void tenWrongPasswordsNeverLockAnAccountForGood() {
    Instant now = Instant.now();
    FromAddress attacker = new FromAddress(ATTACKER, port);
    for (int guess = 1; guess <= 12; guess++) {
      // Each guess waits out the account's delay and the address's wait, as a patient attacker
      // would: every one reaches the engine's password check.
      now = now.plus(Duration.ofSeconds(61));
      ClockUtil.setCurrentTime(Date.from(now));
      FromAddress.Response response = attacker.get("/engine-rest/user", "admin", "guess-" + guess);
      assertThat(response.status()).as("guess " + guess).isEqualTo(401);
    }

    UserEntity admin = (UserEntity) identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getAttempts()).isEqualTo(12);
    assertThat(admin.getLockExpirationTime().toInstant())
        .isBeforeOrEqualTo(now.plus(Duration.ofSeconds(60)));

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(61))));
    Response signedIn = http.get("/api/rounds", "admin");
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsFromOneAddressAreThrottledWith429UntilAnAdministratorLiftsIt() {
    ClockUtil.setCurrentTime(new Date());
    FromAddress guesser = new FromAddress(GUESSER, port);
    for (int guess = 1; guess <= 10; guess++) {
      assertThat(guesser.get("/engine-rest/task", "wg", "guess-" + guess).status())
          .as("guess " + guess)
          .isEqualTo(401);
    }

    FromAddress.Response throttled = guesser.get("/api/rounds", "wg", "demo");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("2");
    assertThat(throttled.header("Content-Type")).startsWith(PROBLEM_JSON);
    assertThat(throttled.json().get("detail").asText()).contains(GUESSER, "2 seconds");

    // Only an administrator sees the locks, and lifts them.
    assertThat(http.get(SecurityLocksController.PATH, "mopac").status()).isEqualTo(403);
    assertRefused(
        http.delete(SecurityLocksController.PATH + "/addresses/" + GUESSER, "mopac"), 403, "");
    assertThat(guesser.get("/api/rounds", "wg", "demo").status()).isEqualTo(429);

    Response locks = http.get(SecurityLocksController.PATH, "admin");
    assertThat(locks.status()).as(locks.body()).isEqualTo(200);
    assertThat(locks.json().get("accounts").findValuesAsText("userId")).contains("wg");
    assertThat(addressLock(locks, GUESSER).get("failedLogins").asInt()).isEqualTo(10);
    assertThat(addressLock(locks, GUESSER).get("blockedUntil").isNull()).isFalse();

    assertThat(
            http.delete(SecurityLocksController.PATH + "/addresses/" + GUESSER, "admin").status())
        .isEqualTo(204);
    assertThat(http.delete(SecurityLocksController.PATH + "/wg", "admin").status()).isEqualTo(204);
    assertRefused(http.delete(SecurityLocksController.PATH + "/nobody", "admin"), 404, "nobody");

    assertThat(guesser.get("/api/rounds", "wg", "demo").status()).isEqualTo(200);
    Response after = http.get(SecurityLocksController.PATH, "admin");
    assertThat(after.json().get("accounts").findValuesAsText("userId")).doesNotContain("wg");
    assertThat(after.json().get("addresses").findValuesAsText("address")).doesNotContain(GUESSER);
  }

  @Test
  void failedWebappLoginsAreThrottledToo() {
    ClockUtil.setCurrentTime(new Date());
    FromAddress guesser = new FromAddress(WEB_GUESSER, port);
    for (int guess = 1; guess <= 10; guess++) {
      assertThat(webappLogin(guesser, "leaders", "guess-" + guess).status())
          .as("guess " + guess)
          .isEqualTo(401);
    }

    FromAddress.Response throttled = webappLogin(guesser, "leaders", "demo");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("2");
    assertThat(throttled.header("Content-Type")).startsWith(PROBLEM_JSON);

    // Waiting is enough: the address may try again once its wait is over.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    assertThat(webappLogin(guesser, "leaders", "demo").status()).isEqualTo(200);
  }

  // ---- helpers

  private static final String PROBE = "crossSiteProbe";

  /** A published round with one EOI of applicant1's, waiting for the boroughs' sign-off. */
  private String submittedEoi() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    String roundId = Fixtures.newRoundId("DOORS");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");
    rounds.agreeShortlist(
        roundId, List.of("CSE", "FEMALE_OFFENDING", "SEXUAL_VIOLENCE", "YOUTH_OFFENDING"));
    rounds.publish(roundId);
    return new FundDriver(context)
        .submit(roundId, Fixtures.eligibleEoi("Door test", FundDriver.CONTACT), "applicant1");
  }

  private Response withdraw(String path, Map<String, String> headers) {
    HttpRequest.Builder request = http.request(path, "applicant1").POST(BodyPublishers.noBody());
    headers.forEach(request::header);
    return http.send(request);
  }

  private Response deploy(String user, Map<String, String> headers) {
    return deploy(user, headers, "/engine-rest/deployment/create");
  }

  private Response deploy(String user, Map<String, String> headers, String path) {
    String boundary = "cofund-probe-boundary";
    String bpmn =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(PROBE)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done());
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + PROBE
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + PROBE
            + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder request =
        http.request(path, user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request);
  }

  /** The webapps' login as a browser makes it: CSRF cookie first, then the form with the token. */
  private static FromAddress.Response webappLogin(FromAddress from, String user, String password) {
    FromAddress.Response page = from.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    Map<String, String> cookies =
        page.headers("Set-Cookie").stream()
            .map(cookie -> cookie.split(";", 2)[0].split("=", 2))
            .collect(
                Collectors.toMap(
                    pair -> pair[0], pair -> pair[1], (a, b) -> b, LinkedHashMap::new));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Cookie",
        cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
            .collect(Collectors.joining("; ")));
    headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return from.send(
        "POST",
        "/camunda/api/admin/auth/user/default/login/tasklist",
        headers,
        "username=" + user + "&password=" + password);
  }

  private static com.fasterxml.jackson.databind.JsonNode addressLock(
      Response locks, String address) {
    for (var lock : locks.json().get("addresses")) {
      if (lock.get("address").asText().equals(address)) {
        return lock;
      }
    }
    throw new AssertionError(address + " is not among the locks: " + locks.body());
  }

  private static String hugeJson() {
    return "{\"roundId\":\"HUGE\",\"title\":\"" + "x".repeat(FIFTEEN_MEGABYTES) + "\"}";
  }

  private static void assertRefused(Response response, int status, String detailMentions) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith(PROBLEM_JSON);
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).contains(detailMentions);
  }
}
