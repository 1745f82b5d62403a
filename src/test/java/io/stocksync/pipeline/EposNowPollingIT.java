package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.EposNowStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 * Epos Now is polled (every 2 s on the IT server, see pom.xml): a level changed on the Epos Now stand-in reaches
 * on-hand and the WooCommerce stand-in; our own push read back is not a change; a paused tenant is not polled. Each
 * test has its own tenant, item ids and Epos Now location (so the stand-in can count who is read).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EposNowPollingIT {

  private static final Duration SETTLE = Duration.ofSeconds(45);
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

  static EposNowStandIn epos;
  static WooCommerceStandIn woo;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startStandIns() {
    epos = new EposNowStandIn();
    woo = new WooCommerceStandIn();
  }

  @AfterAll
  static void stopStandIns() {
    epos.close();
    woo.close();
  }

  /** One product on Epos Now (buffer 1, at its own location) and WooCommerce (buffer 2). */
  record Shop(TestTenant tenant, String product, String eposItem, String location, String wooItem) {

    long onHand() {
      return tenant.onHand(product);
    }

    Long eposLevel() {
      return epos.levelAt(eposItem, location);
    }

    String movements() {
      return tenant.user().get("api/v1/products/" + product + "/movements?limit=200").json()
          .getJsonArray("items").toString();
    }

    int movementCount() {
      return tenant.user().get("api/v1/products/" + product + "/movements?limit=200").json()
          .getJsonArray("items").size();
    }
  }

  private Shop shop(String name, long onHand) throws Exception {
    var tenant = TestTenant.create(base.toURI(), name, "ENTERPRISE");
    long id = IDS.addAndGet(10);
    String product = tenant.product("SKU-" + id, onHand);
    String eposChannel = tenant.channel("EPOSNOW", "Epos Now", 1, epos.baseUrl(), EposNowStandIn.credentials(),
        "unused-" + id);
    String wooChannel = tenant.channel("WOOCOMMERCE", "Woo", 2, woo.baseUrl(), WooCommerceStandIn.credentials(),
        "woo-" + id);
    String eposItem = Long.toString(id + 1);
    String location = Long.toString(id + 2);
    String wooItem = Long.toString(id + 3);
    epos.setLevelAt(eposItem, location, onHand - 1);
    woo.setLevel(wooItem, onHand - 2);
    tenant.mapping(product, eposChannel, eposItem, location);
    tenant.mapping(product, wooChannel, wooItem);
    return new Shop(tenant, product, eposItem, location, wooItem);
  }

  private static void awaitPolls(Shop shop, int polls) {
    int from = epos.readsOf(shop.location());
    await().atMost(SETTLE).until(() -> epos.readsOf(shop.location()), greaterThanOrEqualTo(from + polls));
  }

  @Test
  void aLevelChangedOnEposNowReachesOnHandAndTheOtherChannel() throws Exception {
    var shop = shop("Epos level shop", 20);
    epos.setLevelAt(shop.eposItem(), shop.location(), 14); // sold 5 at the till

    await().atMost(SETTLE).until(shop::onHand, equalTo(15L));
    await().atMost(SETTLE).until(() -> woo.level(shop.wooItem()), equalTo(13L));
    assertEquals(14L, shop.eposLevel(), "the source channel is not pushed back to");
    assertEquals(2, shop.movementCount(), "initial stock and one CHANNEL_SET: " + shop.movements());
    assertTrue(shop.movements().contains("CHANNEL_SET"), shop.movements());

    epos.setLevelAt(shop.eposItem(), shop.location(), 9);
    await().atMost(SETTLE).until(shop::onHand, equalTo(10L));
    await().atMost(SETTLE).until(() -> woo.level(shop.wooItem()), equalTo(8L));
    awaitPolls(shop, 2);
    assertEquals(10L, shop.onHand(), "polling the same level again changes nothing");
    assertEquals(3, shop.movementCount(), shop.movements());
  }

  @Test
  void ourOwnPushIsNotReadBackAsAChange() throws Exception {
    var shop = shop("Epos echo shop", 30);
    awaitPolls(shop, 1);
    var adjusted = shop.tenant().admin().post("api/v1/products/" + shop.product() + "/adjustments",
        "{\"delta\":-4,\"note\":\"breakage\"}");
    assertEquals(201, adjusted.status(), adjusted.body());
    await().atMost(SETTLE).until(shop::eposLevel, equalTo(25L));
    await().atMost(SETTLE).until(() -> woo.level(shop.wooItem()), equalTo(24L));
    int wooWrites = woo.writeCalls();
    int eposWrites = epos.writeCalls();

    awaitPolls(shop, 3); // Epos Now shows the level we wrote, three times over
    assertEquals(26L, shop.onHand());
    assertEquals(2, shop.movementCount(), "initial stock and the adjustment only: " + shop.movements());
    assertEquals(wooWrites, woo.writeCalls(), "no push caused by reading our own level back");
    assertEquals(eposWrites, epos.writeCalls(), "no push back to Epos Now either");
  }

  @Test
  void aPausedTenantIsNotPolled() throws Exception {
    var shop = shop("Epos paused shop", 40);
    awaitPolls(shop, 1);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}").status());
    Thread.sleep(3_000); // a poll already under way finishes
    int reads = epos.readsOf(shop.location());

    epos.setLevelAt(shop.eposItem(), shop.location(), 30);
    Thread.sleep(6_000); // three intervals
    assertEquals(reads, epos.readsOf(shop.location()), "a paused tenant's channel is not read");
    assertEquals(40L, shop.onHand());
    assertEquals(38L, woo.level(shop.wooItem()));

    assertEquals(200, platform.post("api/v1/tenants/" + shop.tenant().id() + "/resume", "{}").status());
    await().atMost(SETTLE).until(shop::onHand, equalTo(31L));
    await().atMost(SETTLE).until(() -> woo.level(shop.wooItem()), equalTo(29L));
  }
}
