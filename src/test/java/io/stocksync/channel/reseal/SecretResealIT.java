package io.stocksync.channel.reseal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.platform.crypto.Ciphers;
import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key rotation: secrets sealed with a retired key (the IT server's ring carries one after the active key) are
 * re-sealed with the active key by the secret-reseal job (channel secrets, then tenants' alert notification
 * secrets), keep their plaintext, and a second run changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretResealIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void secretsSealedWithARetiredKeyAreResealedWithTheActiveOne() throws Exception {
    String ring = System.getProperty("it.crypto.keys");
    String retiredSpec = ring.substring(ring.indexOf(',') + 1);
    SecretCipher retired = Ciphers.of(retiredSpec);
    SecretCipher server = Ciphers.of(ring);
    String activeId = ring.substring(0, ring.indexOf(':'));

    var shop = TestTenant.create(base.toURI(), "Rotating", "STARTER");
    var old = UUID.fromString(shop.channel("SHOPIFY", "old-keyed", 0));
    var current = UUID.fromString(shop.channel("WOOCOMMERCE", "current", 0));
    String context = shop.id() + "/channel/" + old + "/";
    seal(old, retired.encrypt("token-old", context + "credentials"),
        retired.encrypt("whsec-old", context + "webhook_secret"));
    byte[] currentBefore = column(current, "credentials_enc");

    JsonObject first = runJob();
    assertEquals("COMPLETED", first.getString("batchStatus"), first.toString());
    byte[] credentials = column(old, "credentials_enc");
    byte[] secret = column(old, "webhook_secret_enc");
    assertEquals(activeId, keyId(credentials));
    assertEquals(activeId, keyId(secret));
    assertEquals("token-old", server.decrypt(credentials, context + "credentials"), "the secret itself is kept");
    assertEquals("whsec-old", server.decrypt(secret, context + "webhook_secret"));
    assertFalse(server.needsRotation(credentials));
    assertArrayEquals(currentBefore, column(current, "credentials_enc"), "current ciphertexts are left alone");

    JsonObject second = runJob();
    assertEquals("COMPLETED", second.getString("batchStatus"));
    assertArrayEquals(credentials, column(old, "credentials_enc"), "a second run changes nothing");
    assertArrayEquals(secret, column(old, "webhook_secret_enc"));
  }

  @Test
  void alertNotificationSecretsSealedWithARetiredKeyAreResealedToo() throws Exception {
    String ring = System.getProperty("it.crypto.keys");
    SecretCipher retired = Ciphers.of(ring.substring(ring.indexOf(',') + 1));
    SecretCipher server = Ciphers.of(ring);
    String activeId = ring.substring(0, ring.indexOf(':'));

    var shop = TestTenant.create(base.toURI(), "Notified, old key", "STARTER");
    var untouched = TestTenant.create(base.toURI(), "Notified, current key", "STARTER");
    assertEquals(201, untouched.admin().post("api/v1/alerts/notifications/secret", "").status());
    String context = shop.id() + "/tenant/" + shop.id() + "/notification_secret";
    sealNotificationSecrets(shop.id(), retired.encrypt("whsec_current", context),
        retired.encrypt("whsec_previous", context));
    String untouchedBefore = tenantColumn(untouched.id(), "notification_secret_sealed");

    JsonObject first = runJob();
    assertEquals("COMPLETED", first.getString("batchStatus"), first.toString());
    byte[] current = Base64.getDecoder().decode(tenantColumn(shop.id(), "notification_secret_sealed"));
    byte[] previous = Base64.getDecoder().decode(tenantColumn(shop.id(), "notification_previous_secret_sealed"));
    assertEquals(activeId, keyId(current));
    assertEquals(activeId, keyId(previous));
    assertEquals("whsec_current", server.decrypt(current, context), "the secret itself is kept");
    assertEquals("whsec_previous", server.decrypt(previous, context));
    assertEquals(untouchedBefore, tenantColumn(untouched.id(), "notification_secret_sealed"),
        "current ciphertexts are left alone");
    var endpoint = shop.user().get("api/v1/alerts/notifications/endpoint").json();
    assertTrue(endpoint.getBoolean("hasSecret"), endpoint.toString());

    JsonObject second = runJob();
    assertEquals("COMPLETED", second.getString("batchStatus"));
    assertArrayEquals(current, Base64.getDecoder().decode(tenantColumn(shop.id(), "notification_secret_sealed")),
        "a second run changes nothing");
  }

  private static void sealNotificationSecrets(UUID tenant, byte[] current, byte[] previous) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("UPDATE tenant SET notification_secret_sealed = ?,"
        + " notification_previous_secret_sealed = ?, notification_previous_secret_until = now() + interval '1 hour'"
        + " WHERE id = ?")) {
      ps.setString(1, Base64.getEncoder().encodeToString(current));
      ps.setString(2, Base64.getEncoder().encodeToString(previous));
      ps.setObject(3, tenant);
      assertTrue(ps.executeUpdate() == 1);
    }
  }

  private static String tenantColumn(UUID tenant, String column) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("SELECT " + column + " FROM tenant WHERE id = ?")) {
      ps.setObject(1, tenant);
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  private JsonObject runJob() throws Exception {
    var api = new Api(base.toURI()).asPlatformAdmin();
    var started = api.post("api/v1/admin/jobs/secret-reseal", "{\"chunkSize\":\"2\"}");
    assertEquals(202, started.status(), started.body());
    long executionId = started.json().getJsonNumber("executionId").longValue();
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> api.get("api/v1/admin/jobs/executions/" + executionId).json(),
            e -> !e.getString("batchStatus").matches("STARTING|STARTED"));
  }

  /** The key id inside a sealed value: version (1) | id length (1) | id | ... */
  private static String keyId(byte[] box) {
    return new String(box, 2, box[1], StandardCharsets.US_ASCII);
  }

  private static void seal(UUID channel, byte[] credentials, byte[] secret) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(
        "UPDATE channel SET credentials_enc = ?, webhook_secret_enc = ? WHERE id = ?")) {
      ps.setBytes(1, credentials);
      ps.setBytes(2, secret);
      ps.setObject(3, channel);
      assertTrue(ps.executeUpdate() == 1);
    }
  }

  private static byte[] column(UUID channel, String column) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("SELECT " + column + " FROM channel WHERE id = ?")) {
      ps.setObject(1, channel);
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }
}
