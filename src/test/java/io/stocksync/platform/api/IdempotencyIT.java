package io.stocksync.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotency-Key: a retried request is answered from the first response and changes nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void sameKeyAndBodyReplaysTheFirstResponse() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Retrier", "STARTER");
    String product = shop.product("I-1", 10);
    String body = "{\"delta\":-3}";
    var first = adjust(shop.admin(), product, "key-1", body);
    var second = adjust(shop.admin(), product, "key-1", body);
    assertEquals(201, first.status(), first.body());
    assertEquals(201, second.status());
    assertEquals(first.body(), second.body(), "the same movement, not a new one");
    assertEquals("true", second.header("Idempotency-Replayed"));
    assertEquals(7, shop.admin().get("api/v1/products/" + product).json().getJsonNumber("onHand").longValue());
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Confused", "STARTER");
    String product = shop.product("I-2", 10);
    assertEquals(201, adjust(shop.admin(), product, "key-2", "{\"delta\":-1}").status());
    var other = adjust(shop.admin(), product, "key-2", "{\"delta\":-5}");
    assertEquals(422, other.status(), other.body());
    assertTrue(other.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(9, shop.admin().get("api/v1/products/" + product).json().getJsonNumber("onHand").longValue());
  }

  @Test
  void simultaneousRetriesApplyOnce() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Racer", "STARTER");
    String product = shop.product("I-3", 100);
    var futures = new java.util.ArrayList<CompletableFuture<Api.Response>>();
    for (int i = 0; i < 8; i++) {
      futures.add(CompletableFuture.supplyAsync(() -> adjust(shop.admin(), product, "key-3", "{\"delta\":-1}")));
    }
    var statuses = futures.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
    assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
    assertEquals(99, shop.admin().get("api/v1/products/" + product).json().getJsonNumber("onHand").longValue(),
        "applied exactly once: " + statuses);
  }

  @Test
  void keysAreScopedPerTenant() throws Exception {
    var a = TestTenant.create(base.toURI(), "Key A", "STARTER");
    var b = TestTenant.create(base.toURI(), "Key B", "STARTER");
    var ra = a.admin().send(a.admin().request("api/v1/products").header("Content-Type", "application/json")
        .header("Idempotency-Key", "shared").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"K\",\"name\":\"k\"}")));
    var rb = b.admin().send(b.admin().request("api/v1/products").header("Content-Type", "application/json")
        .header("Idempotency-Key", "shared").POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"K\",\"name\":\"k\"}")));
    assertEquals(201, ra.status());
    assertEquals(201, rb.status(), "another tenant's key is not ours");
    assertTrue(!ra.json().getString("id").equals(rb.json().getString("id")));
  }

  private static Api.Response adjust(Api api, String product, String key, String body) {
    return api.send(api.request("api/v1/products/" + product + "/adjustments")
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
