package io.stocksync.pipeline;

import static io.stocksync.pipeline.MovementFault.refuseMovementsOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import jakarta.jms.JMSContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Work that could not go through waits, visible to operators, and flows again when they say so: a delivery the
 * database kept refusing is dead-lettered and replayed after the fault is fixed; pushes to a channel that refuses
 * them are parked, listed and retried on demand. Only platform admins see any of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParkedAndDeadLetteredWorkIT {

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @Test
  void aDeliveryTheDatabaseKeptRefusingIsDeadLetteredThenReplayedOnce() throws Exception {
    var shop = vendors.shop(base.toURI(), "Poison shop", 30);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    refuseMovementsOf(shop.product(), true);
    try {
      assertEquals(200, shop.deliver(shop.events().orderCreated("evt-poison-1", 4242, shop.sku(), 5)).status());
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
          .until(() -> deadLetters(platform, shop).size(), greaterThan(0));
    } finally {
      refuseMovementsOf(shop.product(), false);
    }
    JsonObject dead = deadLetters(platform, shop).getJsonObject(0);
    assertEquals("stocksync.webhooks", dead.getString("originalQueue"));
    assertEquals(shop.tenant().id().toString(), dead.getString("tenantId"));
    assertEquals(30L, shop.onHand(), "nothing applied by the failed attempts");

    var forbidden = shop.tenant().admin().get("api/v1/admin/dead-letters");
    assertEquals(403, forbidden.status(), "tenants never see the dead-letter queue");

    var replayed = platform.post("api/v1/admin/dead-letters/" + dead.getString("messageId") + "/replay", "");
    assertEquals(200, replayed.status(), replayed.body());
    assertEquals("stocksync.webhooks", replayed.json().getString("replayedTo"));
    await().atMost(Duration.ofSeconds(45)).until(shop::onHand, equalTo(25L));
    await().atMost(Duration.ofSeconds(45)).until(() -> vendors.woo().level(shop.wooItem()), equalTo(23L));
    assertEquals(0, deadLetters(platform, shop).size());

    var again = platform.post("api/v1/admin/dead-letters/" + dead.getString("messageId") + "/replay", "");
    assertEquals(404, again.status(), "a dead letter is replayed once");
    assertTrue(again.header("Content-Type").startsWith("application/problem+json"));
    Thread.sleep(2_000);
    assertEquals(25L, shop.onHand());
    assertEquals(2, shop.movements(), "initial stock and the order, once");
  }

  /**
   * Sync's wake-ups are grouped by tenant and channel ("tenant:channel", MessageGroups.tenantAndChannel): a dead-lettered one is
   * still listed under its tenant, and only there, and replays to the sync queue. The wake-up is an unreadable one
   * put on the queue directly (a failing push would also open the shop's circuit breakers, which later tests of the
   * server count).
   */
  @Test
  void aSyncWakeUpThatKeptFailingIsListedUnderItsTenantOnlyAndReplaysToSync() throws Exception {
    var shop = vendors.shop(base.toURI(), "Poison sync shop", 30);
    var bystander = vendors.shop(base.toURI(), "Bystander shop", 5);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    String tenant = shop.tenant().id().toString();
    try (var cf = new ActiveMQConnectionFactory(TestStack.brokerUrl()); JMSContext jms = cf.createContext()) {
      var poison = jms.createTextMessage("{not a wake-up");
      poison.setStringProperty("JMSXGroupID", tenant + ":" + java.util.UUID.randomUUID());
      jms.createProducer().send(jms.createQueue("stocksync.sync"), poison);
    }
    var dead = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> deadLetters(platform, shop), a -> !a.isEmpty()).getJsonObject(0);
    assertEquals("stocksync.sync", dead.getString("originalQueue"));
    assertEquals(tenant, dead.getString("tenantId"), "the tenant, not the whole group");
    assertEquals(0, deadLetters(platform, bystander).size(), "listed under its own tenant only");

    var replayed = platform.post("api/v1/admin/dead-letters/" + dead.getString("messageId") + "/replay", "");
    assertEquals(200, replayed.status(), replayed.body());
    assertEquals("stocksync.sync", replayed.json().getString("replayedTo"));
  }

  @Test
  void pushesAChannelRefusesAreParkedListedAndRetriedOnDemand() throws Exception {
    var shop = vendors.shop(base.toURI(), "Parked shop", 50);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    vendors.woo().answerRateLimited(1, 600.0); // WooCommerce asks us to come back in ten minutes
    assertEquals(200, shop.deliver(shop.events().orderCreated("evt-parked-1", 4343, shop.sku(), 4)).status());
    await().atMost(Duration.ofSeconds(45)).until(() -> vendors.square().level(shop.squareItem()), equalTo(46L));

    String tenant = shop.tenant().id().toString();
    await().atMost(Duration.ofSeconds(30)).until(
        () -> platform.get("api/v1/admin/parked-pushes?tenantId=" + tenant).parse().asJsonArray().size(),
        equalTo(1));
    var parked = platform.get("api/v1/admin/parked-pushes?tenantId=" + tenant).parse().asJsonArray()
        .getJsonObject(0);
    assertEquals(shop.wooItem(), parked.getString("externalId"));
    var notBefore = java.time.OffsetDateTime.parse(parked.getString("notBefore")).toInstant();
    assertTrue(notBefore.isAfter(java.time.Instant.now().plusSeconds(540)),
        "parked until the vendor's Retry-After (600 s), not our own 5-minute cap: " + parked);
    assertEquals(48L, vendors.woo().level(shop.wooItem()), "not pushed before the vendor allows it");

    var replay = platform.post("api/v1/admin/parked-pushes/replay?tenantId=" + tenant, "");
    assertEquals(200, replay.status(), replay.body());
    assertEquals(1, replay.json().getInt("replayed"));
    await().atMost(Duration.ofSeconds(30)).until(() -> vendors.woo().level(shop.wooItem()), equalTo(44L));
    assertEquals(0, platform.get("api/v1/admin/parked-pushes?tenantId=" + tenant).parse().asJsonArray().size());

    var missing = platform.post("api/v1/admin/parked-pushes/replay?tenantId=" + java.util.UUID.randomUUID(), "");
    assertEquals(404, missing.status());
    assertEquals(403, shop.tenant().admin().get("api/v1/admin/parked-pushes?tenantId=" + tenant).status());
  }

  @Test
  void deliveriesOfAPausedTenantAreListedAndReplayedOnlyOnceActive() throws Exception {
    var shop = vendors.shop(base.toURI(), "Listed pause shop", 12);
    var platform = new Api(base.toURI()).asPlatformAdmin();
    String tenant = shop.tenant().id().toString();
    assertEquals(200, platform.post("api/v1/tenants/" + tenant + "/pause", "{}").status());
    shop.deliver(shop.events().orderCreated("evt-listed-1", 4444, shop.sku(), 1));
    shop.deliver(shop.events().orderCreated("evt-listed-2", 4445, shop.sku(), 2));
    await().atMost(Duration.ofSeconds(30)).until(
        () -> platform.get("api/v1/admin/parked-deliveries?tenantId=" + tenant).parse().asJsonArray().size(),
        equalTo(2));
    var conflict = platform.post("api/v1/admin/parked-deliveries/replay?tenantId=" + tenant, "");
    assertEquals(409, conflict.status(), "a paused tenant's work is replayed by resuming it");
    assertEquals(12L, shop.onHand());

    assertEquals(200, platform.post("api/v1/tenants/" + tenant + "/resume", "{}").status());
    await().atMost(Duration.ofSeconds(45)).until(shop::onHand, equalTo(9L));
    assertEquals(0, platform.get("api/v1/admin/parked-deliveries?tenantId=" + tenant).parse().asJsonArray().size());
  }

  private static JsonArray deadLetters(Api platform, Shop shop) {
    var r = platform.get("api/v1/admin/dead-letters?tenantId=" + shop.tenant().id());
    assertEquals(200, r.status(), r.body());
    return r.parse().asJsonArray();
  }
}
