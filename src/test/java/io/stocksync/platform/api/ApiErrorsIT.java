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
  void badTokensAreRefused() throws Exception {
    var api = new Api(base.toURI());
    assertEquals(401, api.get("api/v1/products").status(), "no token");
    assertEquals(401, api.as("not.a.jwt").get("api/v1/products").status());
    String token = io.stocksync.devstack.DevToken.mint("tenant-admin", UUID.randomUUID());
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertEquals(401, api.as(tampered).get("api/v1/products").status(), "signature is checked");
    var expired = io.stocksync.devstack.DevToken.mint("tenant-admin", UUID.randomUUID(), "late",
        java.time.Duration.ofSeconds(-120));
    assertEquals(401, api.as(expired).get("api/v1/products").status(), "expiry is checked");
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
