package io.stocksync.pipeline;

import static io.stocksync.pipeline.MovementFault.refuseMovementsOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.Metrics;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import io.stocksync.teststack.Webhooks;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tier's webhooks per minute: every delivery is accepted (a vendor must never see a refusal), and those over
 * the limit wait as DEFERRED for the tenant's next minute, then apply exactly once. Another tenant is not held up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookRateIT {

  private static final int FREE_PER_MINUTE = 600;
  /** More than a Watcher batch (100): the batch before them wakes the next deferred one. */
  private static final int OVER = 120;

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  /** A FREE tenant whose one channel is Shopify; its products are matched by SKU. */
  private record FreeShop(TestTenant tenant, String channel, ShopifyEvents events, Webhooks webhooks) {

    String product(String sku, long onHand) {
      String product = tenant.product(sku, onHand);
      tenant.mapping(product, channel, "item-" + sku, ShopifyStandIn.LOCATION);
      return product;
    }

    /** Orders one unit of the SKU, once for each event number, eight at a time. */
    void order(String sku, int from, int count) throws Exception {
      var pool = Executors.newFixedThreadPool(8);
      try {
        var sends = IntStream.range(from, from + count).mapToObj(i -> (Callable<Integer>) () -> {
          var order = events.orderCreated("evt-" + i + "-" + sku, 7_000_000L + i, sku, 1);
          return webhooks.post(channel, order.headers(), order.body()).status();
        }).toList();
        var statuses = new HashSet<Integer>();
        for (var answer : pool.invokeAll(sends)) {
          statuses.add(answer.get());
        }
        assertEquals(Set.of(200), statuses, "every delivery is accepted at intake");
      } finally {
        pool.shutdown();
      }
    }
  }

  private FreeShop freeShop(String name) throws Exception {
    var tenant = TestTenant.create(base.toURI(), name, "FREE");
    String secret = "shpss_flood_" + UUID.randomUUID();
    String channel = tenant.channel("SHOPIFY", "Shopify", 0, vendors.shopify().baseUrl(), ShopifyStandIn.TOKEN,
        secret);
    return new FreeShop(tenant, channel, new ShopifyEvents(secret), new Webhooks(base.toURI()));
  }

  @Test
  void deliveriesOverTheTiersRateWaitForTheNextMinuteAndApplyOnce() throws Exception {
    var shop = freeShop("Free tier flood");
    var tenant = shop.tenant();
    String sku = "FLOOD-" + UUID.randomUUID();
    String product = shop.product(sku, 1_000);
    var bystander = vendors.shop(base.toURI(), "Rate bystander", 50);
    double deferredBefore = Metrics.value(Metrics.scrape(), "stocksync_webhooks_deferred_total", "");

    Instant minute = startOfAFreshMinute();
    int total = FREE_PER_MINUTE + OVER;
    shop.order(sku, 0, total);

    await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(250))
        .until(() -> outcomes(tenant.id()), equalTo(Map.of("PROCESSED", (long) FREE_PER_MINUTE, "DEFERRED",
            (long) OVER)));
    assertEquals(minute, Instant.now().truncatedTo(ChronoUnit.MINUTES),
        "the limit held within the minute (the machine was too slow to tell otherwise)");
    assertEquals(1_000L - FREE_PER_MINUTE, tenant.onHand(product));
    assertEquals(deferredBefore + OVER,
        Metrics.value(Metrics.scrape(), "stocksync_webhooks_deferred_total", ""), "deferred deliveries counted");

    var usage = tenant.user().get("api/v1/tenant/webhook-usage");
    assertEquals(200, usage.status(), usage.body());
    assertEquals(FREE_PER_MINUTE, usage.json().getInt("perMinute"));
    assertEquals(OVER, usage.json().getInt("deferred"), "the shop sees what waits");
    assertTrue(usage.json().getInt("offeredThisMinute") > FREE_PER_MINUTE, "the limit was reached: " + usage.body());
    assertTrue(usage.json().containsKey("oldestDeferredReceivedAt"), usage.body());
    var othersUsage = bystander.tenant().user().get("api/v1/tenant/webhook-usage").json();
    assertEquals(0, othersUsage.getInt("deferred"), "another shop sees only its own");
    assertTrue(!othersUsage.containsKey("oldestDeferredReceivedAt"), "nothing waits: " + othersUsage);

    assertEquals(200, bystander.order("evt-bystander-" + sku, 5).status());
    await().atMost(Duration.ofSeconds(15)).until(bystander::onHand, equalTo(45L));
    assertEquals(minute, Instant.now().truncatedTo(ChronoUnit.MINUTES), "another tenant went through meanwhile");
    assertEquals(Map.of("PROCESSED", (long) FREE_PER_MINUTE, "DEFERRED", (long) OVER), outcomes(tenant.id()));

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> outcomes(tenant.id()), equalTo(Map.of("PROCESSED", (long) total)));
    assertEquals(1_000L - total, tenant.onHand(product), "each order applied exactly once");
    assertEquals(0, tenant.user().get("api/v1/tenant/webhook-usage").json().getInt("deferred"));
    for (var perMinute : processedPerMinute(tenant.id()).entrySet()) {
      assertTrue(perMinute.getValue() <= FREE_PER_MINUTE, "minute " + perMinute.getKey() + ": " + perMinute);
    }
    assertTrue(processedPerMinute(tenant.id()).size() >= 2, "the deferred ones were applied in a later minute");
    double span = secondsSpentOnTheDeferred(tenant.id());
    assertTrue(span < 3.0, "the deferred backlog went on from batch to batch (the next one woken at once), not one"
        + " batch per 5-second tick: " + span + " s");
  }

  /** From the first to the last delivery applied in the last minute that applied any: the deferred ones. */
  private static double secondsSpentOnTheDeferred(UUID tenantId) throws SQLException {
    try (var db = TestStack.jdbc(); var ps = db.prepareStatement("SELECT extract(epoch FROM max(processed_at)"
        + " - min(processed_at)) FROM webhook_delivery WHERE tenant_id = ? AND processed_at >= (SELECT"
        + " date_trunc('minute', max(processed_at)) FROM webhook_delivery WHERE tenant_id = ?)")) {
      ps.setObject(1, tenantId);
      ps.setObject(2, tenantId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  @Test
  void aDeferredDeliveryThatCannotBeAppliedDoesNotHoldUpTheOnesBehindIt() throws Exception {
    var shop = freeShop("Free tier poison");
    String sku = "PLENTY-" + UUID.randomUUID();
    String plenty = shop.product(sku, 1_000);
    String poisonSku = "POISON-" + UUID.randomUUID();
    String poison = shop.product(poisonSku, 10);
    startOfAFreshMinute();
    shop.order(sku, 0, FREE_PER_MINUTE);
    await().atMost(Duration.ofSeconds(25)).until(() -> outcomes(shop.tenant().id()),
        equalTo(Map.of("PROCESSED", (long) FREE_PER_MINUTE)));
    refuseMovementsOf(poison, true);
    try {
      shop.order(poisonSku, 10_000, 1); // the oldest deferred delivery, and one the database refuses
      shop.order(sku, FREE_PER_MINUTE, 30);
      await().atMost(Duration.ofSeconds(25)).until(() -> outcomes(shop.tenant().id()),
          equalTo(Map.of("PROCESSED", (long) FREE_PER_MINUTE, "DEFERRED", 31L)));

      // The next minute; the refused one is redelivered (1 s, 2 s, 4 s, ...) and dead-lettered, then passed over.
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
          .until(() -> outcomes(shop.tenant().id()), equalTo(Map.of("PROCESSED", FREE_PER_MINUTE + 30L,
              "DEFERRED", 1L)));
      assertEquals(1_000L - FREE_PER_MINUTE - 30, shop.tenant().onHand(plenty));
      assertEquals(10L, shop.tenant().onHand(poison), "nothing of the refused order applied");
      assertTrue(failuresOfDeferred(shop.tenant().id()) >= 6, "each of the broker's six attempts on record");
    } finally {
      refuseMovementsOf(poison, false);
    }
  }

  /** Waits, if need be, for a minute with at least 30 s left, so the flood and its checks fit in it. */
  private static Instant startOfAFreshMinute() throws InterruptedException {
    Instant now = Instant.now();
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    if (now.isAfter(minute.plusSeconds(30))) {
      Thread.sleep(Duration.between(now, minute.plusSeconds(61)).toMillis());
      minute = minute.plus(1, ChronoUnit.MINUTES);
    }
    return minute;
  }

  private static long failuresOfDeferred(UUID tenantId) throws SQLException {
    return grouped("SELECT outcome, sum(failures) FROM webhook_delivery WHERE tenant_id = ? AND outcome = 'DEFERRED'"
        + " GROUP BY outcome", tenantId).getOrDefault("DEFERRED", 0L);
  }

  private static Map<String, Long> outcomes(UUID tenantId) throws SQLException {
    return grouped("SELECT outcome, count(*) FROM webhook_delivery WHERE tenant_id = ? GROUP BY outcome", tenantId);
  }

  private static Map<String, Long> processedPerMinute(UUID tenantId) throws SQLException {
    return grouped("SELECT date_trunc('minute', processed_at)::text, count(*) FROM webhook_delivery"
        + " WHERE tenant_id = ? AND outcome = 'PROCESSED' GROUP BY 1", tenantId);
  }

  private static Map<String, Long> grouped(String sql, UUID tenantId) throws SQLException {
    try (var db = TestStack.jdbc(); var ps = db.prepareStatement(sql)) {
      ps.setObject(1, tenantId);
      var result = new HashMap<String, Long>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getLong(2));
        }
      }
      return result;
    }
  }
}
