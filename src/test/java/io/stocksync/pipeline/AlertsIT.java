package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each alert type raised by real traffic, de-duplicated while its condition lasts, and resolved when it clears.
 * The integration-test server uses a 12-second SYNC_FAILURE window with 2 attempts minimum (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(45);

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @Test
  void lowStockIsRaisedOnceWhileLowAndResolvedWhenRestocked() throws Exception {
    var shop = vendors.shop(base.toURI(), "Low stock shop", 10);
    var admin = shop.tenant().admin();
    assertEquals(200, admin.patch("api/v1/products/" + shop.product(), "{\"lowStockThreshold\":5}").status());

    shop.order("evt-low-1", 6); // 10 -> 4: crosses the threshold
    await().atMost(PATIENCE).until(() -> alerts(shop, "type=LOW_STOCK&status=OPEN").size(), equalTo(1));
    JsonObject alert = alerts(shop, "type=LOW_STOCK").getJsonObject(0);
    assertEquals(shop.product(), alert.getString("productId"));
    assertEquals("WARNING", alert.getString("severity"));

    shop.order("evt-low-2", 4); // 4 -> 0: still low, same alert
    await().atMost(PATIENCE).until(shop::onHand, equalTo(0L));
    assertEquals(1, alerts(shop, "type=LOW_STOCK").size(), "one open alert per product");

    var restock = admin.post("api/v1/products/" + shop.product() + "/adjustments", "{\"delta\":20}");
    assertEquals(201, restock.status(), restock.body());
    var resolved = alerts(shop, "type=LOW_STOCK").getJsonObject(0);
    assertEquals("RESOLVED", resolved.getString("status"));
    assertTrue(resolved.containsKey("resolvedAt"));

    shop.order("evt-low-3", 18); // 20 -> 2: a new episode, a new alert
    await().atMost(PATIENCE).until(() -> alerts(shop, "type=LOW_STOCK").size(), equalTo(2));
  }

  @Test
  void aChannelRefusingOurCredentialsIsDownUntilItTakesPushesAgain() throws Exception {
    var shop = vendors.shop(base.toURI(), "Revoked shop", 30);
    var admin = shop.tenant().admin();
    admin.patch("api/v1/channels/" + shop.wooChannel(), "{\"credentials\":\"ck_revoked:cs_revoked\"}");
    shop.order("evt-down-1", 1);
    await().atMost(PATIENCE).until(() -> alerts(shop, "type=CHANNEL_DOWN&status=OPEN").size(), equalTo(1));
    var alert = alerts(shop, "type=CHANNEL_DOWN").getJsonObject(0);
    assertEquals(shop.wooChannel(), alert.getString("channelId"));
    assertEquals("CRITICAL", alert.getString("severity"));

    var ack = admin.post("api/v1/alerts/" + alert.getString("id") + "/acknowledge", "");
    assertEquals(200, ack.status(), ack.body());
    assertEquals("ACKNOWLEDGED", ack.json().getString("status"));
    assertEquals(409, admin.post("api/v1/alerts/" + alert.getString("id") + "/acknowledge", "").status());
    assertEquals(403, shop.tenant().user().post("api/v1/alerts/" + alert.getString("id") + "/resolve", "")
        .status(), "tenant users read alerts, admins change them");

    admin.patch("api/v1/channels/" + shop.wooChannel(), "{\"credentials\":\"" + WooCommerceStandIn.credentials()
        + "\"}");
    new Api(base.toURI()).asPlatformAdmin()
        .post("api/v1/admin/parked-pushes/replay?tenantId=" + shop.tenant().id(), "");
    await().atMost(PATIENCE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(27L));
    await().atMost(PATIENCE).until(
        () -> alerts(shop, "type=CHANNEL_DOWN").getJsonObject(0).getString("status"), equalTo("RESOLVED"));
    assertEquals(1, alerts(shop, "type=CHANNEL_DOWN").size());
  }

  @Test
  void aChannelFailingMostPushesRaisesSyncFailureWhichClearsWithTheWindow() throws Exception {
    var shop = vendors.shop(base.toURI(), "Failing shop", 100);
    vendors.woo().answerServerErrors(1_000);
    try {
      for (int i = 0; i < 4; i++) {
        shop.order("evt-fail-" + i, 1);
      }
      await().atMost(Duration.ofSeconds(60)).until(
          () -> alerts(shop, "type=SYNC_FAILURE&status=OPEN").size(), equalTo(1));
    } finally {
      vendors.woo().answerServerErrors(0);
    }
    assertEquals(shop.wooChannel(), alerts(shop, "type=SYNC_FAILURE").getJsonObject(0).getString("channelId"));
    Thread.sleep(13_000); // the failures leave the 12-second window
    shop.order("evt-fail-ok", 1);
    await().atMost(PATIENCE).until(
        () -> alerts(shop, "type=SYNC_FAILURE").getJsonObject(0).getString("status"), equalTo("RESOLVED"));
    await().atMost(PATIENCE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(93L));
  }

  @Test
  void alertsOfOneTenantAreInvisibleToAnother() throws Exception {
    var shop = vendors.shop(base.toURI(), "Alerting shop", 3);
    shop.tenant().admin().patch("api/v1/products/" + shop.product(), "{\"lowStockThreshold\":2}");
    shop.order("evt-iso-1", 2);
    await().atMost(PATIENCE).until(() -> alerts(shop, "").size(), equalTo(1));
    String id = alerts(shop, "").getJsonObject(0).getString("id");
    var other = vendors.shop(base.toURI(), "Other shop", 3);
    assertEquals(0, alerts(other, "").size());
    assertEquals(404, other.tenant().admin().get("api/v1/alerts/" + id).status());
    assertEquals(404, other.tenant().admin().post("api/v1/alerts/" + id + "/resolve", "").status());
    assertEquals("OPEN", alerts(shop, "").getJsonObject(0).getString("status"));
  }

  private static JsonArray alerts(Shop shop, String query) {
    var r = shop.tenant().user().get("api/v1/alerts?" + query);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items");
  }
}
