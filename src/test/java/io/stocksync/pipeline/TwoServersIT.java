package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.SecondServer;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import io.stocksync.teststack.Webhooks;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scale-out deployment run for real: a second Liberty process beside Arquillian's, with the same WAR and
 * configuration, sharing PostgreSQL and Artemis. Webhooks arrive at both servers; both servers' MDBs consume the
 * shared queues; the Guardian's schedulers of both compete for each slot. Then the second server is killed (SIGKILL)
 * in the middle of a stream of orders: every order it had accepted is applied once, the ones it could not answer are
 * retried at the first server as a vendor would (same event id), and the first server goes on running the schedule.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

  private static final Duration SETTLE = Duration.ofSeconds(90);
  /** Orders go out one every 25 ms (40/s), so that a stream lasts seconds and the kill lands inside it. */
  private static final long PACING_NANOS = 25_000_000L;
  private static final SimpleString WEBHOOK_QUEUE = SimpleString.of("stocksync.webhooks");

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  static final URI FIRST = URI.create("http://127.0.0.1:" + System.getProperty("liberty.http.port") + "/stocksync/");
  static SecondServer second;
  static GenericStandIn generic;
  static int consumersOfOneServer;
  static final List<TestTenant> scheduled = new ArrayList<>();
  /** Two Guardian runs started through the second server's API (so run there), oldest first. */
  static final List<String> runsOfTheSecond = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startTheSecondServer() throws Exception {
    consumersOfOneServer = steadyWebhookQueueConsumers();
    second = SecondServer.start(Integer.getInteger("liberty.http.port") + 1,
        Integer.getInteger("liberty.https.port") + 1);
    generic = new GenericStandIn();
  }

  @AfterAll
  static void stopTheSecondServer() throws Exception {
    try {
      if (!scheduled.isEmpty()) {
        backToTheDefaultInterval();
      }
    } finally {
      try {
        if (second != null) {
          second.close();
        }
      } finally {
        if (generic != null) {
          generic.close();
        }
      }
    }
  }

  @Test
  @Order(1)
  void bothServersConsumeTheSharedQueueAndOrdersAtEitherAreAppliedOnce() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(TwoServersIT::webhookQueueConsumers,
        n -> n == 2 * consumersOfOneServer);
    var shops = shops("Two servers", 4);
    var orders = orders(shops, 50, "evt-2srv-");
    var outcome = send(orders, null);
    assertEquals(0, outcome.retried(), "both servers answered every order");
    assertEquals(100, outcome.atSecond(), "half the orders were answered by the second server");
    assertEverythingAppliedOnce(shops, 50);
  }

  @Test
  @Order(2)
  void aTenantPausedThroughOneServerIsPausedOnTheOtherAndResumedThroughIt() throws Exception {
    var shop = vendors.shop(FIRST, "Paused on two servers", 100);
    var platform = new Api(FIRST).asPlatformAdmin();
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}").status());
    var secondHooks = new Webhooks(second.base());
    for (int i = 0; i < 10; i++) {
      var order = shop.events().orderCreated("evt-2srv-paused-" + i, 95_000 + i, shop.sku(), 1);
      assertEquals(200, secondHooks.post(shop.shopifyChannel(), order.headers(), order.body()).status());
    }
    await().atMost(SETTLE).until(() -> count("SELECT count(*) FROM webhook_delivery WHERE tenant_id = ?"
        + " AND outcome = 'PARKED'", shop.tenant().id()), n -> n == 10);
    assertEquals(100L, shop.onHand(), "nothing applied while paused");

    var resumed = platform.at(second.base()).post("api/v1/tenants/" + shop.tenant().id() + "/resume", "{}");
    assertEquals(200, resumed.status(), resumed.body());
    await().atMost(SETTLE).until(shop::onHand, equalTo(90L));
    await().atMost(SETTLE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(88L));
    await().atMost(SETTLE).until(() -> vendors.square().level(shop.squareItem()), equalTo(90L));
    assertEquals(11, shop.movements());
  }

  @Test
  @Order(3)
  void eachGuardianSlotStartsOnceWithBothServersScheduling() throws Exception {
    // Several tenants: each has its own offset within the minute, so the two servers' ticks win different ones.
    for (int t = 0; t < 4; t++) {
      var tenant = TestTenant.create(FIRST, "Scheduled on two servers " + t, "ENTERPRISE");
      String channel = tenant.channel("GENERIC", "Generic", 0, generic.baseUrl(), GenericStandIn.TOKEN,
          "whsec-two-servers-" + t);
      for (int i = 0; i < 3; i++) {
        String external = "two-servers-" + t + "-" + i;
        tenant.mapping(tenant.product("TWO-SRV-" + t + "-" + i, 10), channel, external);
        generic.setLevel(external, 10);
      }
      scheduled.add(tenant);
    }
    reconcileEveryMinute();

    // Four schedulers (two per server, stocksync.guardian.schedulers=2) tick every 2 s for two slots or more.
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> count(
        "SELECT min(n) FROM (SELECT count(r.id) FILTER (WHERE r.state = 'ENDED') n FROM tenant t"
            + " LEFT JOIN guardian_run r ON r.tenant_id = t.id WHERE t.id = ANY(?) GROUP BY t.id) ended",
        scheduledIds()), n -> n >= 2);
    assertOneRunPerSlot();
    assertEndedRunsCompleted(null);
    System.out.println("Guardian runs per server with both up: " + one("SELECT string_agg(serverid || ' ' || n,"
        + " ', ') FROM (SELECT e.serverid, count(*) n FROM guardian_run r JOIN batch.jobexecution e"
        + " ON e.jobexecid = r.execution_id WHERE r.tenant_id = ANY(?) GROUP BY e.serverid) per", scheduledIds()));
  }

  @Test
  @Order(4)
  void aRunStartedThroughASecondServersApiRunsThere() throws Exception {
    var tenant = TestTenant.create(FIRST, "Reconciled by the second server", "ENTERPRISE");
    String channel = tenant.channel("GENERIC", "Generic", 0, generic.baseUrl(), GenericStandIn.TOKEN,
        "whsec-second-server");
    tenant.mapping(tenant.product("SECOND-SRV-1", 5), channel, "second-server-1");
    generic.setLevel("second-server-1", 5);
    var admin = tenant.admin().at(second.base());
    for (int i = 0; i < 2; i++) {
      var started = admin.post("api/v1/guardian/runs", "");
      assertEquals(202, started.status(), started.body());
      String run = started.json().getString("id");
      var ended = await().atMost(SETTLE).pollInterval(Duration.ofMillis(300))
          .until(() -> admin.get("api/v1/guardian/runs/" + run).json(), r -> "ENDED".equals(r.getString("state")));
      assertEquals("COMPLETED", ended.getString("batchStatus"), ended.toString());
      assertTrue(one("SELECT e.serverid FROM guardian_run r JOIN batch.jobexecution e ON e.jobexecid = r.execution_id"
          + " WHERE r.id = ?", UUID.fromString(run)).endsWith("/" + second.name()), "ran on the second server");
      runsOfTheSecond.add(run);
    }
  }

  @Test
  @Order(5)
  void aServerKilledMidStreamLosesNoOrderAndAppliesNoneTwice() throws Exception {
    // No run of the scheduled tenant may be in flight at the kill: a run whose server dies holds the tenant's
    // place until its lease ends (30 minutes), which GuardianScheduleIT covers; here the next slot must run.
    backToTheDefaultInterval();
    await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> count(
        "SELECT count(*) FROM guardian_run WHERE tenant_id = ANY(?) AND state IN ('CLAIMED', 'RUNNING')",
        scheduledIds()), n -> n == 0);

    var shops = shops("Killed server", 4);
    var orders = orders(shops, 60, "evt-kill-");
    var answered = new AtomicInteger();
    var killer = Executors.newSingleThreadExecutor();
    Future<?> kill = killer.submit(() -> {
      await().atMost(SETTLE).until(answered::get, n -> n >= 80);
      second.kill();
      return null;
    });
    var outcome = send(orders, answered);
    kill.get();
    killer.shutdown();

    System.out.println("orders answered by the second server before it was killed: " + outcome.atSecond()
        + "; sent again to the first: " + outcome.retried() + ", of which already stored by the second: "
        + outcome.storedBeforeTheKill());
    assertTrue(outcome.retried() > 0, "the kill came while orders were still arriving at the second server");
    assertTrue(outcome.atSecond() > 0, "the second server accepted orders before it died");
    assertEverythingAppliedOnce(shops, 60);
    await().atMost(Duration.ofSeconds(30)).until(TwoServersIT::webhookQueueConsumers,
        n -> n == consumersOfOneServer);
  }

  @Test
  @Order(6)
  void theSurvivingServerRunsEveryTenantsNextGuardianSlot() throws Exception {
    var afterKill = Instant.now();
    reconcileEveryMinute();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> count(
        "SELECT count(DISTINCT tenant_id) FROM guardian_run WHERE tenant_id = ANY(?) AND state = 'ENDED'"
            + " AND claimed_at > ?", scheduledIds(), Timestamp.from(afterKill)), n -> n == scheduled.size());
    assertOneRunPerSlot();
    assertEndedRunsCompleted(afterKill);
    assertEquals(0, count("SELECT count(*) FROM guardian_run r JOIN batch.jobexecution e"
        + " ON e.jobexecid = r.execution_id WHERE r.tenant_id = ANY(?) AND r.claimed_at > ?"
        + " AND e.serverid NOT LIKE ?", scheduledIds(), Timestamp.from(afterKill), "%/" + System.getProperty("liberty.server.name")),
        "every run after the kill ran on the surviving server");
  }

  /** Answered by the second server; sent again to the first; of those, found already stored (the second died after
   * storing the delivery and before answering). */
  /**
   * Each server purges the Guardian history it ran (with its job logs); Liberty answers NOT_LOCAL for another
   * server's. The dead server's runs: one past the retention (30 days) by more than the grace (7 days) is purged
   * from the job repository by the survivor; one within the grace is left for its own server.
   */
  @Test
  @Order(7)
  void theSurvivorPurgesTheDeadServersHistoryOnceItsGraceHasPassed() throws Exception {
    String abandoned = runsOfTheSecond.get(0);
    String withinTheGrace = runsOfTheSecond.get(1);
    long instance = count("SELECT job_instance_id FROM guardian_run WHERE id = ?", UUID.fromString(abandoned));
    backdate(withinTheGrace, 33);
    backdate(abandoned, 40);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> count(
        "SELECT count(*) FROM guardian_run WHERE id = ?", UUID.fromString(abandoned)), n -> n == 0);
    assertEquals(0, count("SELECT count(*) FROM batch.jobinstance WHERE jobinstanceid = ?", instance),
        "its job instance is gone from the repository");
    Thread.sleep(5_000); // two more purges of the survivor (every 2 s in the tests)
    assertEquals(1, count("SELECT count(*) FROM guardian_run WHERE id = ?", UUID.fromString(withinTheGrace)),
        "left for its own server");
  }

  private static void backdate(String run, int days) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("UPDATE guardian_run SET claimed_at = claimed_at - ?,"
        + " started_at = started_at - ?, ended_at = ended_at - ? WHERE id = ?")) {
      var interval = new org.postgresql.util.PGInterval(0, 0, days, 0, 0, 0);
      ps.setObject(1, interval);
      ps.setObject(2, interval);
      ps.setObject(3, interval);
      ps.setObject(4, UUID.fromString(run));
      ps.executeUpdate();
    }
  }

  private record Outcome(int atSecond, int retried, int storedBeforeTheKill) {}

  private record ShopOrder(Shop shop, ShopifyEvents.Delivery delivery, long quantity, boolean toSecond) {}

  private List<Shop> shops(String name, int count) {
    var shops = new ArrayList<Shop>();
    for (int i = 0; i < count; i++) {
      shops.add(vendors.shop(FIRST, name + " " + i, 1_000));
    }
    return shops;
  }

  /** Orders of 1-3 units for each shop, every other one addressed to the second server. */
  private static List<ShopOrder> orders(List<Shop> shops, int perShop, String prefix) {
    var orders = new ArrayList<ShopOrder>();
    for (int i = 0; i < perShop; i++) {
      for (int s = 0; s < shops.size(); s++) {
        var shop = shops.get(s);
        long quantity = 1 + i % 3;
        String event = prefix + s + "-" + i;
        orders.add(new ShopOrder(shop, shop.events().orderCreated(event, 90_000 + i, shop.sku(), quantity),
            quantity, orders.size() % 2 == 1));
      }
    }
    return orders;
  }

  /**
   * Posts every order to its server, paced, up to 16 at a time. An order the second server does not answer (it died) is sent
   * again to the first under the same event id, as the vendor retries a delivery that got no 2xx.
   */
  private static Outcome send(List<ShopOrder> orders, AtomicInteger answered) throws Exception {
    var secondHooks = new Webhooks(second.base());
    var atSecond = new AtomicInteger();
    var retried = new AtomicInteger();
    var storedBeforeTheKill = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(16);
    try {
      var calls = new ArrayList<Future<Api.Response>>();
      long t0 = System.nanoTime() + 200_000_000L;
      for (var order : orders) {
        long due = t0 + calls.size() * PACING_NANOS;
        Callable<Api.Response> call = () -> {
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          Api.Response response = null;
          if (order.toSecond()) {
            try {
              response = secondHooks.post(order.shop().shopifyChannel(), order.delivery().headers(),
                  order.delivery().body());
              atSecond.incrementAndGet();
            } catch (UncheckedIOException e) {
              retried.incrementAndGet();
            }
          }
          if (response == null || response.status() >= 500) {
            response = order.shop().deliver(order.delivery());
            if (response.body().contains("DUPLICATE")) {
              storedBeforeTheKill.incrementAndGet();
            }
          }
          if (answered != null) {
            answered.incrementAndGet();
          }
          return response;
        };
        calls.add(pool.submit(call));
      }
      for (var call : calls) {
        var response = call.get();
        assertEquals(200, response.status(), response.body());
      }
    } finally {
      pool.shutdownNow();
    }
    return new Outcome(atSecond.get(), retried.get(), storedBeforeTheKill.get());
  }

  /** Each shop's stock is exactly its orders' sum less, once each, and every channel shows it. */
  private static void assertEverythingAppliedOnce(List<Shop> shops, int perShop) {
    long sold = 0;
    for (int i = 0; i < perShop; i++) {
      sold += 1 + i % 3;
    }
    long expected = 1_000 - sold;
    for (var shop : shops) {
      await().atMost(SETTLE).until(shop::onHand, equalTo(expected));
      await().atMost(SETTLE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(expected - 2));
      await().atMost(SETTLE).until(() -> vendors.square().level(shop.squareItem()), equalTo(expected));
      assertEquals(perShop + 1, shop.movements(), "the initial stock and each order once");
    }
  }

  private static void reconcileEveryMinute() throws SQLException {
    update("UPDATE tenant SET reconcile_interval_minutes = 1, created_at = now() - interval '1 hour'"
        + " WHERE id = ANY(?)");
  }

  /** Later tests share the first server: these tenants must not go on being reconciled every minute. */
  private static void backToTheDefaultInterval() throws SQLException {
    update("UPDATE tenant SET reconcile_interval_minutes = 15, created_at = now() WHERE id = ANY(?)");
  }

  private static void assertOneRunPerSlot() throws SQLException {
    assertEquals(0, count("SELECT count(*) FROM (SELECT tenant_id, slot_start FROM guardian_run"
        + " WHERE tenant_id = ANY(?) GROUP BY tenant_id, slot_start HAVING count(*) > 1) twice", scheduledIds()),
        "no slot ran twice");
  }

  /** Every ended run (claimed after {@code since}, if given) completed, as the API shows it. */
  private static void assertEndedRunsCompleted(Instant since) {
    for (var tenant : scheduled) {
      for (var run : tenant.user().get("api/v1/guardian/runs").parse().asJsonArray()
          .getValuesAs(jakarta.json.JsonObject.class)) {
        if ("ENDED".equals(run.getString("state"))
            && (since == null || java.time.OffsetDateTime.parse(run.getString("claimedAt")).toInstant().isAfter(since))) {
          assertEquals("COMPLETED", run.getString("batchStatus"), run.toString());
        }
      }
    }
  }

  /** The consumer count once it has stopped changing (an MDB's sessions may still be opening after a deploy). */
  private static int steadyWebhookQueueConsumers() throws InterruptedException {
    int last = -1;
    for (int i = 0; i < 30; i++) {
      int now = webhookQueueConsumers();
      if (now > 0 && now == last) {
        return now;
      }
      last = now;
      Thread.sleep(1_000);
    }
    throw new IllegalStateException("the webhook queue's consumers did not settle: " + last);
  }

  private static int webhookQueueConsumers() {
    return TestStack.broker().server().getActiveMQServer().locateQueue(WEBHOOK_QUEUE).getConsumerCount();
  }

  private static UUID[] scheduledIds() {
    return scheduled.stream().map(TestTenant::id).toArray(UUID[]::new);
  }

  private static long count(String query, Object first, Object... more) throws SQLException {
    return Long.parseLong(one(query, first, more));
  }

  /** The first column of the first row; a UUID[] parameter is bound as a PostgreSQL uuid[]. */
  private static String one(String query, Object first, Object... more) throws SQLException {
    var parameters = new ArrayList<Object>(List.of(first));
    parameters.addAll(List.of(more));
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.size(); i++) {
        var p = parameters.get(i);
        ps.setObject(i + 1, p instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : p);
      }
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void update(String statement) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(statement)) {
      ps.setObject(1, c.createArrayOf("uuid", scheduledIds()));
      ps.executeUpdate();
    }
  }
}
