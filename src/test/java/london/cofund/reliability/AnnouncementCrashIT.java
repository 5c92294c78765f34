package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import london.cofund.Mailbox;
import london.cofund.environment.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar is killed with {@code kill -9} while a round announces its decision to 20 proposals
 * ({@code Task_AnnounceAwards} correlating {@code FundingDecision}), and again while the decision
 * emails go out; each time it is restarted on the same database. Afterwards every proposal has
 * exactly one outcome, recorded once, and its applicant exactly one decision email. On PostgreSQL
 * (a database of its own), so that the test can watch the job's lock and kill at that moment; the
 * mail goes over SMTP to a server in the test, which outlives the kills. It prints its counts.
 */
@RequiresPostgres
class AnnouncementCrashIT {

  static final int PROPOSALS = 20;

  /** The jar's working folder; JUnit removes it after the app is killed. */
  @TempDir Path work;

  PostgresDatabase postgres;
  GreenMail smtp;
  AppProcess app;

  @AfterEach
  void cleanUp() throws Exception {
    if (app != null) {
      app.kill();
      app.keepLogs(getClass().getSimpleName());
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void killedDuringTheAnnouncementEveryProposalHasOneOutcomeAndOneDecisionEmail() throws Exception {
    postgres = new PostgresDatabase("cofund_announce");
    smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    List<String> settings = new ArrayList<>(postgres.settings(postgres.host, postgres.port));
    settings.add("--spring.mail.host=127.0.0.1");
    settings.add("--spring.mail.port=" + smtp.getSmtp().getPort());
    settings.add("--cofund.node.name=announce-test-node");
    app = new AppProcess(work, settings);
    app.start();
    FundOverHttp fund = new FundOverHttp(app);

    // A round at its decision, over HTTP as the roles would; its deadlines fire through
    // engine-rest.
    String roundId = fund.openRoundForEois("ANN");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < PROPOSALS; i++) {
      String title = "Announced " + i;
      String ref = fund.submitEoi(roundId, title, "applicant1");
      fund.toAssessed(ref, title, "applicant1", 5 - (i % 3));
      refs.add(ref);
    }
    fund.fireTimer(roundId, "Event_EoiDeadline");
    fund.fireTimer(roundId, "Event_FullProposalDeadline");
    fund.decideAsRecommended(roundId);
    assertThat(app.waitForJobs(Duration.ofSeconds(120)))
        .as("jobs done before the sign-off")
        .isTrue();
    Mailbox mail = new Mailbox(smtp);

    // The leaders sign off and MOPAC records the decision of record; the announcement's job
    // starts, and the process dies under it.
    fund.complete(
        fund.tasks(roundId, "Task_SignOffAwards", 1).get(0),
        "leaders",
        FundOverHttp.typed("awardsApproved", true));
    fund.complete(
        fund.tasks(roundId, "Task_RecordDecisionOfRecord", 1).get(0),
        "mopac",
        FundOverHttp.typed("decisionReference", "PCD 310"));
    boolean locked;
    try (Connection watch = postgres.connect()) {
      locked = waitFor(() -> announcementLocked(watch), Duration.ofSeconds(60), 2);
    }
    app.kill();
    int decidedAtFirstKill = decided(roundId);
    System.out.println(
        "Killed "
            + (locked ? "with the announcement's job running" : "(the job was never seen locked)")
            + ": "
            + decidedAtFirstKill
            + " of "
            + PROPOSALS
            + " decisions committed");
    app.start();

    // The decisions are recorded; the emails go out, and the process dies again among them.
    waitFor(() -> decisionMails() > 0, Duration.ofSeconds(180), 20);
    app.kill();
    int mailedAtSecondKill = decisionMails();
    System.out.println("Killed again with " + mailedAtSecondKill + " decision emails sent");
    app.start();
    waitFor(() -> decisionMails() >= PROPOSALS, Duration.ofSeconds(180), 500);
    assertThat(app.waitForJobs(Duration.ofSeconds(120))).as("jobs done after the restart").isTrue();

    Map<String, Integer> outcomes = new HashMap<>();
    Map<String, Integer> recorded = new HashMap<>();
    int incidents;
    try (Connection db = postgres.connect()) {
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select reference, funding_outcome from cf_proposal where round_id = '"
                      + roundId
                      + "' and funding_outcome is not null")) {
        while (rs.next()) {
          outcomes.merge(rs.getString(1), 1, Integer::sum);
        }
      }
      try (ResultSet rs =
          db.createStatement()
              .executeQuery(
                  "select p.business_key_, count(*) from act_hi_actinst a"
                      + " join act_hi_procinst p on p.proc_inst_id_ = a.proc_inst_id_"
                      + " where a.act_id_ = 'Task_RecordFundingDecision'"
                      + " group by p.business_key_")) {
        while (rs.next()) {
          recorded.put(rs.getString(1), rs.getInt(2));
        }
      }
      try (ResultSet rs =
          db.createStatement().executeQuery("select count(*) from act_ru_incident")) {
        rs.next();
        incidents = rs.getInt(1);
      }
    }
    long withOneOutcome = refs.stream().filter(r -> outcomes.getOrDefault(r, 0) == 1).count();
    long recordedOnce = refs.stream().filter(r -> recorded.getOrDefault(r, 0) == 1).count();
    long recordedTwice = refs.stream().filter(r -> recorded.getOrDefault(r, 0) > 1).count();
    // One decision email is one message: a copy sent again carries the same Message-ID, by which
    // mail servers and clients drop the second.
    Map<String, java.util.Set<String>> messageIds = new HashMap<>();
    Map<String, Integer> copies = new HashMap<>();
    for (String ref : refs) {
      for (Mailbox.Mail m : mail.of("FUNDING_DECISION", ref)) {
        messageIds.computeIfAbsent(ref, r -> new java.util.HashSet<>()).add(messageId(m));
        copies.merge(ref, 1, Integer::sum);
      }
    }
    long oneMessage =
        refs.stream().filter(r -> messageIds.getOrDefault(r, Set.of()).size() == 1).count();
    long twoMessages =
        refs.stream().filter(r -> messageIds.getOrDefault(r, Set.of()).size() > 1).count();
    long notEmailed = refs.stream().filter(r -> !messageIds.containsKey(r)).count();
    long copiedAgain = refs.stream().filter(r -> copies.getOrDefault(r, 0) > 1).count();
    System.out.printf(
        "Crash during the announcement to %d proposals (PostgreSQL, 2 x kill -9): decisions"
            + " committed at the first kill %d, decision emails at the second kill %d; afterwards"
            + " proposals with one outcome %d, decision recorded once %d, twice %d; applicants"
            + " with one decision message %d, with two different messages %d, with none %d;"
            + " copies sent again with the same Message-ID %d; incidents %d%n",
        PROPOSALS,
        decidedAtFirstKill,
        mailedAtSecondKill,
        withOneOutcome,
        recordedOnce,
        recordedTwice,
        oneMessage,
        twoMessages,
        notEmailed,
        copiedAgain,
        incidents);
    assertThat(withOneOutcome).as("proposals with their outcome").isEqualTo(PROPOSALS);
    assertThat(recordedOnce).as("decisions recorded exactly once").isEqualTo(PROPOSALS);
    assertThat(oneMessage).as("applicants with exactly one decision message").isEqualTo(PROPOSALS);
    // Only a copy that the SMTP server had accepted when the process died, before the outbox
    // recorded it, goes out again.
    assertThat(copiedAgain).as("copies sent again").isLessThanOrEqualTo(mailedAtSecondKill);
    assertThat(incidents).as("incidents").isZero();
  }

  private static boolean announcementLocked(Connection db) throws Exception {
    try (ResultSet rs =
        db.createStatement()
            .executeQuery(
                "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                    + " where d.act_id_ = 'Task_AnnounceAwards' and j.lock_owner_ is not null")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private int decided(String roundId) throws Exception {
    try (Connection db = postgres.connect();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from cf_proposal where round_id = '"
                        + roundId
                        + "' and funding_outcome is not null")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Decision emails received (this server serves only this test's one round). */
  private int decisionMails() throws Exception {
    int count = 0;
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String[] template = message.getHeader("X-CoFund-Template");
      if (template != null && "FUNDING_DECISION".equals(template[0])) {
        count++;
      }
    }
    return count;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static boolean waitFor(Check check, Duration atMost, long everyMillis) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(everyMillis);
    }
    return false;
  }

  private static String messageId(Mailbox.Mail mail) {
    try {
      return mail.raw().getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
