package io.stocksync.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestTenant;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plans limit what a tenant may create and how fast it may call the API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuotaAndRateLimitIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void channelQuotaOfThePlanIsEnforced() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Small plan", "FREE");
    shop.channel("SHOPIFY", "one", 0);
    shop.channel("SQUARE", "two", 0);
    var third = shop.admin().post("api/v1/channels", "{\"type\":\"WIX\",\"displayName\":\"three\"}");
    assertEquals(403, third.status(), third.body());
    assertTrue(third.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(third.json().getString("detail").contains("FREE plan allows 2 channels"), third.body());

    var platform = new Api(base.toURI()).asPlatformAdmin();
    platform.patch("api/v1/tenants/" + shop.id(), "{\"tier\":\"STARTER\"}");
    assertEquals(201, shop.admin().post("api/v1/channels", "{\"type\":\"WIX\",\"displayName\":\"three\"}").status(),
        "an upgrade makes room");
  }

  @Test
  void apiRateLimitAnswers429WithRetryAfter() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Chatty", "FREE");
    int limit = Tier.FREE.apiRequestsPerMinute();
    Api.Response last = null;
    int ok = 0;
    // Two windows' worth at most: a minute boundary in the middle only delays the refusal.
    for (int i = 0; i < 2 * limit + 2; i++) {
      last = shop.user().get("api/v1/tenant");
      if (last.status() == 429) {
        break;
      }
      assertEquals(200, last.status(), last.body());
      assertNotNull(last.header("RateLimit-Remaining"));
      ok++;
    }
    assertEquals(429, last.status(), "refused after " + ok + " requests");
    assertTrue(ok >= 1 && ok <= 2 * limit, "served " + ok);
    int retryAfter = Integer.parseInt(last.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals("0", last.header("RateLimit-Remaining"));
    assertEquals(Integer.toString(limit), last.header("RateLimit-Limit"));
    assertTrue(last.json().getString("detail").contains(limit + " API requests a minute"));

    var neighbour = TestTenant.create(base.toURI(), "Quiet neighbour", "FREE");
    assertEquals(200, neighbour.user().get("api/v1/tenant").status(), "one tenant's limit is not another's");
  }
}
