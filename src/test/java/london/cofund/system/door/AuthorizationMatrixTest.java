package london.cofund.system.door;

import static london.cofund.proposal.process.ProposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.HttpApi;
import london.cofund.HttpApi.Response;
import london.cofund.JobDriver;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.grant.Quarter;
import london.cofund.grant.ReturnForm;
import london.cofund.grant.Variation;
import london.cofund.grant.VariationRequest;
import london.cofund.grant.process.GrantProcess;
import london.cofund.grant.process.GrantSteps;
import london.cofund.proposal.ProposalService;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may do what to every kind of human task, through engine-rest, as a table: every demo role,
 * anonymous, another borough, another applicant and an assessor with a declared conflict, against
 * every human task type, for every operation. Each cell is one HTTP call whose outcome (allowed: a
 * 2xx, or a non-empty history; refused: a 4xx) is compared with what the role may do. A leak is a
 * refused cell that was allowed. Mutations that succeed are undone before the next cell, and the
 * one lawful completion of each task is made last, by its lawful worker.
 *
 * <p>Not executed: an administrator's completion with the declared variables (administrators may
 * work any task by design; executing it would use the task up).
 */
@CoFundSpringTest
class AuthorizationMatrixTest {

  static final String ANONYMOUS = "(anonymous)";
  static final String CONFLICTED = "assessor3";

  /** A borough's scrutiny committee: it works no task and reads none. */
  static final String SCRUTINY = "westminster-scrutiny";

  /**
   * The roles of the table; "camden" is another borough, "applicant2" another applicant and
   * "westminster-scrutiny" Westminster's scrutiny committee.
   */
  static final List<String> ROLES =
      List.of(
          "admin",
          "mopac",
          "wg",
          "leaders",
          "westminster",
          "camden",
          "assessor1",
          CONFLICTED,
          "applicant1",
          "applicant2",
          SCRUTINY,
          ANONYMOUS);

  enum Operation {
    READ,
    CLAIM_FOR_SELF,
    CLAIM_FOR_OTHER,
    UNCLAIM_OTHER,
    COMPLETE_UNDECLARED,
    BPMN_ERROR,
    SET_VARIABLES,
    READ_TASK_VARIABLES,
    READ_PROCESS_VARIABLES,
    READ_HISTORY,
    COMPLETE_DECLARED
  }

  record Cell(
      String task, String role, Operation operation, boolean expected, boolean actual, int status) {
    boolean leak() {
      return actual && !expected;
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;

  HttpApi http;
  final List<Cell> cells = new ArrayList<>();
  final List<Response> fiveHundreds = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    http = new HttpApi(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void noRoleCanDoThroughEngineRestWhatItsRoleDoesNotAllow() {
    // A round from consultation to publication, and one bid through every proposal task.
    FundDriver early = new FundDriver(context);
    String roundId =
        early.openRound(Fixtures.round(Fixtures.newRoundId("MX"), Fixtures.NOW, 5_000_000L));
    Task comment =
        borough(early.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES), "E09000033");
    table(
        early,
        comment,
        Set.of("westminster"),
        vars(FundingRoundProcess.VAR_PRIORITY_COMMENTS, "We support it."));
    for (Task other : early.tasks(roundId, FundingRoundProcess.TASK_COMMENT_ON_PRIORITIES)) {
      tasks.complete(other.getId(), Map.of(FundingRoundProcess.VAR_PRIORITY_COMMENTS, "Agreed."));
    }
    early.run();
    table(
        early,
        early.task(roundId, FundingRoundProcess.TASK_AGREE_SHORTLIST),
        Set.of("mopac"),
        vars(FundingRoundProcess.VAR_SHORTLIST, "FEMALE_OFFENDING,CSE"));
    table(
        early,
        early.task(roundId, FundingRoundProcess.TASK_REVIEW_SHORTLIST),
        Set.of("mopac", "wg"),
        vars(FundingRoundProcess.VAR_WORKING_GROUP_COMMENTS, "A fair short list."));
    table(
        early,
        early.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_PROSPECTUS),
        Set.of("leaders"),
        vars(FundingRoundProcess.VAR_PROSPECTUS_APPROVED, true));
    table(
        early,
        early.tasks(roundId, FundingRoundProcess.TASK_RECORD_MARKET_DEVELOPMENT).get(0),
        Set.of("mopac"),
        vars(
            FundingRoundProcess.VAR_SESSION_DATE, "2026-06-10T10:00:00+01:00",
            FundingRoundProcess.VAR_ATTENDING_ORGANISATIONS, "Advance, London CRC",
            FundingRoundProcess.VAR_SESSION_NOTES, "Good turnout."));

    String ref =
        early.submit(roundId, Fixtures.twoBoroughEoi("Matrix", FundDriver.CONTACT), "applicant1");
    var eligible = Fixtures.eligibleEoi("Matrix", FundDriver.CONTACT);
    table(
        early,
        early.task(ref, TASK_REVISE_EOI),
        Set.of("applicant1"),
        vars(VAR_EOI, HttpApi.jsonOf(eligible).toString()));
    table(
        early,
        borough(early.tasks(ref, TASK_CONFIRM_CORE_PARTNER), "E09000033"),
        Set.of("westminster"),
        vars(VAR_CORE_PARTNER_CONFIRMED, true));
    early.confirmEveryBorough(ref);
    table(
        early,
        early.task(ref, TASK_GIVE_EOI_FEEDBACK),
        Set.of("mopac"),
        vars(VAR_EOI_OUTCOME, "ACCEPT", VAR_EOI_FEEDBACK, "Develop it."));
    table(
        early,
        early.task(ref, TASK_SUBMIT_FULL_PROPOSAL),
        Set.of("applicant1"),
        vars(VAR_FULL_PROPOSAL, HttpApi.jsonOf(Fixtures.fullProposal(eligible)).toString()));
    // A bid whose full proposal adds Westminster: Westminster signs off as a new delivery borough.
    List<String> east = List.of(Fixtures.CAMDEN, Fixtures.ISLINGTON, "E09000012");
    String adds =
        early.submit(
            roundId,
            Fixtures.eoi("Matrix east", FundDriver.CONTACT, east, 900_000L, List.of("CSE")),
            "applicant1");
    early.confirmEveryBorough(adds);
    early.feedback(adds, "ACCEPT", "Develop it.");
    List<String> eastAndWestminster = new ArrayList<>(east);
    eastAndWestminster.add(Fixtures.WESTMINSTER);
    early.submitFullProposal(
        adds,
        Fixtures.fullProposal(
            Fixtures.eoi(
                "Matrix east", FundDriver.CONTACT, eastAndWestminster, 900_000L, List.of("CSE"))));
    table(
        early,
        early.task(adds, TASK_CONFIRM_NEW_CORE_PARTNER),
        Set.of("westminster"),
        vars(VAR_CORE_PARTNER_CONFIRMED, true));
    // assessor3 declares a conflict on one slot; the slot is offered again, and assessor3 may not
    // take it.
    Task declared = early.tasks(ref, TASK_ASSESS_PROPOSAL).get(0);
    tasks.claim(declared.getId(), CONFLICTED);
    early.complete(declared, VAR_CONFLICT_OF_INTEREST, true);
    Task reoffered =
        early.tasks(ref, TASK_ASSESS_PROPOSAL).stream()
            .filter(t -> t.getAssignee() == null)
            .findFirst()
            .orElseThrow();
    table(
        early, reoffered, Set.of("assessor1"), vars(FundDriver.scores("assessor1", 5, 5, 5, 5, 5)));
    early.assess(ref, "assessor2", 3, 3, 3, 3, 3);
    table(
        early,
        early.task(ref, TASK_AGREE_MODERATED_SCORE),
        Set.of("mopac"),
        vars(VAR_MODERATED_TOTAL, 20, VAR_MODERATION_NOTE, "Agreed at 20."));

    // A second round taken to the panel, the awards and a grant agreement.
    FundDriver late = new FundDriver(context);
    String lateRound =
        late.openRound(Fixtures.round(Fixtures.newRoundId("MXL"), Fixtures.NOW, 5_000_000L));
    late.publish(lateRound, List.of("FEMALE_OFFENDING"));
    String funded =
        late.toAssessment(
            lateRound, Fixtures.eligibleEoi("Funded", FundDriver.CONTACT), "applicant1");
    late.assess(funded, "assessor1", 4, 4, 4, 4, 4);
    late.assess(funded, "assessor2", 4, 4, 4, 4, 4);
    late.moveTo(rounds.get(lateRound).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    table(
        late,
        late.task(lateRound, FundingRoundProcess.TASK_DECIDE_FUNDING),
        Set.of("mopac", "wg"),
        vars(FundingRoundProcess.VAR_FUNDED_REFERENCES, funded));
    table(
        late,
        late.task(lateRound, FundingRoundProcess.TASK_SIGN_OFF_AWARDS),
        Set.of("leaders"),
        vars(FundingRoundProcess.VAR_AWARDS_APPROVED, true));
    table(
        late,
        late.task(lateRound, FundingRoundProcess.TASK_RECORD_DECISION_OF_RECORD),
        Set.of("mopac"),
        vars(FundingRoundProcess.VAR_DECISION_REFERENCE, "PCD 310"));
    table(
        late,
        late.task(funded, TASK_CONFIRM_GRANT_AGREEMENT),
        Set.of("mopac"),
        vars(VAR_GRANT_AGREEMENT_SIGNED, true, VAR_AGREEMENT_DATE, "2026-09-15"));

    // The grant it opened (issue 13): its first quarter ends, the lead reports, MOPAC reviews; a
    // variation and a suspension give MOPAC their tasks. The same door rules hold for each.
    String grantId =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(GrantProcess.KEY)
            .processInstanceBusinessKey(funded)
            .singleResult()
            .getId();
    Quarter first =
        Quarter.of(
            rounds
                .get(lateRound)
                .dates()
                .serviceStartDate()
                .atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
                .toLocalDate());
    late.moveTo(
        first
            .end()
            .plusDays(1)
            .atTime(10, 0)
            .atZone(java.time.ZoneId.of("Europe/London"))
            .toInstant());
    new JobDriver(context.getBean(org.camunda.bpm.engine.ManagementService.class))
        .runDueJobsWithoutFailures(grantId);
    ReturnForm report =
        new ReturnForm(
            first.toString(),
            List.of(new ReturnForm.SpendLine(first.year().toString(), 5_000_000L)),
            "Centres open.",
            "Fewer breaches.",
            List.of(new ReturnForm.Reach(Fixtures.WESTMINSTER, 12)),
            "None.",
            "A good start.");
    table(
        late,
        late.task(funded, GrantProcess.TASK_SUBMIT_RETURN),
        Set.of("applicant1"),
        vars(GrantProcess.VAR_MONITORING_RETURN, HttpApi.jsonOf(report).toString()));
    table(
        late,
        late.task(funded, GrantProcess.TASK_REVIEW_RETURN),
        Set.of("mopac"),
        vars(GrantProcess.VAR_RETURN_REVIEW, "APPROVE"));
    GrantSteps grantSteps = context.getBean(GrantSteps.class);
    grantSteps.requestVariation(
        funded,
        new VariationRequest(
            Variation.Kind.PARTNERS,
            null,
            null,
            List.of("Advance", "London CRC"),
            "A partner left."),
        FundDriver.applicant("applicant1"));
    table(
        late,
        late.task(funded, GrantProcess.TASK_DECIDE_VARIATION),
        Set.of("mopac"),
        vars(
            GrantProcess.VAR_VARIATION_DECISION,
            "DECLINE",
            GrantProcess.VAR_VARIATION_DECISION_REASON,
            "Name a replacement partner first."));
    grantSteps.suspend(
        funded,
        "An audit of the lead's accounts.",
        new london.cofund.identity.CurrentUser("mopac", Set.of("mopac")));
    table(
        late,
        late.task(funded, GrantProcess.TASK_RESUME_PAYMENTS),
        Set.of("mopac"),
        vars(GrantProcess.VAR_RESUME_REASON, "The audit found nothing."));

    long leaks = cells.stream().filter(Cell::leak).count();
    List<Cell> wrong = cells.stream().filter(c -> c.expected() != c.actual()).toList();
    System.out.println(report());
    System.out.println(cells.size() + " checks, " + leaks + " leaks");
    List<Cell> scrutiny = cells.stream().filter(c -> SCRUTINY.equals(c.role())).toList();
    System.out.println(
        SCRUTINY
            + ": "
            + scrutiny.size()
            + " checks, "
            + scrutiny.stream().filter(Cell::actual).count()
            + " allowed, "
            + scrutiny.stream().filter(Cell::leak).count()
            + " leaks");
    assertThat(scrutiny)
        .as("a scrutiny committee is refused every operation")
        .noneMatch(Cell::actual);
    assertThat(fiveHundreds).as("no 5xx anywhere").isEmpty();
    assertThat(wrong).as("cells whose outcome differs from the role's rights").isEmpty();
    assertThat(cells.stream().map(Cell::task).distinct()).hasSize(20);
  }

  /**
   * The grant's other tasks, each through the same table: the working group's replacement offer
   * after a failed agreement, and a grant's closure (its process started at the final report, one
   * part of the model at a time, as the lead's eight quarters are GrantProcessTest's).
   */
  @Test
  void theGrantsOtherTasksKeepTheSameDoorRules() {
    FundDriver fund = new FundDriver(context);
    String roundId = Fixtures.newRoundId("MXG");
    rounds.register(Fixtures.round(roundId, Fixtures.NOW), "mopac");
    rounds.agreeShortlist(roundId, List.of("FEMALE_OFFENDING"));
    rounds.publish(roundId);
    String failed =
        fund.toAssessment(roundId, Fixtures.eligibleEoi("Fails", FundDriver.CONTACT), "applicant1");
    String deferred =
        fund.toAssessment(
            roundId, Fixtures.eligibleEoi("Deferred", FundDriver.CONTACT), "applicant1");
    String closing =
        fund.toAssessment(
            roundId, Fixtures.eligibleEoi("Closes", FundDriver.CONTACT), "applicant1");
    for (String ref : List.of(failed, deferred, closing)) {
      fund.assess(ref, "assessor1", 4, 4, 4, 4, 4);
      fund.assess(ref, "assessor2", 4, 4, 4, 4, 4);
    }
    decide(fund, failed, "FUNDED");
    decide(fund, deferred, "DEFERRED");
    decide(fund, closing, "FUNDED");

    fund.complete(
        fund.task(failed, TASK_CONFIRM_GRANT_AGREEMENT),
        VAR_GRANT_AGREEMENT_SIGNED,
        false,
        VAR_AGREEMENT_FAILURE_REASON,
        "The lead withdrew.");
    table(
        fund,
        fund.task(failed, GrantProcess.TASK_OFFER_REPLACEMENT),
        Set.of("mopac", "wg"),
        vars(GrantProcess.VAR_REPLACEMENT_DECISION, "DECLINE"));

    fund.complete(
        fund.task(closing, TASK_CONFIRM_GRANT_AGREEMENT),
        VAR_GRANT_AGREEMENT_SIGNED,
        true,
        VAR_AGREEMENT_DATE,
        "2026-09-15");
    var grant =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(GrantProcess.KEY)
            .processInstanceBusinessKey(closing)
            .singleResult();
    Map<String, Object> variables = runtime.getVariables(grant.getId());
    runtime.deleteProcessInstance(grant.getId(), "the matrix starts the closure on its own");
    runtime
        .createProcessInstanceByKey(GrantProcess.KEY)
        .businessKey(closing)
        .setVariables(variables)
        .startBeforeActivity(GrantProcess.TASK_SUBMIT_FINAL_REPORT)
        .execute();
    table(
        fund,
        fund.task(closing, GrantProcess.TASK_SUBMIT_FINAL_REPORT),
        Set.of("applicant1"),
        vars(GrantProcess.VAR_FINAL_REPORT, "Delivered as promised."));
    table(
        fund,
        fund.task(closing, GrantProcess.TASK_RECORD_EVALUATION),
        Set.of("mopac"),
        vars(GrantProcess.VAR_EVALUATION, "Good value."));

    System.out.println(report());
    assertThat(fiveHundreds).as("no 5xx anywhere").isEmpty();
    assertThat(cells.stream().filter(c -> c.expected() != c.actual()).toList())
        .as("cells whose outcome differs from the role's rights")
        .isEmpty();
    assertThat(cells.stream().map(Cell::task).distinct()).hasSize(3);
  }

  private void decide(FundDriver fund, String ref, String outcome) {
    runtime
        .createMessageCorrelation(MESSAGE_FUNDING_DECISION)
        .processInstanceBusinessKey(ref)
        .setVariable(VAR_FUNDING_OUTCOME, outcome)
        .correlateWithResult();
    fund.run();
  }

  /** Every role and operation against one task, then its lawful completion. */
  private void table(
      FundDriver fund, Task task, Set<String> workers, Map<String, Object> declared) {
    String key = task.getTaskDefinitionKey();
    String id = task.getId();
    String original = task.getAssignee();
    String instance = task.getProcessInstanceId();
    for (String role : ROLES) {
      String user = ANONYMOUS.equals(role) ? null : role;
      boolean admin = "admin".equals(role);
      boolean works = workers.contains(role) && !(CONFLICTED.equals(role));
      boolean mopacWorks = "mopac".equals(role) && workers.contains("mopac");
      boolean reads = works || admin;
      boolean watches = admin || "mopac".equals(role);

      check(key, role, Operation.READ, reads, http.get("/engine-rest/task/" + id, user));

      boolean claimSelf = original == null ? (works || admin) : role.equals(original);
      Response claimed =
          http.post(
              "/engine-rest/task/" + id + "/claim",
              user,
              Map.of("userId", user == null ? "x" : user));
      check(key, role, Operation.CLAIM_FOR_SELF, claimSelf, claimed);
      tasks.setAssignee(id, original);

      String other = "applicant2".equals(role) ? "applicant1" : "applicant2";
      Response forOther =
          http.post("/engine-rest/task/" + id + "/claim", user, Map.of("userId", other));
      check(
          key,
          role,
          Operation.CLAIM_FOR_OTHER,
          original == null && (admin || mopacWorks),
          forOther);
      tasks.setAssignee(id, original);

      String holder = original != null ? original : workers.iterator().next();
      if (!role.equals(holder)) {
        tasks.setAssignee(id, holder);
        Response unclaimed = http.post("/engine-rest/task/" + id + "/unclaim", user, Map.of());
        check(key, role, Operation.UNCLAIM_OTHER, admin || "mopac".equals(role), unclaimed);
        tasks.setAssignee(id, original);
      }

      Map<String, Object> undeclared = new LinkedHashMap<>(declared);
      undeclared.put(VAR_REFERENCE, "SOMEONE-ELSES-001");
      check(key, role, Operation.COMPLETE_UNDECLARED, false, complete(id, user, undeclared));

      check(
          key,
          role,
          Operation.BPMN_ERROR,
          false,
          http.post("/engine-rest/task/" + id + "/bpmnError", user, Map.of("errorCode", "MATRIX")));

      check(
          key,
          role,
          Operation.SET_VARIABLES,
          admin,
          http.put(
              "/engine-rest/task/" + id + "/variables/matrixProbe", user, Map.of("value", role)));

      check(
          key,
          role,
          Operation.READ_TASK_VARIABLES,
          reads,
          http.get("/engine-rest/task/" + id + "/variables", user));
      check(
          key,
          role,
          Operation.READ_PROCESS_VARIABLES,
          watches,
          http.get("/engine-rest/process-instance/" + instance + "/variables", user));
      Response history =
          http.get("/engine-rest/history/variable-instance?processInstanceId=" + instance, user);
      record(
          key,
          role,
          Operation.READ_HISTORY,
          watches,
          history,
          history.status() == 200 && history.json().isArray() && history.json().size() > 0);

      if (!works && !admin) {
        check(key, role, Operation.COMPLETE_DECLARED, false, complete(id, user, declared));
      }
    }
    assertThat(tasks.createTaskQuery().taskId(id).count()).as(key + " is still open").isEqualTo(1);
    String worker = original != null ? original : workers.iterator().next();
    check(key, worker, Operation.COMPLETE_DECLARED, true, complete(id, worker, declared));
    assertThat(tasks.createTaskQuery().taskId(id).count()).as(key + " was completed").isZero();
    fund.run();
  }

  private Response complete(String taskId, String user, Map<String, Object> variables) {
    List<Object> pairs = new ArrayList<>();
    variables.forEach(
        (k, v) -> {
          pairs.add(k);
          pairs.add(v);
        });
    return http.completeTask(taskId, user, pairs.toArray());
  }

  private void check(
      String task, String role, Operation operation, boolean expected, Response response) {
    record(
        task,
        role,
        operation,
        expected,
        response,
        response.status() >= 200 && response.status() < 300);
  }

  private void record(
      String task,
      String role,
      Operation operation,
      boolean expected,
      Response response,
      boolean allowed) {
    if (response.status() >= 500) {
      fiveHundreds.add(response);
    }
    cells.add(new Cell(task, role, operation, expected, allowed, response.status()));
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** One line per task: for each role, the operations it was allowed. */
  private String report() {
    StringBuilder out = new StringBuilder("Authorization matrix (allowed operations per role):\n");
    Map<String, Map<String, List<String>>> byTask = new LinkedHashMap<>();
    for (Cell cell : cells) {
      List<String> allowed =
          byTask
              .computeIfAbsent(cell.task(), t -> new LinkedHashMap<>())
              .computeIfAbsent(cell.role(), r -> new ArrayList<>());
      if (cell.actual()) {
        allowed.add(cell.operation().name().toLowerCase());
      }
    }
    byTask.forEach(
        (task, roles) -> {
          out.append("  ").append(task).append('\n');
          roles.forEach(
              (role, allowed) ->
                  out.append("    ")
                      .append(String.format("%-12s", role))
                      .append(allowed.isEmpty() ? "-" : String.join(", ", allowed))
                      .append('\n'));
        });
    cells.stream()
        .filter(c -> c.expected() != c.actual())
        .forEach(c -> out.append("  MISMATCH ").append(c).append('\n'));
    return out.toString();
  }

  private Task borough(List<Task> candidates, String gssCode) {
    return candidates.stream()
        .filter(
            t ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> ("borough-" + gssCode).equals(l.getGroupId())))
        .findFirst()
        .orElseThrow();
  }
}
