package io.stocksync.alert.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Alert notifications on the real stack, to a receiver in the test JVM: signed per Standard Webhooks (checked with
 * the test's own implementation of the spec, {@link VendorSigner}, which shares no code with the server), retried
 * through Fault Tolerance with the same webhook-id, every attempt listed to the tenant and to no one else. The
 * integration-test server gives up after 2 rounds, 1 s apart (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertNotificationsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static WireMockServer receiver;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startReceiver() {
    receiver = new WireMockServer(options().dynamicPort().jettyAcceptors(1));
    receiver.start();
    // Two failures, then success for good.
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed twice")
        .willReturn(aResponse().withStatus(204)));
    receiver.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
    receiver.stubFor(post("/rotating").willReturn(aResponse().withStatus(204)));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  @Test
  void aRaisedAlertIsSignedRetriedUntilTakenAndItsAttemptsAreListed() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Notified shop", "STARTER");
    String secret = notifyAt(shop, "/flaky");
    String product = shop.product("NOTE-1", 10);
    assertEquals(200, shop.admin().patch("api/v1/products/" + product, "{\"lowStockThreshold\":5}").status());

    var adjusted = shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":-7}");
    assertEquals(201, adjusted.status(), adjusted.body());
    await().atMost(PATIENCE).until(() -> received("/flaky").size(), equalTo(3));

    List<LoggedRequest> tries = received("/flaky");
    String webhookId = tries.get(0).getHeader("webhook-id");
    assertTrue(webhookId.startsWith("msg_"), webhookId);
    for (var attempt : tries) {
      assertEquals(webhookId, attempt.getHeader("webhook-id"), "a retry keeps the id, so receivers can dedupe");
      assertSignedBy(secret, attempt);
    }
    JsonObject payload = json(tries.get(2).getBodyAsString());
    assertEquals("alert.raised", payload.getString("type"));
    Instant.parse(payload.getString("timestamp"));
    JsonObject alert = payload.getJsonObject("data");
    assertEquals("LOW_STOCK", alert.getString("type"));
    assertEquals(product, alert.getString("productId"));
    String alertId = alert.getString("id");
    assertEquals(alertId, shop.user().get("api/v1/alerts?type=LOW_STOCK").json().getJsonArray("items")
        .getJsonObject(0).getString("id"));

    await().atMost(PATIENCE).until(() -> notifications(shop.user()).getJsonObject(0).getString("status"),
        equalTo("DELIVERED"));
    JsonObject delivery = notifications(shop.user()).getJsonObject(0);
    assertEquals(webhookId, delivery.getString("id"));
    assertEquals(alertId, delivery.getString("alertId"));
    assertEquals("alert.raised", delivery.getString("type"));
    assertEquals(1, delivery.getInt("rounds"));
    assertTrue(delivery.containsKey("deliveredAt"));
    JsonArray attempts = delivery.getJsonArray("attempts");
    assertEquals(List.of(500, 500, 204), attempts.stream()
        .map(a -> a.asJsonObject().getInt("responseStatus")).toList());
    assertEquals("HTTP 500", attempts.getJsonObject(0).getString("error"));
    assertTrue(absent(attempts.getJsonObject(2), "error"));
    assertTrue(attempts.getJsonObject(2).containsKey("latencyMs"));

    // Back above the threshold: the resolution is notified too, under a new id, taken at once.
    assertEquals(201, shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":10}").status());
    await().atMost(PATIENCE).until(() -> received("/flaky").size(), equalTo(4));
    var resolved = received("/flaky").get(3);
    assertSignedBy(secret, resolved);
    assertFalse(webhookId.equals(resolved.getHeader("webhook-id")));
    assertEquals("alert.resolved", json(resolved.getBodyAsString()).getString("type"));
    assertEquals("RESOLVED", json(resolved.getBodyAsString()).getJsonObject("data").getString("status"));
    await().atMost(PATIENCE).until(() -> notifications(shop.user()).size(), equalTo(2));

    var stranger = TestTenant.create(base.toURI(), "Stranger", "STARTER");
    assertEquals(0, notifications(stranger.admin()).size(), "a tenant sees its own deliveries only");
  }

  @Test
  void aReceiverThatNeverTakesItIsGivenUpAfterTheLastRound() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Unreachable receiver", "STARTER");
    notifyAt(shop, "/down");
    String product = shop.product("NOTE-2", 3);
    shop.admin().patch("api/v1/products/" + product, "{\"lowStockThreshold\":1}");
    assertEquals(201, shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"setTo\":0}").status());

    await().atMost(PATIENCE).until(() -> notifications(shop.user()).getJsonObject(0).getString("status"),
        equalTo("FAILED"));
    JsonObject failed = notifications(shop.user()).getJsonObject(0);
    assertEquals(2, failed.getInt("rounds"));
    assertEquals(6, failed.getJsonArray("attempts").size(), "2 rounds of 3 attempts");
    assertEquals("HTTP 503", failed.getString("lastError"));
    assertTrue(absent(failed, "nextAttemptAt"));
    assertEquals(1, notifications(shop.user(), "?status=FAILED").size());
    assertEquals(0, notifications(shop.user(), "?status=DELIVERED").size());
    assertEquals(6, received("/down").size());
  }

  @Test
  void onlyATenantAdminGeneratesTheSecretAndItIsNeverShownAgain() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Secret keeper", "STARTER");
    assertEquals(403, shop.user().post("api/v1/alerts/notifications/secret", "").status());
    var endpoint = shop.user().get("api/v1/alerts/notifications/endpoint");
    assertEquals(200, endpoint.status(), endpoint.body());
    assertFalse(endpoint.json().getBoolean("hasSecret"));
    var first = shop.admin().post("api/v1/alerts/notifications/secret", "");
    assertEquals(201, first.status(), first.body());
    assertEquals("no-store", first.header("Cache-Control"));
    var second = shop.admin().post("api/v1/alerts/notifications/secret", "");
    assertFalse(first.json().getString("secret").equals(second.json().getString("secret")), "a rotation");
    var after = shop.user().get("api/v1/alerts/notifications/endpoint");
    assertTrue(after.json().getBoolean("hasSecret"));
    assertFalse(after.body().contains(second.json().getString("secret")));
    assertTrue(absent(first.json(), "previousSecretValidUntil"), "the first secret replaces none");
    assertTrue(second.json().containsKey("previousSecretValidUntil"), "the first one keeps signing a day");
  }

  /** Points the tenant's notifications at the receiver (its admin does) and generates its secret. */
  private String notifyAt(TestTenant shop, String path) throws Exception {
    var pointed = shop.admin().put("api/v1/alerts/notifications/endpoint", urlBody(receiver.baseUrl() + path));
    assertEquals(200, pointed.status(), pointed.body());
    assertEquals(receiver.baseUrl() + path, pointed.json().getString("notificationUrl"));
    var generated = shop.admin().post("api/v1/alerts/notifications/secret", "");
    assertEquals(201, generated.status(), generated.body());
    String secret = generated.json().getString("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    return secret;
  }

  @Test
  void aTenantAdminSetsAndClearsItsOwnEndpointAndNoOneElses() throws Exception {
    var a = TestTenant.create(base.toURI(), "Endpoint owner", "STARTER");
    var b = TestTenant.create(base.toURI(), "Endpoint neighbour", "STARTER");
    String url = receiver.baseUrl() + "/owner";
    assertEquals(403, a.user().put("api/v1/alerts/notifications/endpoint", urlBody(url)).status(),
        "a tenant user only reads");
    assertEquals(403, a.user().delete("api/v1/alerts/notifications/endpoint").status());
    assertEquals(403, new Api(base.toURI()).asPlatformAdmin().put("api/v1/alerts/notifications/endpoint",
        urlBody(url)).status(), "a platform admin has no tenant of its own here");
    assertEquals(401, new Api(base.toURI()).put("api/v1/alerts/notifications/endpoint", urlBody(url)).status());

    var set = a.admin().put("api/v1/alerts/notifications/endpoint", urlBody(url));
    assertEquals(200, set.status(), set.body());
    assertEquals(url, a.user().get("api/v1/alerts/notifications/endpoint").json().getString("notificationUrl"));
    assertEquals(url, a.user().get("api/v1/tenant").json().getJsonObject("settings").getString("notificationUrl"),
        "the same tenant setting the platform admin sees");

    // B's admin changes B only: there is no way to name another tenant, and A's URL stays.
    var bEndpoint = b.admin().get("api/v1/alerts/notifications/endpoint").json();
    assertTrue(absent(bEndpoint, "notificationUrl"), bEndpoint.toString());
    assertEquals(200, b.admin().put("api/v1/alerts/notifications/endpoint", urlBody(url + "-b")).status());
    assertEquals(204, b.admin().delete("api/v1/alerts/notifications/endpoint").status());
    assertEquals(url, a.user().get("api/v1/alerts/notifications/endpoint").json().getString("notificationUrl"));

    assertEquals(204, a.admin().delete("api/v1/alerts/notifications/endpoint").status());
    assertTrue(absent(a.user().get("api/v1/alerts/notifications/endpoint").json(), "notificationUrl"));
    var audit = a.admin().get("api/v1/audit");
    assertTrue(audit.body().contains("alert.notification-endpoint.clear"), audit.body());
    assertFalse(audit.body().contains(url + "-b"), "B's changes are in B's audit trail only");
  }

  @Test
  void refusedUrlsAnswer422ProblemsSayingWhy() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Careless shop", "STARTER");
    // This server allows private targets and http (the receivers are local): the rules left are checked here,
    // the address rules in TargetAddressesTest and NotificationTargetsTest.
    var userInfo = shop.admin().put("api/v1/alerts/notifications/endpoint", urlBody("https://me:pw@hooks.example/x"));
    assertEquals(422, userInfo.status(), userInfo.body());
    assertTrue(userInfo.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("the notification URL must not carry user info (user:password@)",
        userInfo.json().getString("detail"));
    var scheme = shop.admin().put("api/v1/alerts/notifications/endpoint", urlBody("gopher://127.0.0.1:6379/x"));
    assertEquals(422, scheme.status(), scheme.body());
    assertEquals("the notification URL must be http or https", scheme.json().getString("detail"));
    assertEquals(400, shop.admin().put("api/v1/alerts/notifications/endpoint", "{\"url\":\"\"}").status());
    assertEquals(400, shop.admin().put("api/v1/alerts/notifications/endpoint", "{}").status());
    var viaPlatform = new Api(base.toURI()).asPlatformAdmin().patch("api/v1/tenants/" + shop.id(),
        "{\"settings\":{\"notificationUrl\":\"https://me:pw@hooks.example/x\"}}");
    assertEquals(422, viaPlatform.status(), "the platform admin's settings change is guarded too");
    assertTrue(absent(shop.user().get("api/v1/alerts/notifications/endpoint").json(), "notificationUrl"));
  }

  @Test
  void aRotatedSecretKeepsSigningBesideTheNewOneUntilItsGraceEnds() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Rotating receiver", "STARTER");
    String old = notifyAt(shop, "/rotating");
    var rotated = shop.admin().post("api/v1/alerts/notifications/secret?graceSeconds=3600", "");
    assertEquals(201, rotated.status(), rotated.body());
    String current = rotated.json().getString("secret");
    Instant until = Instant.parse(rotated.json().getString("previousSecretValidUntil"));
    assertTrue(until.isAfter(Instant.now().plusSeconds(3500)) && until.isBefore(Instant.now().plusSeconds(3700)));
    assertEquals(until, Instant.parse(shop.user().get("api/v1/alerts/notifications/endpoint").json()
        .getString("previousSecretValidUntil")));
    assertEquals(400, shop.admin().post("api/v1/alerts/notifications/secret?graceSeconds=-1", "")
        .status());

    String product = shop.product("ROT-1", 10);
    shop.admin().patch("api/v1/products/" + product, "{\"lowStockThreshold\":5}");
    assertEquals(201, shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":-7}").status());
    await().atMost(PATIENCE).until(() -> received("/rotating").size(), equalTo(1));
    var during = received("/rotating").get(0);
    assertEquals(2, during.getHeader("webhook-signature").split(" ").length, during.getHeader("webhook-signature"));
    assertSignedBy(current, during);
    assertSignedBy(old, during);

    // Without grace the old secret stops signing at once.
    var immediate = shop.admin().post("api/v1/alerts/notifications/secret?graceSeconds=0", "");
    assertEquals(201, immediate.status(), immediate.body());
    assertTrue(absent(immediate.json(), "previousSecretValidUntil"));
    String newest = immediate.json().getString("secret");
    assertEquals(201, shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":10}").status());
    await().atMost(PATIENCE).until(() -> received("/rotating").size(), equalTo(2));
    var after = received("/rotating").get(1);
    assertEquals(1, after.getHeader("webhook-signature").split(" ").length);
    assertSignedBy(newest, after);
  }

  @Test
  void aDeletedTenantsEndpointIsGoneWhateverItsTokenSays() throws Exception {
    var gone = TestTenant.create(base.toURI(), "Gone shop", "STARTER");
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(202, platform.delete("api/v1/tenants/" + gone.id()).status());
    await().atMost(PATIENCE).until(() -> platform.get("api/v1/tenants/" + gone.id()).json().getString("status"),
        equalTo("DELETED"));
    var put = gone.admin().put("api/v1/alerts/notifications/endpoint", urlBody(receiver.baseUrl() + "/gone"));
    assertEquals(404, put.status(), put.body());
    assertTrue(put.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(404, gone.admin().post("api/v1/alerts/notifications/secret", "").status());
    assertEquals(404, gone.admin().delete("api/v1/alerts/notifications/endpoint").status());
  }

  private static String urlBody(String url) {
    return "{\"url\":\"" + url + "\"}";
  }

  /**
   * Verifies as a Standard Webhooks receiver does: webhook-signature holds space-separated "v1,<base64>" entries,
   * one must equal the HMAC-SHA256 of "id.timestamp.body" under the secret's key; the timestamp is recent.
   */
  private static void assertSignedBy(String secret, LoggedRequest request) {
    String id = request.getHeader("webhook-id");
    long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
    assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) <= 300, "timestamp " + timestamp);
    String expected = VendorSigner.standard(id, timestamp, request.getBody(), secret);
    var entries = List.of(request.getHeader("webhook-signature").split(" "));
    assertTrue(entries.contains(expected), entries + " should contain " + expected);
    assertEquals("application/json", request.getHeader("Content-Type"));
  }

  private static List<LoggedRequest> received(String path) {
    return receiver.findAll(postRequestedFor(urlEqualTo(path)));
  }

  private static JsonArray notifications(Api api) {
    return notifications(api, "");
  }

  private static JsonArray notifications(Api api, String query) {
    var r = api.get("api/v1/alerts/notifications" + query);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }
}
