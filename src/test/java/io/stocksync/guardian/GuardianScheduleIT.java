package io.stocksync.guardian;

import static io.stocksync.guardian.GuardianFixtures.count;
import static io.stocksync.guardian.GuardianFixtures.shop;
import static io.stocksync.guardian.GuardianFixtures.sql;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
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
 * The schedule, with two competing schedulers ticking every 2 s in the test server (stocksync.guardian.schedulers=2
 * in the pom), each claiming through its own connection as a second server would: each slot starts exactly once,
 * and paused tenants are skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardianScheduleIT {

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

  private final java.util.List<String> everyMinute = new java.util.ArrayList<>();

  /** A tenant reconciled every minute, old enough that its first slot is due (a new tenant waits one interval). */
  private void everyMinute(java.util.UUID tenantId) throws Exception {
    sql("UPDATE tenant SET reconcile_interval_minutes = 1, created_at = now() - interval '1 hour' WHERE id = ?",
        tenantId.toString());
    everyMinute.add(tenantId.toString());
  }

  /**
   * Later tests share the server and this class's stand-in: these tenants must not go on running every minute, and
   * a run the schedulers claimed for them before the change (a minute's slot that came round) must not read the
   * stand-in while the next test counts its reads.
   */
  @org.junit.jupiter.api.AfterEach
  void backToTheDefaultInterval() throws Exception {
    for (String t : everyMinute) {
      sql("UPDATE tenant SET reconcile_interval_minutes = 15, created_at = now() WHERE id = ?", t);
    }
    Thread.sleep(2_500); // a scheduler tick that read the old interval has claimed by now
    for (String t : everyMinute) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> count(
          "SELECT count(*) FROM guardian_run WHERE tenant_id = ? AND state IN ('CLAIMED', 'RUNNING')", t),
          n -> n == 0);
    }
  }

  /**
   * The test counts the channel reads of one slot's run and then watches the schedulers for 6 s more: all of it must
   * end before the tenant's next minute slot starts, or that slot's run reads the channel too. The tenant's slot
   * starts at an offset of its own within the minute, so wait until a slot has at least 40 s left.
   */
  private static void waitForTheStartOfASlot(java.util.UUID tenantId) throws InterruptedException {
    var now = java.time.Instant.now();
    long into = Duration.between(ReconcileSlot.current(tenantId, 1, now), now).toSeconds();
    if (into > 20) {
      Thread.sleep((61 - into) * 1_000);
    }
  }

  @Test
  void eachSlotStartsOnceWithTwoSchedulersAndPausedTenantsAreSkipped() throws Exception {
    var active = shop(base.toURI(), "Scheduled shop", generic, 8, 1);
    var paused = shop(base.toURI(), "Paused scheduled shop", generic, 8, 1);
    generic.setLevel(active.item(0).externalId(), 9);
    generic.setLevel(paused.item(0).externalId(), 9);
    assertEquals(200, new Api(base.toURI()).asPlatformAdmin()
        .post("api/v1/tenants/" + paused.tenant().id() + "/pause", "").status());
    waitForTheStartOfASlot(active.tenant().id());
    everyMinute(active.tenant().id());
    everyMinute(paused.tenant().id());
    int reads = generic.readCalls();

    var run = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> active.tenant().user().get("api/v1/guardian/runs").parse().asJsonArray(), a -> !a.isEmpty())
        .getJsonObject(0);
    assertEquals("SCHEDULE", run.getString("trigger"));
    var ended = GuardianFixtures.awaitEnded(active, run.getString("id"));
    assertEquals("COMPLETED", ended.getString("batchStatus"), ended.toString());
    assertEquals(1, ended.getJsonObject("summary").getInt("repaired"));
    assertEquals(8L, generic.level(active.item(0).externalId()));

    Thread.sleep(6_000); // three more ticks of both schedulers within the same slot
    String slot = run.getString("slotStart");
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE tenant_id = ? AND slot_start = ?::timestamptz",
        active.tenant().id().toString(), slot), "one run for the slot");
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE tenant_id = ? AND slot_start <= ?::timestamptz",
        active.tenant().id().toString(), slot + ""), "and no other run of it so far");
    assertEquals(reads + 1, generic.readCalls(), "one run read the channel, once; the paused tenant's never");
    assertEquals(0, count("SELECT count(*) FROM guardian_run WHERE tenant_id = ?", paused.tenant().id().toString()));
    assertEquals(9L, generic.level(paused.item(0).externalId()));
  }

  @Test
  void aRunWhoseServerDiedGivesItsPlaceBackAndTheScheduleGoesOn() throws Exception {
    var shop = shop(base.toURI(), "Orphaned shop", generic, 4, 1);
    generic.setLevel(shop.item(0).externalId(), 5);
    String tenant = shop.tenant().id().toString();
    // A server claimed a slot half an hour ago (beyond the claim lease of 15 minutes) and died before starting it:
    // the tenant's active place is taken. Taken before the tenant falls due, or a scheduler tick in between would
    // claim the place first.
    String orphan = java.util.UUID.randomUUID().toString();
    sql("INSERT INTO guardian_run (id, tenant_id, trigger, slot_start, requested_by, state, claimed_at)"
        + " VALUES (?, ?, 'SCHEDULE', now() - interval '30 minutes', 'guardian-scheduler', 'CLAIMED',"
        + " now() - interval '30 minutes')", orphan, tenant);
    everyMinute(shop.tenant().id());

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> count(
        "SELECT count(*) FROM guardian_run WHERE tenant_id = ? AND id <> ? AND state = 'ENDED'", tenant, orphan),
        n -> n >= 1);
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE id = ? AND state = 'LOST'", orphan));
    assertEquals(4L, generic.level(shop.item(0).externalId()), "a live server ran the next slot");
  }
}
