package io.stocksync.guardian;

import static io.stocksync.guardian.GuardianFixtures.count;
import static io.stocksync.guardian.GuardianFixtures.shop;
import static io.stocksync.guardian.GuardianFixtures.text;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.SecondServer;
import io.stocksync.teststack.Started;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Guardian run whose server is killed (SIGKILL) mid-run, on a second Liberty process sharing the database and the
 * broker: once that server is back, the run ends (Liberty's recovery marks its execution FAILED; SilentlyEndedRuns
 * ends the run), and ops restart it through the other server's batch REST admin. Only the unfinished partition runs
 * again, from its last checkpoint, and no mapping is repaired twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardianCrashIT {

  private static final int HTTP_PORT = 19081;
  private static final int HTTPS_PORT = 19444;

  /** The channel the run is killed on: every call takes 0.8 s, so each page of two takes ~1.6 s. */
  @RegisterExtension
  static final Started<GenericStandIn> slow = Started.by(GenericStandIn::new);

  @RegisterExtension
  static final Started<GenericStandIn> fast = Started.by(GenericStandIn::new);

  static SecondServer second;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @AfterAll
  static void stopTheSecondServer() throws Exception {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void aRunKilledWithItsServerEndsWhenTheServerIsBackAndRestartsFromItsCheckpointsElsewhere() throws Exception {
    // Twenty mappings on the slow channel, each showing one unit too many (twenty repairs, ten pages of two), and
    // two in sync on the fast one.
    var shop = shop(base.toURI(), "Crash shop", slow.get(), 30, 20);
    shop.items().forEach(i -> slow.get().setLevel(i.externalId(), 31));
    var fastShop = shop.withChannel("GENERIC", fast.get(), GenericStandIn.TOKEN, 0, 30, 2);
    slow.get().answerSlowly(Duration.ofMillis(800));
    second = SecondServer.start(HTTP_PORT, HTTPS_PORT);

    long instance = new BatchAdmin(HTTPS_PORT).submit("guardian-reconcile", "{\"tenantId\":\""
        + shop.tenant().id() + "\",\"pageSize\":\"2\"}").getJsonNumber("instanceId").longValue();
    String run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> runOf(instance), r -> r != null);
    // Killed once the fast partition has ended and the slow one has committed three pages.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> checked(run, shop.channelId()) >= 6 && checked(run, fastShop.channelId()) == 2);
    second.kill();
    var admin = new BatchAdmin();
    long first = admin.latestExecution(instance);
    assertTrue(serverOf(first).endsWith("/" + second.name()), "the first execution ran on the second server");
    long checkedBeforeTheKill = checked(run, shop.channelId());
    assertEquals("STARTED", admin.batchStatus(first), "nobody told the job repository");
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE id = ? AND state = 'RUNNING'", run));

    second = second.startAgain();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT count(*) FROM guardian_run WHERE id = ? AND state = 'ENDED'", run) == 1);
    assertEquals("FAILED", admin.batchStatus(first), "Liberty's recovery on the restarted server");
    assertEquals(checkedBeforeTheKill, checked(run, shop.channelId()), "the counts its checkpoints committed");
    int slowReadsBeforeTheRestart = slow.get().readCalls();

    // Ops restart through the first server: the run's second execution runs there, with the default page (100).
    admin.restart(instance, "{}");
    long restarted = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> admin.latestExecution(instance), e -> e != first);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> admin.batchStatus(restarted), s -> !s.matches("STARTING|STARTED|STOPPING"));
    assertEquals("COMPLETED", admin.batchStatus(restarted));
    assertFalse(serverOf(restarted).endsWith("/" + second.name()), "the restart ran on the first server");

    assertEquals(slowReadsBeforeTheRestart + 1, slow.get().readCalls(),
        "resumed after its last checkpoint: one read of what was left, not the whole channel again");
    assertEquals(1, fast.get().readCalls(), "the fast partition had completed and did not run again");
    shop.items().forEach(i -> assertEquals(30L, slow.get().level(i.externalId()), i.externalId()));
    var summary = shop.tenant().user().get("api/v1/guardian/runs/" + run).json().getJsonObject("summary");
    System.out.printf("GuardianCrashIT: killed after %d of 20 slow checks; %d slow reads before the restart, %d after;"
        + " summary %s%n", checkedBeforeTheKill, slowReadsBeforeTheRestart, slow.get().readCalls(), summary);
    assertEquals(22, summary.getInt("checked"), "every mapping counted once: " + summary);
    assertEquals(22, summary.getInt("repaired") + summary.getInt("inSync"), summary.toString());
    assertTrue(summary.getInt("repaired") >= 19, "a page in flight at the kill may have been pushed already: "
        + "its re-read finds it in sync; " + summary);
    assertEquals(summary.getInt("repaired"), count("SELECT count(*) FROM sync_event WHERE request_id = ?",
        GuardianRuns.requestId(UUID.fromString(run))), "one sync event per repair");
    assertEquals(0, count("SELECT count(*) FROM (SELECT mapping_id FROM sync_event WHERE request_id = ?"
        + " GROUP BY mapping_id HAVING count(*) > 1) twice", GuardianRuns.requestId(UUID.fromString(run))),
        "no mapping repaired twice");
  }

  private static String runOf(long instance) throws SQLException {
    return text("SELECT id::text FROM guardian_run WHERE job_instance_id = ?", instance);
  }

  private static long checked(String run, String channel) throws SQLException {
    return count("SELECT coalesce(sum(checked), 0) FROM guardian_run_partition WHERE run_id = ? AND channel_id = ?",
        run, channel);
  }

  private static String serverOf(long execution) throws SQLException {
    return text("SELECT serverid FROM batch.jobexecution WHERE jobexecid = ?", execution);
  }
}
