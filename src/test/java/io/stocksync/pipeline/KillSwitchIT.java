package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
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

/** Operators stop pushes per channel type or per tenant; stock keeps moving, and nothing is lost when lifted. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KillSwitchIT {

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
  void aChannelTypeSwitchParksItsPushesOnlyAndReleasesThemWhenLifted() throws Exception {
    var shop = vendors.shop(base.toURI(), "Switched type shop", 40);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    var set = platform.put("api/v1/admin/kill-switches/channel-type/woocommerce", "{\"reason\":\"vendor incident\"}");
    assertEquals(200, set.status(), set.body());
    try {
      assertEquals("CHANNEL_TYPE", set.json().getString("scope"));
      shop.order("evt-kill-1", 5);
      await().atMost(PATIENCE).until(() -> vendors.square().level(shop.squareItem()), equalTo(35L));
      Thread.sleep(4_000);
      assertEquals(38L, vendors.woo().level(shop.wooItem()), "no push to a switched-off channel type");
      shop.order("evt-kill-2", 2);
      await().atMost(PATIENCE).until(() -> vendors.square().level(shop.squareItem()), equalTo(33L));
      assertEquals(1, platform.get("api/v1/admin/kill-switches").parse().asJsonArray().size());
    } finally {
      assertEquals(204, platform.delete("api/v1/admin/kill-switches/channel-type/woocommerce").status());
    }
    await().atMost(PATIENCE).until(() -> vendors.woo().level(shop.wooItem()), equalTo(31L));
    assertEquals(404, platform.delete("api/v1/admin/kill-switches/channel-type/woocommerce").status());
  }

  @Test
  void aTenantSwitchStopsThatTenantsPushesButNotItsStockNorOtherTenants() throws Exception {
    var switched = vendors.shop(base.toURI(), "Switched tenant", 20);
    var neighbour = vendors.shop(base.toURI(), "Neighbour", 20);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    String path = "api/v1/admin/kill-switches/tenant/" + switched.tenant().id();
    assertEquals(200, platform.put(path, "{}").status());
    try {
      switched.order("evt-tkill-1", 3);
      neighbour.order("evt-tkill-2", 4);
      await().atMost(PATIENCE).until(() -> vendors.woo().level(neighbour.wooItem()), equalTo(14L));
      await().atMost(PATIENCE).until(switched::onHand, equalTo(17L));
      Thread.sleep(3_000);
      assertEquals(18L, vendors.woo().level(switched.wooItem()));
      assertEquals(20L, vendors.square().level(switched.squareItem()));
      assertEquals(403, switched.tenant().admin().delete(path).status(), "tenants cannot lift it");
      var stats = platform.get("api/v1/admin/tenants/" + switched.tenant().id() + "/stats");
      assertEquals(200, stats.status(), stats.body());
      assertEquals(2, stats.json().getJsonNumber("pendingPushes").longValue(), "parked behind the switch");
      assertEquals(1, stats.json().getJsonObject("deliveries").getJsonNumber("PROCESSED").longValue());
      assertEquals(2, stats.json().getJsonNumber("movements").longValue(), "initial stock and the order");
    } finally {
      assertEquals(204, platform.delete(path).status());
    }
    await().atMost(PATIENCE).until(() -> vendors.woo().level(switched.wooItem()), equalTo(15L));
    await().atMost(PATIENCE).until(() -> vendors.square().level(switched.squareItem()), equalTo(17L));
    assertEquals(400, platform.put("api/v1/admin/kill-switches/planet/mars", "{}").status());
  }
}
