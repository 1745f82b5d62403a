package io.stocksync.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets one clear problem+json shape, never a stack trace; request ids travel; bad tokens are refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiErrorsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void invalidFieldsAreListed() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Validator", "STARTER");
    var r = shop.admin().post("api/v1/products", "{\"sku\":\"\",\"name\":\"ok\",\"onHand\":-1}");
    JsonObject p = problem(r, 400);
    var fields = p.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
    assertTrue(fields.contains("sku") && fields.contains("onHand"), fields.toString());
  }

  @Test
  void unknownFieldsWrongTypesAndMalformedJsonAreBadRequests() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Strict", "STARTER");
    for (String body : new String[] {
        "{\"sku\":\"S-1\",\"name\":\"x\",\"onHnad\":5}", // typo: unknown field
        "{\"sku\":\"S-1\",\"name\":\"x\",\"onHand\":\"five\"}", // wrong type
        "{\"sku\":\"S-1\",", // malformed
        "[1,2,3]"}) {
      var r = shop.admin().post("api/v1/products", body);
      problem(r, 400);
    }
    assertEquals(404, shop.admin().get("api/v1/products/by-sku/S-1").status(), "nothing was created");
    problem(shop.admin().get("api/v1/products/not-a-uuid"), 404);
    problem(shop.admin().get("api/v1/products?cursor=***"), 400);
    problem(shop.admin().post("api/v1/products/" + UUID.randomUUID() + "/adjustments", "{\"delta\":1,\"setTo\":2}"),
        400);
  }

  @Test
  void requestIdIsEchoedOrGenerated() throws Exception {
    var api = TestTenant.create(base.toURI(), "Tracer", "STARTER").user();
    var echoed = api.send(api.request("api/v1/products/" + UUID.randomUUID()).header("X-Request-ID", "trace-me-123")
        .GET());
    assertEquals("trace-me-123", echoed.header("X-Request-ID"));
    assertEquals("trace-me-123", problem(echoed, 404).getString("requestId"));
    var generated = api.get("api/v1/tenant");
    assertNotNull(generated.header("X-Request-ID"));
    var hostile = api.send(api.request("api/v1/tenant").header("X-Request-ID", "bad id\twith spaces").GET());
    assertFalse(hostile.header("X-Request-ID").contains(" "), "unsafe ids are replaced, not logged");
  }

  @Test
  void badTokensAreRefusedWithTheProblemShape() throws Exception {
    var api = new Api(base.toURI());
    String token = io.stocksync.devstack.DevToken.mint("tenant-admin", UUID.randomUUID());
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    var expired = io.stocksync.devstack.DevToken.mint("tenant-admin", UUID.randomUUID(), "late",
        java.time.Duration.ofSeconds(-120));
    var cases = new java.util.LinkedHashMap<String, Api.Response>();
    cases.put("no token", api.get("api/v1/products"));
    cases.put("malformed", api.as("not.a.jwt").get("api/v1/products"));
    cases.put("wrong signature", api.as(tampered).get("api/v1/products"));
    cases.put("expired", api.as(expired).get("api/v1/products"));
    cases.put("no token, POST", api.post("api/v1/products", "{\"sku\":\"S\",\"name\":\"n\"}"));
    cases.put("no token, platform API", api.get("api/v1/tenants"));
    cases.forEach((what, r) -> {
      var p = problem(r, 401);
      assertEquals("Unauthorized", p.getString("title"), what);
      assertFalse(p.getString("detail").isBlank(), what);
      assertTrue(p.getString("instance").startsWith("/stocksync/api/v1/"), what + ": " + p);
      assertNotNull(r.header("WWW-Authenticate"), what + ": the challenge is kept");
      assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), what + ": " + r.header("WWW-Authenticate"));
    });
    var traced = api.send(api.request("api/v1/products").header("X-Request-ID", "who-am-i-1").GET());
    assertEquals("who-am-i-1", problem(traced, 401).getString("requestId"));
    assertEquals("who-am-i-1", traced.header("X-Request-ID"));
  }

  @Test
  void aWebhookWithABadSignatureKeepsItsOwn401AndNeedsNoToken() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Signed", "STARTER");
    String shopify = shop.channel("SHOPIFY", "shop", 0);
    var hooks = new io.stocksync.teststack.Webhooks(base.toURI());
    var r = hooks.post(shopify, java.util.Map.of("X-Shopify-Hmac-Sha256", "bm90IHRoZSBzaWduYXR1cmU=",
        "X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", "bad-sig-1"), "{\"id\":1}".getBytes());
    var p = problem(r, 401);
    assertTrue(p.getString("detail").toLowerCase().contains("signature"), "the webhook's own answer: " + p);
    assertEquals(404, hooks.post(UUID.randomUUID().toString(), java.util.Map.of(), "{}".getBytes()).status(),
        "an unknown channel is not an authentication failure");
  }

  @Test
  void unknownPathsAndMethodsUseTheProblemShape() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Lost", "STARTER");
    problem(shop.admin().get("api/v1/no-such-thing"), 404);
    problem(shop.admin().send(shop.admin().request("api/v1/products")
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi"))), 415);
  }

  private static JsonObject problem(Api.Response r, int status) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("io.stocksync"),
        "no stack trace or class names: " + r.body());
    JsonObject p = r.json();
    assertEquals(status, p.getInt("status"));
    assertFalse(p.getString("title").isBlank());
    return p;
  }
}
