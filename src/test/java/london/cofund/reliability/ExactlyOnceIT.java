package london.cofund.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.environment.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two JVMs from the built jar) on one PostgreSQL database, both running the job
 * executor: 1,000 EOIs submitted to them in turn make 1,000 asynchronous receipt jobs ({@code
 * SendTask_EoiReceived}, besides the sign-off requests and offers each EOI makes). Each receipt job
 * runs exactly once, counted by the messages the SMTP server (GreenMail) receives and by the
 * engine's job log; both nodes ran jobs (the split is printed, from the job log's host name, which
 * is the node's name); no incident is left.
 */
@RequiresPostgres
class ExactlyOnceIT {

  static final int EOIS = 1000;
  static final int CLIENTS = 8;
  static final Pattern RECEIPT = Pattern.compile("^CoFund: EOI received for .*\\(([^()]+)\\)$");

  @Test
  void aThousandReceiptJobsOnTwoNodesEachRunOnceAndBothNodesWork() throws Exception {
    try (ClusterNodes cluster =
        ClusterNodes.demoLogins("exactlyonce", List.of(List.of(), List.of()))) {
      // One after the other: the demo's own fund is created by the first (the prod profile's
      // start at the same moment is ClusterColdStartIT's).
      cluster.node(0).start();
      cluster.node(1).start();
      String roundId = new FundOverHttp(cluster.node(0)).openRoundForEois("ONCE");

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long began = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(
            () -> {
              int n;
              while ((n = next.getAndIncrement()) < EOIS) {
                AppProcess node = cluster.node(n % 2);
                var response =
                    node.send(
                        "POST",
                        "/api/rounds/" + roundId + "/eois",
                        "applicant1",
                        FundOverHttp.eoi("Once " + n));
                if (response.statusCode() == 201) {
                  acknowledged.add(
                      AppProcess.JSON.readTree(response.body()).get("reference").asText());
                } else {
                  refused.incrementAndGet();
                }
              }
              return null;
            });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).isTrue();
      long submitted = (System.nanoTime() - began) / 1_000_000_000L;
      assertThat(cluster.waitUntilNoJobs(Duration.ofMinutes(15))).as("every job done").isTrue();
      long done = (System.nanoTime() - began) / 1_000_000_000L;

      Map<String, Integer> receiptsPerReference = new HashMap<>();
      for (MimeMessage message : cluster.smtp.getReceivedMessages()) {
        Matcher m = RECEIPT.matcher(message.getSubject());
        if (m.matches()) {
          receiptsPerReference.merge(m.group(1), 1, Integer::sum);
        }
      }
      long receiptsTwice = receiptsPerReference.values().stream().filter(n -> n > 1).count();
      long receiptsMissing =
          acknowledged.stream().filter(r -> !receiptsPerReference.containsKey(r)).count();
      long receiptJobs =
          cluster.count(
              "select count(distinct JOB_ID_) from ACT_HI_JOB_LOG"
                  + " where ACT_ID_ = 'SendTask_EoiReceived' and JOB_STATE_ = 2");
      List<Map<String, Object>> receiptSplit =
          cluster.query(
              "select HOSTNAME_ as node, count(*) as jobs from ACT_HI_JOB_LOG"
                  + " where ACT_ID_ = 'SendTask_EoiReceived' and JOB_STATE_ = 2"
                  + " group by HOSTNAME_ order by HOSTNAME_");
      List<Map<String, Object>> allSplit =
          cluster.query(
              "select HOSTNAME_ as node, count(*) as jobs from ACT_HI_JOB_LOG"
                  + " where JOB_STATE_ = 2 group by HOSTNAME_ order by HOSTNAME_");
      long jobsRunTwice =
          cluster.count(
              "select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2"
                  + " group by JOB_ID_ having count(*) > 1) twice");
      long failedTries = cluster.count("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 1");
      long incidents = cluster.count("select count(*) from ACT_RU_INCIDENT");
      long sentBefore = 0;
      for (AppProcess node : cluster.nodes) {
        sentBefore +=
            Pattern.compile(", [1-9][0-9]* sent before")
                .matcher(Files.readString(node.log()))
                .results()
                .count();
      }
      System.out.printf(
          "Exactly once (2 nodes, %d EOIs from %d clients to both in turn): acknowledged %d,"
              + " refused %d, submitted in %d s, every job done after %d s; receipt jobs run %d,"
              + " receipts received %d, received twice %d, missing %d; receipt jobs by node %s;"
              + " all jobs by node %s; jobs that succeeded twice %d, failed tries %d, sends the"
              + " outbox found already made %d, emails received in all %d, incidents %d%n",
          EOIS,
          CLIENTS,
          acknowledged.size(),
          refused.get(),
          submitted,
          done,
          receiptJobs,
          receiptsPerReference.size(),
          receiptsTwice,
          receiptsMissing,
          receiptSplit,
          allSplit,
          jobsRunTwice,
          failedTries,
          sentBefore,
          cluster.smtp.getReceivedMessages().length,
          incidents);

      assertThat(acknowledged).hasSize(EOIS);
      assertThat(receiptJobs).isEqualTo(EOIS);
      assertThat(receiptsPerReference.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
      assertThat(receiptsTwice).as("receipts received twice").isZero();
      assertThat(jobsRunTwice).as("jobs that succeeded twice").isZero();
      assertThat(receiptSplit).as("both nodes ran receipt jobs").hasSize(2);
      assertThat(receiptSplit)
          .allSatisfy(row -> assertThat(((Number) row.get("jobs")).longValue()).isPositive());
      assertThat(incidents).as("incidents").isZero();
    }
  }
}
