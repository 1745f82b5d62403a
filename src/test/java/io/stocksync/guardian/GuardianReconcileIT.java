package io.stocksync.guardian;

import static io.stocksync.guardian.GuardianFixtures.count;
import static io.stocksync.guardian.GuardianFixtures.runNow;
import static io.stocksync.guardian.GuardianFixtures.shop;
import static io.stocksync.teststack.Metrics.grep;
import static io.stocksync.teststack.Metrics.scrape;
import static io.stocksync.teststack.Metrics.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.ServerLog;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
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
 * Guardian runs started through the API against vendor stand-ins: repair within the threshold, alert beyond it,
 * the two-read rule for upward corrections, paused tenants skipped, runs scoped to their tenant; and what operations
 * see of a run: its metrics, the tenant's stats, its log records.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardianReconcileIT {

  static GenericStandIn generic;
  static WooCommerceStandIn woo;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startStandIns() {
    generic = new GenericStandIn();
    woo = new WooCommerceStandIn();
  }

  @AfterAll
  static void stopStandIns() {
    generic.close();
    woo.close();
  }

  private static JsonObject summary(JsonObject run) {
    return run.getJsonObject("summary");
  }

  @Test
  void driftWithinTheThresholdIsRepairedThroughTheChannelsWriterAndRecorded() throws Exception {
    var shop = shop(base.toURI(), "Repair shop", generic, 20, 2);
    var wooShop = shop.withChannel("WOOCOMMERCE", woo, WooCommerceStandIn.credentials(), 2, 20, 1);
    generic.setLevel(shop.item(0).externalId(), 23); // shows 3 more than on-hand: may oversell
    int genericWrites = generic.writeCalls();
    int genericReads = generic.readCalls();
    int wooWrites = woo.writeCalls();

    var run = runNow(shop);
    assertEquals("COMPLETED", run.getString("batchStatus"), run.toString());
    assertEquals(20L, generic.level(shop.item(0).externalId()), "repaired to the expected level");
    assertEquals(genericWrites + 1, generic.writeCalls(), "one push call for the chunk's repairs");
    assertEquals(genericReads + 1, generic.readCalls(), "one bulk read for the page of two mappings");
    assertEquals(wooWrites, woo.writeCalls(), "WooCommerce (18 = 20 - buffer 2) was in sync: not written");
    assertEquals(18L, woo.level(wooShop.item(0).externalId()));
    var s = summary(run);
    assertEquals(3, s.getInt("checked"), s.toString());
    assertEquals(2, s.getInt("inSync"), s.toString());
    assertEquals(1, s.getInt("repaired"), s.toString());
    assertEquals(0, s.getInt("alerted") + s.getInt("skipped") + s.getInt("failed"), s.toString());

    var events = shop.tenant().user().get("api/v1/products/" + shop.item(0).productId() + "/sync-events").json()
        .getJsonArray("items");
    assertEquals(1, events.size(), events.toString());
    assertEquals("PUSHED", events.getJsonObject(0).getString("outcome"));
    assertEquals(20, events.getJsonObject(0).getInt("level"));
    assertEquals("guardian:" + run.getString("id"), events.getJsonObject(0).getString("requestId"));
    assertEquals(1, count("SELECT count(*) FROM stock_movement WHERE product_id = ?", shop.item(0).productId()),
        "on-hand untouched: the Guardian corrects channels, not stock");

    var again = runNow(shop);
    assertEquals(3, summary(again).getInt("inSync"), "the next run finds everything in sync");
    assertEquals(genericWrites + 1, generic.writeCalls());
  }

  @Test
  void driftBeyondTheThresholdRaisesOneAlertAndLeavesTheChannelAlone() throws Exception {
    var shop = shop(base.toURI(), "Alert shop", generic, 20, 1);
    String item = shop.item(0).externalId();
    generic.setLevel(item, 40);
    int writes = generic.writeCalls();

    var first = runNow(shop);
    assertEquals("COMPLETED", first.getString("batchStatus"));
    assertEquals(1, summary(first).getInt("alerted"), first.toString());
    assertEquals(40L, generic.level(item), "the channel is left for a human");
    assertEquals(writes, generic.writeCalls());
    String openDrift = "SELECT count(*) FROM alert WHERE tenant_id = ? AND type = 'DRIFT' AND status = 'OPEN'"
        + " AND channel_id = ?";
    assertEquals(1, count(openDrift, shop.tenant().id(), shop.channelId()));

    var second = runNow(shop);
    assertEquals(1, summary(second).getInt("alerted"));
    assertEquals(1, count(openDrift, shop.tenant().id(), shop.channelId()), "one open alert per mapping, not two");

    // The tenant raises its threshold: the same drift is now repaired, and the alert resolved.
    var patched = new Api(base.toURI()).asPlatformAdmin().patch("api/v1/tenants/" + shop.tenant().id(),
        "{\"settings\":{\"driftThreshold\":25}}");
    assertEquals(200, patched.status(), patched.body());
    var third = runNow(shop);
    assertEquals(1, summary(third).getInt("repaired"), third.toString());
    assertEquals(20L, generic.level(item));
    assertEquals(0, count(openDrift, shop.tenant().id(), shop.channelId()), "the repair resolved the alert");
  }

  @Test
  void anUpwardCorrectionWaitsUntilTwoConsecutiveReadsAgree() throws Exception {
    var shop = shop(base.toURI(), "Two-read shop", generic, 10, 2);
    String steady = shop.item(0).externalId();
    String moving = shop.item(1).externalId();
    generic.setLevel(steady, 7); // shows less than expected: maybe a sale we have not received yet
    generic.setLevel(moving, 7);
    int writes = generic.writeCalls();

    var first = runNow(shop);
    assertEquals(2, summary(first).getInt("skipped"), first.toString());
    assertEquals(writes, generic.writeCalls(), "one read is not believed: nothing pushed");
    assertEquals(7L, generic.level(steady));

    generic.setLevel(moving, 8); // the channel moved meanwhile: the reads disagree
    var second = runNow(shop);
    assertEquals(1, summary(second).getInt("repaired"), second.toString());
    assertEquals(1, summary(second).getInt("skipped"), second.toString());
    assertEquals(10L, generic.level(steady), "two agreeing reads: repaired upwards");
    assertEquals(8L, generic.level(moving), "disagreeing reads: still waiting");

    var third = runNow(shop);
    assertEquals(1, summary(third).getInt("repaired"), third.toString());
    assertEquals(10L, generic.level(moving));
    assertEquals(0, count("SELECT count(*) FROM guardian_observation WHERE tenant_id = ?", shop.tenant().id()));
  }

  @Test
  void aPausedTenantIsSkipped() throws Exception {
    var shop = shop(base.toURI(), "Paused shop", generic, 10, 1);
    generic.setLevel(shop.item(0).externalId(), 12);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "").status());
    int reads = generic.readCalls();

    assertEquals(409, shop.tenant().admin().post("api/v1/guardian/runs", "").status(), "the API refuses");
    // Even a job submitted by ops for a paused tenant reads and writes nothing.
    var admin = new BatchAdmin();
    long instance = admin.submit("guardian-reconcile", "{\"tenantId\":\"" + shop.tenant().id() + "\"}")
        .getJsonNumber("instanceId").longValue();
    var runs = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> shop.tenant().user().get("api/v1/guardian/runs").parse().asJsonArray(), a -> !a.isEmpty());
    var run = GuardianFixtures.awaitEnded(shop, runs.getJsonObject(0).getString("id"));
    assertEquals("OPS", run.getString("trigger"));
    assertEquals(instance, run.getJsonNumber("jobInstanceId").longValue());
    assertEquals("COMPLETED", run.getString("batchStatus"));
    assertEquals(0, summary(run).getInt("checked"));
    assertEquals(reads, generic.readCalls(), "no channel call for a paused tenant");
    assertEquals(12L, generic.level(shop.item(0).externalId()));
  }

  @Test
  void runsBelongToTheirTenant() throws Exception {
    var mine = shop(base.toURI(), "Own shop", generic, 5, 1);
    var other = shop(base.toURI(), "Other shop", generic, 5, 1);
    var run = runNow(mine);
    String runId = run.getString("id");

    assertEquals(404, other.tenant().admin().get("api/v1/guardian/runs/" + runId).status());
    assertTrue(other.tenant().admin().get("api/v1/guardian/runs").parse().asJsonArray().isEmpty());
    assertEquals(200, mine.tenant().user().get("api/v1/guardian/runs/" + runId).status());
    assertEquals(403, mine.tenant().user().post("api/v1/guardian/runs", "").status(), "a tenant user only reads");
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(1, platform.get("api/v1/guardian/runs?tenantId=" + mine.tenant().id()).parse().asJsonArray()
        .size());
    var started = platform.post("api/v1/guardian/runs?tenantId=" + other.tenant().id(), "");
    assertEquals(202, started.status(), started.body());
    assertEquals("API", started.json().getString("trigger"));
  }

  @Test
  void aRunShowsInMetricsByChannelTypeNeverByTenant() throws Exception {
    var run = runWithRepairAndAlert("Measured shop");
    assertEquals("COMPLETED", run.json().getString("batchStatus"), run.json().toString());

    String metrics = scrape();
    String generic = "channel_type=\"GENERIC\"";
    assertTrue(value(metrics, "stocksync_guardian_run_seconds_count", "outcome=\"COMPLETED\"") >= 1,
        grep(metrics, "stocksync_guardian_run"));
    assertTrue(value(metrics, "stocksync_guardian_run_seconds_max", "outcome=\"COMPLETED\"") > 0);
    assertTrue(value(metrics, "stocksync_guardian_checks_total", generic) >= 3, grep(metrics, "guardian_checks"));
    assertTrue(value(metrics, "stocksync_guardian_drift_found_total", generic + ",action=\"repair\"") >= 1,
        grep(metrics, "drift_found"));
    assertTrue(value(metrics, "stocksync_guardian_drift_found_total", generic + ",action=\"alert\"") >= 1);
    assertTrue(value(metrics, "stocksync_guardian_drift_repaired_total", generic + ",outcome=\"pushed\"") >= 1,
        grep(metrics, "drift_repaired"));
    assertTrue(value(metrics, "stocksync_guardian_drift_alerted_total", generic) >= 1,
        grep(metrics, "drift_alerted"));
    assertFalse(metrics.contains(run.shop().tenant().id().toString()), "no tenant id in any metric");
  }

  @Test
  void tenantStatsShowTheLastReconciliation() throws Exception {
    var run = runWithRepairAndAlert("Stats shop");
    var stats = new Api(base.toURI()).asPlatformAdmin().get("api/v1/admin/tenants/" + run.shop().tenant().id()
        + "/stats");
    assertEquals(200, stats.status(), stats.body());
    var last = stats.json().getJsonObject("lastReconciliation");
    assertEquals(run.json().getString("id"), last.getString("id"), last.toString());
    assertEquals("COMPLETED", last.getString("batchStatus"));
    assertEquals("ENDED", last.getString("state"));
    var started = java.time.OffsetDateTime.parse(last.getString("startedAt"));
    assertFalse(started.isBefore(java.time.OffsetDateTime.parse(last.getString("claimedAt"))), last.toString());
    assertFalse(java.time.OffsetDateTime.parse(last.getString("endedAt")).isBefore(started), last.toString());
    var s = summary(last);
    assertEquals(3, s.getInt("checked"), s.toString());
    assertEquals(1, s.getInt("repaired"), s.toString());
    assertEquals(1, s.getInt("alerted"), s.toString());

    var fresh = shop(base.toURI(), "Never reconciled shop", generic, 5, 1);
    var none = new Api(base.toURI()).asPlatformAdmin().get("api/v1/admin/tenants/" + fresh.tenant().id() + "/stats");
    assertEquals(200, none.status(), none.body());
    assertTrue(!none.json().containsKey("lastReconciliation") || none.json().isNull("lastReconciliation"),
        none.body());
  }

  @Test
  void aRunsLogRecordsCarryItsRequestIdAndTenantOnTheJobAndPartitionThreads() throws Exception {
    var run = runWithRepairAndAlert("Logged shop");
    String requestId = "guardian:" + run.json().getString("id");
    String tenant = run.shop().tenant().id().toString();

    var records = ServerLog.withRequestId(requestId);
    // The writer's trace line comes from a partition's thread (the test server traces io.stocksync at FINE).
    assertTrue(records.stream().anyMatch(r -> r.getString("module", "").equals(DriftWriter.class.getName())
        && r.getString("message", "").contains("channel " + run.shop().channelId() + ": checked 3")),
        records.toString());
    assertTrue(records.stream().anyMatch(r -> r.getString("module", "").equals(RunLifecycle.class.getName())
        && r.getString("message", "").contains("ended COMPLETED")), records.toString());
    assertTrue(records.stream().allMatch(r -> tenant.equals(r.getString("ext_tenantId", null))),
        "every record of the run names the tenant: " + records);
  }

  /** A run that found one mapping to repair, one to alert and one in sync. */
  private record Reconciled(GuardianFixtures.Shop shop, JsonObject json) {}

  private Reconciled runWithRepairAndAlert(String name) throws Exception {
    var shop = shop(base.toURI(), name, generic, 20, 3);
    generic.setLevel(shop.item(0).externalId(), 22);
    generic.setLevel(shop.item(1).externalId(), 60);
    return new Reconciled(shop, runNow(shop));
  }
}
