package london.cofund.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import london.cofund.HttpApi;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;

/**
 * The roles' steps over HTTP against an {@link AppProcess}, by the real clock: the API for MOPAC
 * and applicants, engine-rest for the tasks.
 */
final class FundOverHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  final AppProcess app;

  FundOverHttp(AppProcess app) {
    this.app = app;
  }

  // ---- a round open for EOIs, over HTTP as the roles would

  /** A round through consultation, short list and sign-off, until it takes EOIs. */
  String openRoundForEois(String prefix) throws Exception {
    String roundId = Fixtures.newRoundId(prefix);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ObjectNode round = HttpApi.jsonOf(Fixtures.round(roundId, now.toInstant()));
    app.expect(201, app.send("POST", "/api/rounds", "mopac", round.toString()));
    for (JsonNode task : tasks(roundId, "Task_CommentOnPriorities", 32)) {
      complete(task, "admin", Map.of("priorityComments", Map.of("value", "Agreed.")));
    }
    complete(
        tasks(roundId, "Task_AgreeShortlist", 1).get(0),
        "mopac",
        Map.of("shortlist", Map.of("value", "CSE,FEMALE_OFFENDING")));
    complete(
        tasks(roundId, "Task_ReviewShortlist", 1).get(0),
        "wg",
        Map.of("workingGroupComments", Map.of("value", "Agreed.")));
    complete(
        tasks(roundId, "Task_SignOffProspectus", 1).get(0),
        "leaders",
        Map.of("prospectusApproved", Map.of("value", true, "type", "Boolean")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode view =
          JSON.readTree(app.send("GET", "/api/rounds/" + roundId, "mopac", null).body());
      if ("OPEN_FOR_EOIS".equals(view.get("stage").asText())) {
        return roundId;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Round " + roundId + " never opened for EOIs");
  }

  /** The open tasks of one key in a process, once at least {@code expected} are there. */
  List<JsonNode> tasks(String roundId, String key, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode list =
          JSON.readTree(
              app.send(
                      "GET",
                      "/engine-rest/task?maxResults=100&processInstanceBusinessKey="
                          + roundId
                          + "&taskDefinitionKey="
                          + key,
                      "admin",
                      null)
                  .body());
      if (list.size() >= expected) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(found::add);
        return found;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("No " + key + " for round " + roundId);
  }

  void complete(JsonNode task, String user, Map<String, Object> variables) throws Exception {
    app.expect(
        204,
        retryingConflicts(
            "POST",
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            user,
            JSON.writeValueAsString(Map.of("variables", variables))));
  }

  static String eoi(String title) {
    return HttpApi.jsonOf(Fixtures.eligibleEoi(title, FundDriver.CONTACT)).toString();
  }

  // ---- a proposal's steps, up to its assessment

  /** Submits an eligible EOI as the applicant and answers with its reference. */
  String submitEoi(String roundId, String title, String applicant) throws Exception {
    return JSON.readTree(
            app.expect(
                    201,
                    app.send("POST", "/api/rounds/" + roundId + "/eois", applicant, eoi(title)))
                .body())
        .get("reference")
        .asText();
  }

  /**
   * Takes an EOI to its assessment: its three boroughs confirm (through the administrator), MOPAC
   * accepts, the applicant submits the full proposal, and two assessors each score it {@code score}
   * on every criterion.
   */
  void toAssessed(String reference, String title, String applicant, int score) throws Exception {
    for (JsonNode task : tasks(reference, "Task_ConfirmCorePartner", 3)) {
      complete(task, "admin", typed("corePartnerConfirmed", true));
    }
    complete(
        tasks(reference, "Task_GiveEoiFeedback", 1).get(0),
        "mopac",
        typed("eoiOutcome", "ACCEPT", "eoiFeedback", "A strong partnership: develop it."));
    tasks(reference, "Task_SubmitFullProposal", 1);
    app.expect(
        200,
        retryingConflicts(
            "PUT",
            "/api/proposals/" + reference + "/full-proposal",
            applicant,
            HttpApi.jsonOf(Fixtures.fullProposal(Fixtures.eligibleEoi(title, FundDriver.CONTACT)))
                .toString()));
    List<JsonNode> assessments = tasks(reference, "Task_AssessProposal", 2);
    for (int a = 0; a < 2; a++) {
      String assessor = "assessor" + (a + 1);
      JsonNode task = assessments.get(a);
      app.expect(
          204,
          app.send(
              "POST",
              "/engine-rest/task/" + task.get("id").asText() + "/claim",
              assessor,
              JSON.writeValueAsString(Map.of("userId", assessor))));
      complete(
          task,
          assessor,
          typed(
              "conflictOfInterest", false,
              "scoreStrategicFit", score,
              "scoreNeed", score,
              "scorePartnership", score,
              "scoreDeliverability", score,
              "scoreValueForMoney", score,
              "assessmentComments", assessor + " scored " + reference + "."));
    }
  }

  // ---- the round's deadlines and decision

  /**
   * The round's timer at {@code activityId} fires now, as if its date had come: engine-rest runs
   * the job.
   */
  void fireTimer(String roundId, String activityId) throws Exception {
    String instance = instanceId(roundId);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode jobs =
          JSON.readTree(
              app.send(
                      "GET",
                      "/engine-rest/job?timers=true&processInstanceId="
                          + instance
                          + "&activityId="
                          + activityId,
                      "admin",
                      null)
                  .body());
      if (jobs.size() == 1) {
        app.expect(
            204,
            app.send(
                "POST",
                "/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute",
                "admin",
                null));
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("No timer " + activityId + " in round " + roundId);
  }

  /** The working group decides as recommended. */
  void decideAsRecommended(String roundId) throws Exception {
    JsonNode task = tasks(roundId, "Task_DecideFunding", 1).get(0);
    JsonNode variables =
        JSON.readTree(
            app.expect(
                    200,
                    app.send(
                        "GET",
                        "/engine-rest/task/" + task.get("id").asText() + "/variables",
                        "wg",
                        null))
                .body());
    Map<String, Object> decision = new java.util.LinkedHashMap<>();
    for (String name : List.of("fundedReferences", "deferredReferences")) {
      JsonNode variable = variables.get(name);
      decision.put(
          name, Map.of("value", variable.get("value"), "type", variable.get("type").asText()));
    }
    decision.put("decisionRationale", Map.of("value", "As recommended.", "type", "String"));
    complete(task, "wg", decision);
  }

  String instanceId(String businessKey) throws Exception {
    JsonNode found =
        JSON.readTree(
            app.send(
                    "GET",
                    "/engine-rest/process-instance?businessKey=" + businessKey,
                    "admin",
                    null)
                .body());
    return found.get(0).get("id").asText();
  }

  /** Engine-rest's typed variables from name-value pairs. */
  static Map<String, Object> typed(Object... nameValuePairs) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      Object value = nameValuePairs[i + 1];
      String type =
          value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String";
      variables.put((String) nameValuePairs[i], Map.of("value", value, "type", type));
    }
    return variables;
  }

  /**
   * A request that a 409 asks to send again (the job executor was working on the same process at
   * that moment), sent again as a person would, up to five times.
   */
  java.net.http.HttpResponse<String> retryingConflicts(
      String method, String path, String user, String body) throws Exception {
    java.net.http.HttpResponse<String> response = app.send(method, path, user, body);
    for (int attempt = 1; attempt < 5 && response.statusCode() == 409; attempt++) {
      Thread.sleep(500L * attempt);
      response = app.send(method, path, user, body);
    }
    return response;
  }
}
