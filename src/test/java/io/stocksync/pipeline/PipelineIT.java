package io.stocksync.pipeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook in, stock out: signed Shopify deliveries go through intake, the Watcher and Sync, and the levels land on
 * WooCommerce and Square stand-ins speaking the vendors' APIs. Each test has its own tenant and item ids.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PipelineIT {

  private static final Duration SETTLE = Duration.ofSeconds(45);

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  private Shop shop(String name, long onHand) throws Exception {
    return vendors.shop(base.toURI(), name, onHand);
  }

  private Api.Response deliver(Shop shop, ShopifyEvents.Delivery delivery) {
    return shop.deliver(delivery);
  }


  @Test
  void aShopifyOrderReachesWooCommerceAndSquareAndARefundGivesStockBack() throws Exception {
    var shop = shop("Order shop", 20);
    var accepted = deliver(shop, shop.events().orderCreated("evt-order-1", 5001, shop.sku(), 3));
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("ACCEPTED", accepted.json().getString("outcome"));

    await().atMost(SETTLE).until(shop::onHand, equalTo(17L));
    vendors.awaitLevels(shop, 15, 17);
    assertEquals(20L, vendors.shopify().level(shop.shopifyItem()), "the source channel is not pushed back to");

    deliver(shop, shop.events().refundCreated("evt-refund-1", 5001, shop.sku(), 2));
    await().atMost(SETTLE).until(shop::onHand, equalTo(19L));
    vendors.awaitLevels(shop, 17, 19);

    var events = shop.tenant().admin().get("api/v1/products/" + shop.product() + "/stock").json();
    assertTrue(events.toString().contains("\"lastPushed\":19"), events.toString());
    assertEquals(List.of("PROCESSED ORDER", "PROCESSED REFUND"), shop.inbox(), "each delivery marked with its kind");
  }

  @Test
  void aRepeatedDeliveryChangesNothingEvenWhenBothArriveAtOnce() throws Exception {
    var shop = shop("Duplicate shop", 50);
    var order = shop.events().orderCreated("evt-dup-1", 6001, shop.sku(), 5);
    assertEquals("ACCEPTED", deliver(shop, order).json().getString("outcome"));
    var again = deliver(shop, order);
    assertEquals(200, again.status());
    assertEquals("DUPLICATE", again.json().getString("outcome"));

    var twin = shop.events().orderCreated("evt-dup-2", 6002, shop.sku(), 4);
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var calls = new ArrayList<java.util.concurrent.Future<Api.Response>>();
      for (int i = 0; i < 2; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return deliver(shop, twin);
        }));
      }
      start.countDown();
      var outcomes = new ArrayList<String>();
      for (var call : calls) {
        var r = call.get();
        assertEquals(200, r.status(), r.body());
        outcomes.add(r.json().getString("outcome"));
      }
      outcomes.sort(null);
      assertEquals(java.util.List.of("ACCEPTED", "DUPLICATE"), outcomes);
    } finally {
      pool.shutdownNow();
    }
    await().atMost(SETTLE).until(shop::onHand, equalTo(41L));
    vendors.awaitLevels(shop, 39, 41);
    Thread.sleep(2_000); // room for a wrongly applied copy to show up
    assertEquals(41L, shop.onHand());
    assertEquals(3, shop.movements(), "initial stock and one movement per order");
  }

  @Test
  void anEchoOfOurOwnPushMakesNoLoop() throws Exception {
    var shop = shop("Echo shop", 30);
    var adjusted = shop.tenant().admin().post("api/v1/products/" + shop.product() + "/adjustments",
        "{\"delta\":-4,\"note\":\"breakage\"}");
    assertEquals(201, adjusted.status(), adjusted.body());
    await().atMost(SETTLE).until(() -> vendors.shopify().level(shop.shopifyItem()), equalTo(26L));
    vendors.awaitLevels(shop, 24, 26);
    int wooWrites = vendors.woo().writeCalls();
    int squareWrites = vendors.square().writeCalls();

    // Shopify tells us the level we just wrote: an echo, not a change.
    var echo = deliver(shop, shop.events().levelUpdated("evt-echo-1", shop.shopifyItem(), 26, Instant.now()));
    assertEquals("ACCEPTED", echo.json().getString("outcome"));
    Thread.sleep(4_000);
    assertEquals(26L, shop.onHand());
    assertEquals(2, shop.movements(), "initial stock and the adjustment only");
    assertEquals(wooWrites, vendors.woo().writeCalls(), "no push caused by the echo");
    assertEquals(squareWrites, vendors.square().writeCalls(), "no push caused by the echo");
  }

  @Test
  void outOfOrderAbsoluteLevelsSettleOnTheNewest() throws Exception {
    var shop = shop("Levels shop", 10);
    Instant older = Instant.now().minusSeconds(60);
    Instant newer = Instant.now().minusSeconds(30);
    deliver(shop, shop.events().levelUpdated("evt-lvl-new", shop.shopifyItem(), 7, newer));
    await().atMost(SETTLE).until(shop::onHand, equalTo(7L));
    deliver(shop, shop.events().levelUpdated("evt-lvl-old", shop.shopifyItem(), 12, older));
    vendors.awaitLevels(shop, 5, 7);
    Thread.sleep(3_000);
    assertEquals(7L, shop.onHand(), "the older level arrived last and is ignored");
    assertEquals(5L, vendors.woo().level(shop.wooItem()));
  }

  @Test
  void aSquareCountAtAnotherLocationIsNotTheMappedLevel() throws Exception {
    var shop = shop("Two locations shop", 10);
    String at = Instant.now().toString();
    byte[] body = ("{\"merchant_id\":\"M1\",\"type\":\"inventory.count.updated\",\"event_id\":\"sq-loc-"
        + shop.squareItem() + "\",\"created_at\":\"" + at + "\",\"data\":{\"type\":\"inventory\",\"object\":{"
        + "\"inventory_counts\":[" + count(shop.squareItem(), "L8OTHERSHOP", 3, at) + ","
        + count(shop.squareItem(), SquareStandIn.LOCATION, 40, at) + "]}}}").getBytes(StandardCharsets.UTF_8);
    String url = shop.webhooks().url(shop.squareChannel());
    String key = "sq-" + shop.squareItem().substring(2);
    var answer = shop.webhooks().post(shop.squareChannel(),
        Map.of("x-square-hmacsha256-signature", VendorSigner.square(url, body, key)), body);
    assertEquals(200, answer.status(), answer.body());
    await().atMost(SETTLE).until(shop::onHand, equalTo(40L));
    await().atMost(SETTLE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(38L));
    assertEquals(2, shop.movements(), "the opening stock and the mapped location's level, nothing for the other");
  }

  private static String count(String item, String location, long quantity, String at) {
    return "{\"catalog_object_id\":\"" + item + "\",\"catalog_object_type\":\"ITEM_VARIATION\",\"state\":"
        + "\"IN_STOCK\",\"location_id\":\"" + location + "\",\"quantity\":\"" + quantity
        + "\",\"calculated_at\":\"" + at + "\"}";
  }

  @Test
  void levelsAppliedInOneWatcherBatchAreStillJudgedByTheirTime() throws Exception {
    var shop = shop("Batched levels shop", 10);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}").status());
    Instant older = Instant.now().minusSeconds(60);
    Instant newer = Instant.now().minusSeconds(30);
    assertEquals(200, deliver(shop, shop.events().levelUpdated("evt-blvl-new", shop.shopifyItem(), 7, newer))
        .status());
    assertEquals(200, deliver(shop, shop.events().levelUpdated("evt-blvl-old", shop.shopifyItem(), 12, older))
        .status());
    Thread.sleep(2_000);
    // Both wait parked; on resume the first replayed message takes both into one transaction.
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/resume", "{}").status());
    vendors.awaitLevels(shop, 5, 7);
    Thread.sleep(3_000);
    assertEquals(7L, shop.onHand(), "the older level came second in the batch and is ignored");
  }

  @Test
  void aWooCommerceCancellationSentAgainWithEveryEditIsAppliedOnce() throws Exception {
    var shop = shop("Cancelled order shop", 30);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    String cancelled = """
        {"id":%d,"status":"cancelled","date_created_gmt":"2026-11-01T10:00:00","date_modified_gmt":"%s",
         "line_items":[{"id":1,"product_id":%s,"variation_id":0,"sku":"%s","quantity":4}]}""";
    long order = 7_000 + Long.parseLong(shop.wooItem()) % 1_000;
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}").status());
    // WooCommerce sends order.updated again for every later edit of a cancelled order, each with a new delivery id.
    for (String edit : List.of("2026-11-01T11:00:00", "2026-11-01T11:05:00")) {
      var r = shop.deliverWooCommerce("order.updated", "wc-" + order + "-" + edit,
          cancelled.formatted(order, edit, shop.wooItem(), shop.sku()));
      assertEquals("ACCEPTED", r.json().getString("outcome"), r.body());
    }
    Thread.sleep(2_000);
    // Both wait parked; on resume the first replayed message takes both into one transaction.
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/resume", "{}").status());
    await().atMost(SETTLE).until(shop::onHand, equalTo(34L));
    await().atMost(SETTLE).until(() -> vendors.square().level(shop.squareItem()), equalTo(34L));

    var later = shop.deliverWooCommerce("order.updated", "wc-" + order + "-note",
        cancelled.formatted(order, "2026-11-01T12:00:00", shop.wooItem(), shop.sku()));
    assertEquals("ACCEPTED", later.json().getString("outcome"), later.body());
    Thread.sleep(3_000); // room for a wrongly applied copy to show up
    assertEquals(34L, shop.onHand(), "the cancellation gives its 4 units back once");
    assertEquals(2, shop.movements(), "initial stock and one movement for the cancellation");
  }

  @Test
  void aShopifyOrderNamingOnlyTheVariantMovesTheProductMappedWithThatVariant() throws Exception {
    var shop = shop("Variant shop", 20);
    var tenant = shop.tenant();
    String product = tenant.product("OURS-" + shop.shopifyItem(), 20);
    long variant = 50_000_000_000L + Long.parseLong(shop.shopifyItem());
    var mapped = tenant.admin().post("api/v1/mappings", "{\"productId\":\"" + product + "\",\"channelId\":\""
        + shop.shopifyChannel() + "\",\"externalId\":\"9" + shop.shopifyItem() + "\",\"externalLocationId\":\""
        + ShopifyStandIn.LOCATION + "\",\"externalVariantId\":\"" + variant + "\"}");
    assertEquals(201, mapped.status(), mapped.body());
    assertEquals(Long.toString(variant), mapped.json().getString("externalVariantId"));
    String wooItem = "8" + shop.wooItem();
    vendors.woo().setLevel(wooItem, 18);
    tenant.mapping(product, shop.wooChannel(), wooItem);

    var r = deliver(shop, shop.events().orderCreatedForVariant("evt-variant-" + variant, variant, variant, 3));
    assertEquals(200, r.status(), r.body());
    await().atMost(SETTLE).until(() -> tenant.onHand(product), equalTo(17L));
    await().atMost(SETTLE).until(() -> vendors.woo().level(wooItem), equalTo(15L));
    assertEquals(20L, shop.onHand(), "the shop's other product is untouched");
  }

  @Test
  void twoHundredConcurrentOrdersLeaveExactlyTheRightStock() throws Exception {
    var shop = shop("Rush shop", 1_000);
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(16);
    try {
      var calls = new ArrayList<java.util.concurrent.Future<Api.Response>>();
      for (int i = 0; i < 200; i++) {
        var order = shop.events().orderCreated("evt-rush-" + i, 70_000 + i, shop.sku(), 1 + i % 3);
        Callable<Api.Response> call = () -> {
          start.await();
          return deliver(shop, order);
        };
        calls.add(pool.submit(call));
      }
      start.countDown();
      for (var call : calls) {
        assertEquals(200, call.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    long sold = 0;
    for (int i = 0; i < 200; i++) {
      sold += 1 + i % 3;
    }
    long expected = 1_000 - sold;
    await().atMost(Duration.ofSeconds(90)).until(shop::onHand, equalTo(expected));
    vendors.awaitLevels(shop, expected - 2, expected);
    assertEquals(201, shop.movements());
    assertTrue(vendors.woo().writeCalls() < 200, "coalesced: fewer pushes than orders, was " + vendors.woo().writeCalls());
  }

  @Test
  void aPausedTenantLosesNothing() throws Exception {
    var shop = shop("Paused shop", 40);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}").status());

    for (int i = 0; i < 3; i++) {
      var r = deliver(shop, shop.events().orderCreated("evt-paused-" + i, 8000 + i, shop.sku(), 2));
      assertEquals(200, r.status(), r.body());
    }
    Thread.sleep(4_000);
    assertEquals(40L, shop.onHand(), "nothing applied while paused");
    assertEquals(38L, vendors.woo().level(shop.wooItem()), "nothing pushed while paused");

    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/resume", "{}").status());
    await().atMost(SETTLE).until(shop::onHand, equalTo(34L));
    vendors.awaitLevels(shop, 32, 34);
    assertEquals(4, shop.movements());
  }

  @Test
  void aChannelThatFailsForAWhileGetsTheRightLevelAndItsBreakerShowsInMetrics() throws Exception {
    var shop = shop("Flaky shop", 60);
    vendors.square().answerServerErrors(4);
    deliver(shop, shop.events().orderCreated("evt-flaky-1", 9001, shop.sku(), 6));
    await().atMost(SETTLE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(52L));
    await().atMost(Duration.ofSeconds(90)).until(() -> vendors.square().level(shop.squareItem()), equalTo(54L));

    var metrics = Api.server().get("metrics?scope=base").body();
    assertTrue(metricAtLeast(metrics, "ft_circuitbreaker_opened_total",
        "io.stocksync.channel.square.SquareStockWriter.push", 1), "breaker opened:\n" + grep(metrics, "Square"));
    assertTrue(metricAtLeast(metrics, "ft_circuitbreaker_calls_total",
        "circuitBreakerResult=\"success\"", 1), "breaker closed again and let calls through");
    var events = shop.tenant().admin().get("api/v1/products/" + shop.product() + "/sync-events").json();
    assertTrue(events.toString().contains("PARKED"), events.toString());
  }

  @Test
  void oneShopsDeadApiOpensOnlyItsOwnBreakerAndRecovers() throws Exception {
    try (var deadWoo = new io.stocksync.channel.standin.WooCommerceStandIn()) {
      var dead = Shop.open(base.toURI(), "Dead API shop", 50, vendors.shopify(), deadWoo, vendors.square());
      var healthy = shop("Healthy neighbour", 50);
      // The metrics count by channel type, and other tests' WooCommerce breakers count too: compare with now.
      double openedBefore = breakerTransitions("OPEN");
      double closedBefore = breakerTransitions("CLOSED");
      deadWoo.answerServerErrors(10_000);
      dead.order("evt-dead-1", 1);
      await().atMost(Duration.ofSeconds(60)).until(() -> dead.tenant().admin()
          .get("api/v1/products/" + dead.product() + "/sync-events?limit=200").body()
          .contains("circuit open for this channel")); // this shop's own breaker opened
      assertTrue(breakerTransitions("OPEN") > openedBefore, "and /metrics shows it");

      healthy.order("evt-healthy-1", 5); // same vendor, another shop: its pushes go through meanwhile
      await().atMost(SETTLE).until(() -> vendors.woo().level(healthy.wooItem()), equalTo(43L));
      assertEquals(48L, deadWoo.level(dead.wooItem()), "the dead shop got nothing yet");

      deadWoo.answerServerErrors(0);
      await().atMost(Duration.ofSeconds(90)).until(() -> deadWoo.level(dead.wooItem()), equalTo(47L));
      await().atMost(SETTLE).until(() -> breakerTransitions("CLOSED"),
          org.hamcrest.Matchers.greaterThan(closedBefore));
    }
  }

  private static double breakerTransitions(String to) {
    return Api.server().get("metrics").body().lines()
        .filter(l -> l.startsWith("stocksync_channel_breaker_transitions_total{"))
        .filter(l -> l.contains("channel_type=\"WOOCOMMERCE\"") && l.contains("to=\"" + to + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static boolean metricAtLeast(String metrics, String name, String labelFragment, double least) {
    return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(labelFragment))
        .filter(l -> l.contains("SquareStockWriter.push"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() >= least;
  }

  private static String grep(String text, String fragment) {
    return String.join("\n", text.lines().filter(l -> l.contains(fragment)).toList());
  }
}
