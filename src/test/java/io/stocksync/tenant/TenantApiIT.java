package io.stocksync.tenant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant lifecycle through the platform API: create, list, change, pause, resume, delete (purge). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void platformAdminCreatesChangesAndListsTenants() throws Exception {
    var platform = new Api(base.toURI()).asPlatformAdmin();
    var created = platform.post("api/v1/tenants",
        "{\"name\":\"Corner Shop\",\"tier\":\"STARTER\",\"settings\":{\"driftThreshold\":3}}");
    assertEquals(201, created.status(), created.body());
    JsonObject t = created.json();
    assertEquals("ACTIVE", t.getString("status"));
    assertEquals(3, t.getJsonObject("settings").getInt("driftThreshold"));
    assertEquals(15, t.getJsonObject("settings").getInt("reconcileIntervalMinutes"), "default interval");
    assertEquals(1_000, t.getJsonObject("limits").getInt("maxProducts"));
    assertTrue(created.header("Location").endsWith("/api/v1/tenants/" + t.getString("id")));

    var changed = platform.patch("api/v1/tenants/" + t.getString("id"),
        "{\"tier\":\"PRO\",\"settings\":{\"notificationUrl\":\"https://shop.example/alerts\"}}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals("PRO", changed.json().getString("tier"));
    assertEquals(3, changed.json().getJsonObject("settings").getInt("driftThreshold"), "untouched setting kept");

    // Pages of 2 walk every tenant once, even while new tenants arrive between pages.
    var seen = new HashSet<String>();
    String cursor = null;
    int pages = 0;
    do {
      var page = platform.get("api/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("items").forEach(i -> assertTrue(seen.add(((JsonObject) i).getString("id")), "no repeats"));
      cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
      if (pages++ == 0) {
        TestTenant.create(base.toURI(), "Arrives mid-listing", "FREE");
      }
    } while (cursor != null);
    assertTrue(seen.contains(t.getString("id")));
  }

  @Test
  void pauseAndResumeFollowTheLifecycle() throws Exception {
    var tenant = TestTenant.create(base.toURI(), "Pausable", "FREE");
    var platform = new Api(base.toURI()).asPlatformAdmin();
    assertEquals("PAUSED", platform.post("api/v1/tenants/" + tenant.id() + "/pause", "").json().getString("status"));
    var again = platform.post("api/v1/tenants/" + tenant.id() + "/pause", "");
    assertEquals(409, again.status(), "pausing a paused tenant is a conflict");
    assertEquals("application/problem+json", again.header("Content-Type"));
    assertEquals("ACTIVE", platform.post("api/v1/tenants/" + tenant.id() + "/resume", "").json().getString("status"));
    assertEquals("ACTIVE", tenant.user().get("api/v1/tenant").json().getString("status"), "tenant sees itself");
  }

  @Test
  void deletePurgesEveryRowOfTheTenantAndIsIdempotent() throws Exception {
    var doomed = TestTenant.create(base.toURI(), "Doomed", "STARTER");
    var survivor = TestTenant.create(base.toURI(), "Survivor", "STARTER");
    for (var t : new TestTenant[] {doomed, survivor}) {
      String product = t.product("SKU-1", 10);
      String channel = t.channel("SHOPIFY", "shop", 1);
      t.mapping(product, channel, "gid-1");
      t.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":-2}");
    }
    var platform = new Api(base.toURI()).asPlatformAdmin();
    var accepted = platform.delete("api/v1/tenants/" + doomed.id());
    assertEquals(202, accepted.status(), "marked DELETING, purged in the background: " + accepted.body());
    assertEquals("DELETING", accepted.json().getString("status"));
    await().atMost(Duration.ofSeconds(60)).until(
        () -> platform.get("api/v1/tenants/" + doomed.id()).json().getString("status"), "DELETED"::equals);
    assertEquals(204, platform.delete("api/v1/tenants/" + doomed.id()).status(), "deleting again changes nothing");

    for (String table : new String[] {"product", "channel", "channel_mapping", "stock_movement"}) {
      assertEquals(0, rows(table, doomed.id()), table + " of the deleted tenant purged");
      assertTrue(rows(table, survivor.id()) > 0, table + " of another tenant untouched");
    }
    assertEquals("DELETED", platform.get("api/v1/tenants/" + doomed.id()).json().getString("status"));
    assertFalse(platform.get("api/v1/tenants?limit=200").body().contains(doomed.id().toString()),
        "deleted tenants are not listed by default");
    assertEquals(404, platform.post("api/v1/tenants/" + doomed.id() + "/pause", "").status());
  }

  @Test
  void onlyPlatformAdminsManageTenants() throws Exception {
    var tenant = TestTenant.create(base.toURI(), "Curious", "FREE");
    assertEquals(403, tenant.admin().get("api/v1/tenants").status());
    assertEquals(403, tenant.admin().post("api/v1/tenants", "{\"name\":\"x\",\"tier\":\"FREE\"}").status());
    assertEquals(403, tenant.admin().delete("api/v1/tenants/" + tenant.id()).status());
    assertEquals(401, new Api(base.toURI()).get("api/v1/tenants").status());
  }

  private static int rows(String table, UUID tenantId) throws Exception {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
      ps.setObject(1, tenantId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
