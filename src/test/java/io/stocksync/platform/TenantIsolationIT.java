package io.stocksync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenancy is a security boundary: with its own valid token, tenant B reaches none of tenant A's resources by any
 * verb; a foreign id answers 404 (not 403, which would confirm that it exists), and nothing of A changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  private TestTenant a;
  private TestTenant b;
  private String product;
  private String channel;
  private String mapping;

  @BeforeEach
  void twoTenants() throws Exception {
    a = TestTenant.create(base.toURI(), "Tenant A", "STARTER");
    b = TestTenant.create(base.toURI(), "Tenant B", "STARTER");
    product = a.product("A-SECRET-SKU", 10);
    channel = a.channel("SHOPIFY", "A-shop", 0);
    mapping = a.mapping(product, channel, "a-ext-1");
  }

  @Test
  void foreignIdsAnswerNotFoundForEveryResourceAndVerb() {
    Api intruder = b.admin();
    record Call(String what, Api.Response response) {}
    var calls = List.of(
        new Call("GET product", intruder.get("api/v1/products/" + product)),
        new Call("GET product by SKU", intruder.get("api/v1/products/by-sku/A-SECRET-SKU")),
        new Call("PATCH product", intruder.patch("api/v1/products/" + product, "{\"name\":\"pwned\"}")),
        new Call("DELETE product", intruder.delete("api/v1/products/" + product)),
        new Call("POST adjustment", intruder.post("api/v1/products/" + product + "/adjustments", "{\"delta\":-10}")),
        new Call("GET movements", intruder.get("api/v1/products/" + product + "/movements")),
        new Call("GET stock", intruder.get("api/v1/products/" + product + "/stock")),
        new Call("GET sync events", intruder.get("api/v1/products/" + product + "/sync-events")),
        new Call("GET channel", intruder.get("api/v1/channels/" + channel)),
        new Call("PATCH channel", intruder.patch("api/v1/channels/" + channel, "{\"bufferStock\":99}")),
        new Call("POST secret", intruder.post("api/v1/channels/" + channel + "/webhook-secret",
            "{\"webhookSecret\":\"mine\"}")),
        new Call("DELETE channel", intruder.delete("api/v1/channels/" + channel)),
        new Call("GET mapping", intruder.get("api/v1/mappings/" + mapping)),
        new Call("PUT mapping", intruder.put("api/v1/mappings/" + mapping, "{\"externalId\":\"x\"}")),
        new Call("DELETE mapping", intruder.delete("api/v1/mappings/" + mapping)),
        new Call("POST mapping to A's product", intruder.post("api/v1/mappings",
            "{\"productId\":\"" + product + "\",\"channelId\":\"" + b.channel("WIX", "b-wix", 0)
                + "\",\"externalId\":\"b-1\"}")),
        new Call("POST mapping to A's channel", intruder.post("api/v1/mappings",
            "{\"productId\":\"" + b.product("B-1", 1) + "\",\"channelId\":\"" + channel + "\",\"externalId\":\"b-2\"}")));
    for (var call : calls) {
      assertEquals(404, call.response().status(), call.what() + ": " + call.response().body());
      // The problem names the path the caller asked for (its own input), and nothing of A beyond it.
      var problem = call.response().json();
      assertFalse(problem.getString("detail").contains("A-SECRET-SKU"), call.what() + " leaks nothing");
    }
  }

  @Test
  void listsShowOnlyTheCallersOwnRows() {
    for (String list : List.of("api/v1/products", "api/v1/channels", "api/v1/mappings", "api/v1/audit",
        "api/v1/alerts",
        "api/v1/products?channelId=" + channel, "api/v1/mappings?productId=" + product)) {
      var r = b.admin().get(list);
      assertEquals(200, r.status(), list);
      assertFalse(r.body().contains(product) || r.body().contains(channel) || r.body().contains(mapping)
          || r.body().contains("A-SECRET-SKU"), list + " shows nothing of A: " + r.body());
    }
    assertEquals(b.id().toString(), b.user().get("api/v1/tenant").json().getString("id"));
  }

  @Test
  void aTenantsNotificationEndpointIsItsOwnToReadAndChange() {
    String aUrl = "https://a-shop.example/alerts";
    assertEquals(200, a.admin().put("api/v1/alerts/notifications/endpoint", "{\"url\":\"" + aUrl + "\"}").status());
    assertEquals(201, a.admin().post("api/v1/alerts/notifications/secret", "").status());

    // B's calls carry no tenant id to aim at A: each one reads or changes B.
    assertFalse(b.admin().get("api/v1/alerts/notifications/endpoint").body().contains("a-shop"));
    assertEquals(200, b.admin().put("api/v1/alerts/notifications/endpoint",
        "{\"url\":\"https://b-shop.example/alerts\"}").status());
    assertEquals(201, b.admin().post("api/v1/alerts/notifications/secret?graceSeconds=60", "").status());
    assertEquals(201, b.admin().post("api/v1/alerts/notifications/secret?graceSeconds=60", "").status());
    assertEquals(204, b.admin().delete("api/v1/alerts/notifications/endpoint").status());

    var endpoint = a.user().get("api/v1/alerts/notifications/endpoint").json();
    assertEquals(aUrl, endpoint.getString("notificationUrl"));
    assertTrue(endpoint.getBoolean("hasSecret"));
    assertFalse(endpoint.containsKey("previousSecretValidUntil"), "B's rotations started no grace period on A");
    var bEndpoint = b.user().get("api/v1/alerts/notifications/endpoint").json();
    assertFalse(bEndpoint.containsKey("notificationUrl"), bEndpoint.toString());
    assertTrue(bEndpoint.containsKey("previousSecretValidUntil"), bEndpoint.toString());
  }

  @Test
  void nothingOfAChangedAfterTheAttempts() {
    foreignIdsAnswerNotFoundForEveryResourceAndVerb();
    var p = a.admin().get("api/v1/products/" + product).json();
    assertEquals("Product A-SECRET-SKU", p.getString("name"));
    assertEquals(10, p.getJsonNumber("onHand").longValue());
    assertEquals(0, a.admin().get("api/v1/channels/" + channel).json().getInt("bufferStock"));
    assertEquals("a-ext-1", a.admin().get("api/v1/mappings/" + mapping).json().getString("externalId"));
  }
}
