package io.stocksync.guardian;

import static io.stocksync.guardian.GuardianFixtures.count;
import static io.stocksync.guardian.GuardianFixtures.runNow;
import static io.stocksync.guardian.GuardianFixtures.shop;
import static io.stocksync.guardian.GuardianFixtures.sql;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.Metrics;
import io.stocksync.teststack.TestStack;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guardian history retention (io.stocksync.guardian.history): runs that ended more than 30 days ago go, with their
 * job instances and job logs; a deleted tenant's job instances go at once, other job instances no run names after
 * the retention; younger ones stay. The test server purges every 2 s; the tests backdate their runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardianHistoryIT {

  static GenericStandIn generic;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startStandIn() {
    generic = new GenericStandIn();
  }

  @AfterAll
  static void stopStandIn() {
    generic.close();
  }

  @Test
  void runsOlderThanTheRetentionGoWithTheirJobInstancesAndJobLogs() throws Exception {
    var shop = shop(base.toURI(), "History shop", generic, 10, 2);
    var old = runNow(shop);
    var recent = runNow(shop);
    long oldInstance = instance(old);
    Path oldLogs = jobLogs(oldInstance);
    assertTrue(Files.isDirectory(oldLogs), "the old run's job log before the purge");
    var lost = UUID.randomUUID(); // a run whose job never started, its server gone, 40 days ago
    sql("INSERT INTO guardian_run (id, tenant_id, trigger, requested_by, state, claimed_at, ended_at, note)"
        + " VALUES (?, ?, 'API', 'it', 'LOST', now() - interval '40 days', now() - interval '40 days', 'gone')",
        lost, shop.tenant().id());

    sql("UPDATE guardian_run SET ended_at = now() - interval '31 days' WHERE id = ?", old.getString("id"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> runIds(shop), ids -> !ids.contains(old.getString("id")) && !ids.contains(lost.toString()));

    assertTrue(runIds(shop).contains(recent.getString("id")), "the recent run stays");
    var admin = new BatchAdmin();
    var gone = admin.call("GET", "jobinstances/" + oldInstance, null, 0);
    assertEquals(400, gone.status(), gone.body());
    assertTrue(gone.body().contains("CWWKY0151E"), "no job instance " + oldInstance + ": " + gone.body());
    assertFalse(Files.exists(oldLogs), "the old run's job log is deleted");
    assertEquals(200, admin.call("GET", "jobinstances/" + instance(recent), null, 0).status());
    assertTrue(Files.isDirectory(jobLogs(instance(recent))), "the recent run's job log stays");
    assertEquals(0, count("SELECT count(*) FROM guardian_run_partition WHERE run_id = ?", old.getString("id")));
    var metrics = Metrics.scrape();
    assertTrue(Metrics.value(metrics, "stocksync_guardian_history_purged_total", "kind=\"run\"") >= 2,
        Metrics.grep(metrics, "stocksync_guardian_history"));
  }

  @Test
  void aJobLogLibertyCannotDeleteDoesNotKeepTheRunInTheRepository() throws Exception {
    var shop = shop(base.toURI(), "Stray log shop", generic, 10, 1);
    var run = runNow(shop);
    long instance = instance(run);
    // A file Liberty did not write in the instance's log directory: its purge then fails ("not all job log files
    // were deleted"), as it does for logs left by an earlier database whose instance ids collide.
    Path stray = Files.writeString(jobLogs(instance).resolve("stray.txt"), "not Liberty's");

    sql("UPDATE guardian_run SET ended_at = now() - interval '31 days' WHERE id = ?", run.getString("id"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> runIds(shop), ids -> !ids.contains(run.getString("id")));

    var gone = new BatchAdmin().call("GET", "jobinstances/" + instance, null, 0);
    assertEquals(400, gone.status(), "purged from the job repository: " + gone.body());
    assertTrue(Files.exists(stray), "the files Liberty could not delete are left for ops (named in a warning)");
  }

  @Test
  void aDeletedTenantsJobInstancesAndJobLogsGoAtOnce() throws Exception {
    var shop = shop(base.toURI(), "Deleted history shop", generic, 10, 1);
    var survivor = shop(base.toURI(), "Surviving history shop", generic, 10, 1);
    long instance = instance(runNow(shop));
    long survivorInstance = instance(runNow(survivor));
    Path logs = jobLogs(instance);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(202, platform.delete("api/v1/tenants/" + shop.tenant().id()).status());

    var admin = new BatchAdmin();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> admin.call("GET", "jobinstances/" + instance, null, 0).status(), status -> status == 400);
    assertFalse(Files.exists(logs), "the deleted tenant's job log is deleted");
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> count(
        "SELECT count(*) FROM guardian_run WHERE tenant_id = ?", shop.tenant().id()), n -> n == 0);
    assertEquals(200, admin.call("GET", "jobinstances/" + survivorInstance, null, 0).status(), "another tenant's");
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE tenant_id = ?", survivor.tenant().id()));
    assertTrue(Files.isDirectory(jobLogs(survivorInstance)));
  }

  @Test
  void aJobInstanceNoRunNamesGoesOnceOlderThanTheRetention() throws Exception {
    var shop = shop(base.toURI(), "Orphan history shop", generic, 10, 1);
    var run = runNow(shop);
    long instance = instance(run);
    sql("DELETE FROM guardian_run WHERE id = ?", run.getString("id")); // as a hand purge of the rows would leave it
    var admin = new BatchAdmin();
    Thread.sleep(4_000); // two purges at the test server's 2 s
    assertEquals(200, admin.call("GET", "jobinstances/" + instance, null, 0).status(), "younger than the retention");

    sql("UPDATE batch.jobinstance SET updatetime = updatetime - interval '31 days' WHERE jobinstanceid = ?", instance);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> admin.call("GET", "jobinstances/" + instance, null, 0).status(), status -> status == 400);
  }

  private static long instance(JsonObject run) {
    return run.getJsonNumber("jobInstanceId").longValue();
  }

  private static List<String> runIds(GuardianFixtures.Shop shop) {
    return shop.tenant().user().get("api/v1/guardian/runs").parse().asJsonArray().stream()
        .map(r -> r.asJsonObject().getString("id")).toList();
  }

  private static Path jobLogs(long instance) throws IOException {
    try (var days = Files.list(TestStack.jobLogs().resolve("guardian-reconcile"))) {
      return days.map(d -> d.resolve("instance." + instance)).filter(Files::isDirectory).findFirst()
          .orElseThrow(() -> new AssertionError("no job log directory for instance " + instance));
    }
  }
}
