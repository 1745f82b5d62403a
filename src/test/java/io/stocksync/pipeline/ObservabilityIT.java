package io.stocksync.pipeline;

import static io.stocksync.teststack.Metrics.grep;
import static io.stocksync.teststack.Metrics.scrape;
import static io.stocksync.teststack.Metrics.value;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.ServerLog;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operations see. The server's JSON log (messages.log; the integration-test server traces io.stocksync at
 * FINE): a webhook's journey can be followed by its request id from the REST call through the Watcher to the Sync
 * push, every record names the tenant, and no credential or secret ever appears in it. /metrics: the named
 * metrics have real values after real traffic, tagged by channel type, never by tenant.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @Test
  void aWebhooksJourneyCarriesItsRequestIdFromRestToSyncAndNoSecretIsLogged() throws Exception {
    var shop = vendors.shop(base.toURI(), "Logged shop", 25);
    String requestId = "journey-" + UUID.randomUUID();
    var order = shop.events().orderCreated("evt-journey", 99_001, shop.sku(), 2);
    order.headers().put("X-Request-ID", requestId);
    var accepted = shop.deliver(order);
    assertEquals(requestId, accepted.header("X-Request-ID"));
    await().atMost(Duration.ofSeconds(45)).until(() -> vendors.woo().level(shop.wooItem()), equalTo(21L));
    await().atMost(Duration.ofSeconds(45)).until(() -> vendors.square().level(shop.squareItem()), equalTo(23L));

    await().atMost(Duration.ofSeconds(20)).until(() -> ServerLog.withRequestId(requestId).stream()
        .filter(r -> r.getString("module", "").equals("io.stocksync.sync.SyncWorker")).count(), equalTo(2L));
    var journey = ServerLog.withRequestId(requestId);
    assertTrue(has(journey, "io.stocksync.intake.WebhookIntake", "webhook accepted"), journey.toString());
    assertTrue(has(journey, "io.stocksync.watcher.Watcher", "applied: ORDER"), journey.toString());
    assertTrue(has(journey, "io.stocksync.sync.SyncWorker", "pushed 1 of 1 level(s) to WOOCOMMERCE"),
        journey.toString());
    assertTrue(journey.stream().allMatch(r -> shop.tenant().id().toString().equals(r.getString("ext_tenantId",
        null))), "every record of the journey names the tenant: " + journey);

    String log = Files.readString(ServerLog.path());
    for (String secret : List.of(ShopifyStandIn.TOKEN, WooCommerceStandIn.SECRET, SquareStandIn.TOKEN,
        "shpss_", "Bearer ", "eyJhbGciOi")) {
      assertFalse(log.contains(secret), "the log shows a secret: " + secret);
    }
  }

  @Test
  void metricsShowRealTrafficByChannelTypeNeverByTenant() throws Exception {
    var shop = vendors.shop(base.toURI(), "Measured shop", 12);
    shop.tenant().admin().patch("api/v1/products/" + shop.product(), "{\"lowStockThreshold\":10}");
    shop.order("evt-metrics-1", 3);
    await().atMost(Duration.ofSeconds(45)).until(() -> vendors.woo().level(shop.wooItem()), equalTo(7L));

    await().atMost(Duration.ofSeconds(20)).until(() -> value(scrape(), "stocksync_queue_consumers",
        "queue=\"stocksync.webhooks\""), org.hamcrest.Matchers.greaterThan(0.0));
    String metrics = scrape();
    assertTrue(value(metrics, "stocksync_webhooks_total", "channel_type=\"SHOPIFY\",outcome=\"accepted\"") >= 1,
        grep(metrics, "stocksync_webhooks"));
    assertTrue(value(metrics, "stocksync_channel_push_seconds_count",
        "channel_type=\"WOOCOMMERCE\",outcome=\"ok\"") >= 1, grep(metrics, "stocksync_channel_push"));
    assertTrue(value(metrics, "stocksync_change_to_push_seconds_count", "") >= 2, grep(metrics, "change_to_push"));
    assertTrue(value(metrics, "stocksync_change_to_push_seconds_max", "") > 0);
    assertTrue(value(metrics, "stocksync_alerts_raised_total", "type=\"LOW_STOCK\"") >= 1,
        grep(metrics, "alerts_raised"));
    assertTrue(value(metrics, "stocksync_queue_messages", "queue=\"stocksync.sync\"") >= 0,
        grep(metrics, "stocksync_queue"));
    assertFalse(metrics.contains(shop.tenant().id().toString()), "no tenant id in any metric");
  }

  private static boolean has(List<JsonObject> records, String logger, String text) {
    return records.stream().anyMatch(r -> logger.equals(r.getString("module", ""))
        && r.getString("message", "").contains(text));
  }
}
