package io.stocksync.platform.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness follows PostgreSQL and the broker: DOWN with the reason while one is gone, UP when it returns. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {

  private static final Duration OUTAGE_DETECTION = Duration.ofSeconds(30);
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  private final Api server = Api.server();

  @Test
  void readyWhenDatabaseAndBrokerAreUpAndLiveAlways() {
    var ready = await().atMost(RECOVERY).until(() -> server.get("health/ready"), r -> r.status() == 200);
    assertEquals("UP", ready.json().getString("status"));
    assertEquals("UP", check(ready.json(), "database").getString("status"));
    assertEquals("UP", check(ready.json(), "broker").getString("status"));
    assertTrue(check(ready.json(), "database").getJsonObject("data").getString("schemaVersion").length() > 0);
    assertEquals(200, server.get("health/live").status());
  }

  @Test
  void downWhileDatabaseIsStoppedAndUpWhenItReturns() throws Exception {
    TestStack.database().stop();
    try {
      var down = await().atMost(OUTAGE_DETECTION).until(() -> server.get("health/ready"), r -> r.status() == 503);
      var db = check(down.json(), "database");
      assertEquals("DOWN", db.getString("status"));
      assertTrue(db.getJsonObject("data").getString("reason").contains("PostgreSQL"), db.toString());
      assertEquals("UP", check(down.json(), "broker").getString("status"), "the broker is not to blame");
      assertEquals(200, server.get("health/live").status(), "a database outage is no reason to restart");
    } finally {
      TestStack.database().start();
    }
    await().atMost(RECOVERY).until(() -> server.get("health/ready").status(), s -> s == 200);
  }

  @Test
  void downWhileBrokerIsStoppedAndMessagingWorksAgainAfterItReturns() throws Exception {
    TestStack.broker().stop();
    try {
      var down = await().atMost(OUTAGE_DETECTION).until(() -> server.get("health/ready"), r -> r.status() == 503);
      var broker = check(down.json(), "broker");
      assertEquals("DOWN", broker.getString("status"));
      assertTrue(broker.getJsonObject("data").getString("reason").contains("Artemis"), broker.toString());
    } finally {
      TestStack.broker().start();
    }
    await().atMost(RECOVERY).until(() -> server.get("health/ready").status(), s -> s == 200);

    // The MDB reconnected: a probe makes the round trip again.
    var api = new Api(base.toURI()).asPlatformAdmin();
    String probeId = await().atMost(RECOVERY).until(
        () -> api.send(api.request("api/v1/admin/probes").POST(HttpRequest.BodyPublishers.noBody())),
        r -> r.status() == 202).json().getString("probeId");
    await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("api/v1/admin/probes/" + probeId).status(), s -> s == 200);
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> name.equals(c.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
