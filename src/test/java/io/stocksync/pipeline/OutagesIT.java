package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.MessageEndpoints;
import io.stocksync.teststack.TestStack;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker or the database goes away while a shop's orders arrive.
 * <ul>
 *   <li>A webhook accepted during a broker outage is answered at once and applied once the broker is back (the
 *       inbox row is the truth; the outbox sweeper publishes it).</li>
 *   <li>A webhook that arrives while the database is away is refused with 503 and Retry-After (as is an API call),
 *       so the vendor sends it again, and then it is applied once.</li>
 *   <li>A webhook already queued when the database goes away waits for it, however long the outage outlasts the
 *       broker's redeliveries.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutagesIT {

  private static final Duration SETTLE = Duration.ofSeconds(45);
  private static final Duration RECOVERY = Duration.ofSeconds(90);
  private static final Duration BEYOND_THE_REDELIVERIES = Duration.ofSeconds(40);
  private static final long SHOPIFY_TIMEOUT_SECONDS = 5;

  @RegisterExtension
  static final StandIns vendors = new StandIns();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @Test
  @Order(3)
  void ordersAcceptedWhileTheBrokerIsDownAreAppliedOnceWhenItReturns() throws Exception {
    var shop = vendors.shop(base.toURI(), "Broker outage shop", 30);
    int movementsBefore = shop.movements();
    TestStack.broker().stop();
    try {
      for (int i = 1; i <= 3; i++) {
        long sent = System.nanoTime();
        var accepted = shop.order("evt-broker-down-" + i, i);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sent);
        assertTrue(seconds < SHOPIFY_TIMEOUT_SECONDS, "answered after " + seconds + " s: Shopify gives up after "
            + SHOPIFY_TIMEOUT_SECONDS + " s and counts a failure");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.json().getString("outcome"), "accepted into the inbox: " + accepted.body());
      }
      var inbox = shop.inbox();
      assertEquals(3, inbox.size(), inbox.toString());
      assertTrue(inbox.stream().allMatch(row -> row.startsWith("ACCEPTED ")), "none processed yet: " + inbox);
      assertEquals(30L, shop.onHand(), "nothing is applied while the broker is away");
    } finally {
      TestStack.broker().start();
    }

    await().atMost(RECOVERY).until(shop::onHand, equalTo(24L));
    vendors.awaitLevels(shop, 22, 24);

    var retried = shop.order("evt-broker-down-2", 2);
    assertEquals("DUPLICATE", retried.json().getString("outcome"), "the vendor's retry of an accepted delivery");
    assertEquals(List.of("PROCESSED ORDER", "PROCESSED ORDER", "PROCESSED ORDER", "DUPLICATE -"), shop.inbox(),
        "every delivery recorded, the retry as a duplicate that applies nothing");
    assertEquals(movementsBefore + 3, shop.movements(), "one ledger movement per order");
    assertEquals(24L, shop.onHand());
  }

  @Test
  @Order(1)
  void anOrderRefusedWhileTheDatabaseIsDownIsAppliedOnceWhenTheVendorSendsItAgain() throws Exception {
    var shop = vendors.shop(base.toURI(), "Database outage shop", 30);
    var order = shop.events().orderCreated("evt-db-down-1", 7001, shop.sku(), 4);
    TestStack.database().stop();
    Api.Response refused;
    Api.Response read;
    try {
      refused = await().atMost(RECOVERY).until(() -> shop.deliver(order), r -> r.status() != 200);
      read = shop.tenant().user().get("api/v1/products/" + shop.product());
    } finally {
      TestStack.database().start();
    }
    assertEquals(503, refused.status(), refused.body());
    assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.header("Content-Type"));
    assertEquals(503, refused.json().getInt("status"), refused.body());
    assertTrue(refused.body().contains("retry later"), refused.body());
    assertEquals("5", refused.header("Retry-After"));
    assertEquals(503, read.status(), "the API, too, tells a client to come back: " + read.body());
    assertEquals("5", read.header("Retry-After"));

    var accepted = await().atMost(RECOVERY).until(() -> shop.deliver(order), r -> r.status() == 200);
    assertTrue(List.of("ACCEPTED", "DUPLICATE").contains(accepted.json().getString("outcome")), accepted.body());
    await().atMost(SETTLE).until(shop::onHand, equalTo(26L));
    vendors.awaitLevels(shop, 24, 26);

    assertEquals("DUPLICATE", shop.deliver(order).json().getString("outcome"));
    var inbox = shop.inbox();
    assertEquals(1, inbox.stream().filter(row -> row.startsWith("PROCESSED ")).count(), inbox.toString());
    assertTrue(inbox.stream().allMatch(row -> row.equals("PROCESSED ORDER") || row.equals("DUPLICATE -")),
        "the event applied once, every later delivery of it a duplicate: " + inbox);
    assertEquals(26L, shop.onHand());
  }

  @Test
  @Order(2)
  void anOrderQueuedWhenTheDatabaseGoesAwayIsAppliedWhenItReturnsAfterLongerThanTheRedeliveries() throws Exception {
    var shop = vendors.shop(base.toURI(), "Queued order shop", 30);
    MessageEndpoints.pause("DeliveryListener");
    try {
      assertEquals("ACCEPTED", shop.order("evt-queued-1", 5).json().getString("outcome"));
      TestStack.database().stop();
    } finally {
      MessageEndpoints.resume("DeliveryListener");
    }
    try {
      // The broker's schedule (1 + 2 + 4 + 8 + 16 s between 6 deliveries) would dead-letter the message by now.
      Thread.sleep(BEYOND_THE_REDELIVERIES.toMillis());
    } finally {
      TestStack.database().start();
    }
    await().atMost(RECOVERY).until(shop::onHand, equalTo(25L));
    vendors.awaitLevels(shop, 23, 25);
    assertEquals(List.of("PROCESSED ORDER"), shop.inbox());
  }
}
