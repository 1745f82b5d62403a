package io.stocksync.platform.diagnostics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
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

/** REST -> real Artemis (through the resource adapter) -> MDB -> real PostgreSQL, and the dead-letter path. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProbeRoundTripIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void probeTravelsThroughTheBrokerToTheDatabase() throws Exception {
    var api = new Api(base.toURI()).asPlatformAdmin();
    var sent = api.send(api.request("api/v1/admin/probes").header("X-Request-ID", "probe-it-1")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, sent.status(), sent.body());
    String probeId = sent.json().getString("probeId");
    assertNotNull(sent.header("Location"));

    var arrived = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("api/v1/admin/probes/" + probeId), r -> r.status() == 200);
    assertEquals(1, arrived.json().getInt("deliveryCount"));
    assertEquals("probe-it-1", arrived.json().getString("requestId"));

    try (var c = TestStack.jdbc();
        var ps = c.prepareStatement("SELECT count(*) FROM diagnostic_probe WHERE id = ?::uuid")) {
      ps.setString(1, probeId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertEquals(1, rs.getInt(1), "the MDB wrote exactly one row to PostgreSQL");
      }
    }
  }

  @Test
  void poisonProbeIsRedeliveredThenDeadLettered() throws Exception {
    var api = new Api(base.toURI()).asPlatformAdmin();
    var sent = api.send(api.request("api/v1/admin/probes?poison=true")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, sent.status(), sent.body());
    String probeId = sent.json().getString("probeId");

    try (var cf = new ActiveMQConnectionFactory(TestStack.brokerUrl());
        JMSContext jms = cf.createContext()) {
      var consumer = jms.createConsumer(jms.createQueue("stocksync.dlq"));
      TextMessage dead = null;
      long deadline = System.currentTimeMillis() + 30_000;
      while (dead == null && System.currentTimeMillis() < deadline) {
        var m = (TextMessage) consumer.receive(1000);
        if (m != null && m.getText().contains(probeId)) {
          dead = m;
        }
      }
      assertNotNull(dead, "poison probe reached the dead-letter queue");
      assertEquals("stocksync.diagnostics", dead.getStringProperty("_AMQ_ORIG_ADDRESS"));
      assertEquals("stocksync.diagnostics", dead.getStringProperty("_AMQ_ORIG_QUEUE"));
    }
    assertEquals(404, api.get("api/v1/admin/probes/" + probeId).status(), "a poison probe never arrives");
  }
}
