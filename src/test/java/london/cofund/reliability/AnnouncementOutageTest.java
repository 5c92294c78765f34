package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import london.cofund.CoFundSpringTest;
import london.cofund.JobDriver;
import london.cofund.Mailbox;
import london.cofund.fixtures.Fixtures;
import london.cofund.fixtures.FundDriver;
import london.cofund.proposal.ProposalService;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRoundProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * SMTP stops while a round announces its decision to 20 proposals, and comes back. Every decision
 * is recorded at once; the emails wait in their retrying jobs, become incidents that name the
 * reason, and after MOPAC retries them each applicant's decision arrives exactly once. It prints
 * its counts.
 */
@CoFundSpringTest
class AnnouncementOutageTest {

  static final int PROPOSALS = 20;

  @Autowired ApplicationContext context;
  @Autowired GreenMail sink;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired RoundService rounds;
  @Autowired ProposalService proposals;

  @AfterEach
  void reset() {
    if (!sink.isRunning()) {
      sink.start();
    }
    ClockUtil.reset();
  }

  @Test
  void anSmtpOutageDuringTheAnnouncementLosesNoDecisionAndSendsEachEmailOnce() {
    ClockUtil.setCurrentTime(Date.from(Fixtures.NOW));
    FundDriver fund = new FundDriver(context);
    Mailbox mail = new Mailbox(sink);
    String roundId =
        fund.openRound(Fixtures.round(Fixtures.newRoundId("OUT"), Fixtures.NOW, 8_000_000L));
    fund.publish(roundId, List.of("CSE", "FEMALE_OFFENDING"));
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < PROPOSALS; i++) {
      String ref =
          fund.toAssessment(
              roundId,
              Fixtures.eoi(
                  "Outage " + i,
                  FundDriver.CONTACT,
                  List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN, Fixtures.ISLINGTON),
                  1_000_000L,
                  List.of(i % 2 == 0 ? "CSE" : "FEMALE_OFFENDING")),
              "applicant1");
      int score = 5 - (i % 3);
      fund.assess(ref, "assessor1", score, score, score, score, score);
      fund.assess(ref, "assessor2", score, score, score, score, score);
      refs.add(ref);
    }
    fund.moveTo(rounds.get(roundId).dates().fullProposalDeadline().toInstant().plusSeconds(1));
    var decision = fund.task(roundId, FundingRoundProcess.TASK_DECIDE_FUNDING);
    Object recommended =
        tasks.getVariable(decision.getId(), FundingRoundProcess.VAR_FUNDED_REFERENCES);
    Object deferred =
        tasks.getVariable(decision.getId(), FundingRoundProcess.VAR_DEFERRED_REFERENCES);
    fund.complete(
        decision,
        FundingRoundProcess.VAR_FUNDED_REFERENCES,
        recommended,
        FundingRoundProcess.VAR_DEFERRED_REFERENCES,
        deferred);
    List<String> instances = refs.stream().map(ref -> fund.instance(ref).getId()).toList();

    sink.stop();
    tasks.complete(
        fund.task(roundId, FundingRoundProcess.TASK_SIGN_OFF_AWARDS).getId(),
        java.util.Map.of(FundingRoundProcess.VAR_AWARDS_APPROVED, true));
    // MOPAC records the decision of record; the announcement follows (tasks.complete, not the
    // driver's, which would run the mail jobs while SMTP is down).
    tasks.complete(
        fund.task(roundId, FundingRoundProcess.TASK_RECORD_DECISION_OF_RECORD).getId(),
        java.util.Map.of(FundingRoundProcess.VAR_DECISION_REFERENCE, "PCD 310"));
    JobDriver jobs = new JobDriver(management);
    List<String> everything = new ArrayList<>(instances);
    everything.add(fund.instance(roundId).getId());
    int failedTries = jobs.runDueJobs(everything).failures().size();

    // Every decision is recorded at once, whatever SMTP does.
    assertThat(refs).allSatisfy(ref -> assertThat(proposals.get(ref).fundingOutcome()).isNotNull());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int attempt = 0; attempt < 6; attempt++) {
      now = now.plus(Duration.ofMinutes(6));
      ClockUtil.setCurrentTime(Date.from(now));
      failedTries += jobs.runDueJobs(everything).failures().size();
    }
    List<Incident> incidents = incidents(instances);
    int incidentsWhileDown = incidents.size();
    assertThat(incidents).isNotEmpty();
    assertThat(incidents)
        .allSatisfy(
            incident -> assertThat(incident.getIncidentMessage()).contains("Connection refused"));
    assertThat(mail.of("FUNDING_DECISION", refs.get(0))).isEmpty();

    // SMTP is back; MOPAC retries the incidents (Cockpit: "Retry").
    sink.start();
    for (Incident incident : incidents) {
      management.setJobRetries(incident.getConfiguration(), 1);
    }
    jobs.runDueJobsWithoutFailures(everything.toArray(String[]::new));

    int incidentsAfter = incidents(instances).size();
    long sentOnce =
        refs.stream().filter(ref -> mail.of("FUNDING_DECISION", ref).size() == 1).count();
    long sentTwice =
        refs.stream().filter(ref -> mail.of("FUNDING_DECISION", ref).size() > 1).count();
    System.out.println(
        "SMTP outage during the announcement to "
            + PROPOSALS
            + " proposals: failed tries "
            + failedTries
            + ", incidents while down "
            + incidentsWhileDown
            + ", incidents after the retry "
            + incidentsAfter
            + ", decisions emailed once "
            + sentOnce
            + ", emailed twice "
            + sentTwice);
    assertThat(incidentsAfter).isZero();
    assertThat(sentOnce).isEqualTo(PROPOSALS);
    assertThat(sentTwice).isZero();
  }

  private List<Incident> incidents(List<String> instances) {
    return instances.stream()
        .flatMap(id -> runtime.createIncidentQuery().processInstanceId(id).list().stream())
        .toList();
  }
}
