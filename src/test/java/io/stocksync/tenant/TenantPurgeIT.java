package io.stocksync.tenant;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.bench.BenchSeeder;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant delete of a big-ish tenant: batches of their own transactions, resumable, idempotent, nothing left. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantPurgeIT {

  private static final int PRODUCTS = 4_000;
  private static final Duration PURGE = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void aBigTenantIsPurgedInBatchesAndNothingOfItIsLeft() throws Exception {
    var doomed = seeded("Big doomed");
    var survivor = seeded("Big survivor");
    long mappings = rows("channel_mapping", doomed.id());
    var platform = new Api(base.toURI()).asPlatformAdmin();

    var first = platform.delete("api/v1/tenants/" + doomed.id());
    assertEquals(202, first.status(), first.body());
    assertEquals("DELETING", first.json().getString("status"));
    var again = platform.delete("api/v1/tenants/" + doomed.id());
    assertTrue(again.status() == 202 || again.status() == 204, "a repeated DELETE answers the same: " + again);
    awaitDeleted(platform, doomed.id());
    assertEquals(204, platform.delete("api/v1/tenants/" + doomed.id()).status(), "deleted: nothing to do");

    for (String table : TenantPurge.TABLES) {
      assertEquals(0, owned(table, doomed.id()), table + " of the deleted tenant purged");
    }
    assertTrue(rows("channel_mapping", survivor.id()) >= PRODUCTS, "another tenant untouched");
    assertTrue(rows("sync_event", survivor.id()) > 0, "another tenant's sync events untouched");

    JsonObject summary = purgedSummary(doomed.id());
    assertEquals(mappings, summary.getJsonObject("removed").getJsonNumber("channel_mapping").longValue());
    assertEquals(PRODUCTS, summary.getJsonObject("removed").getJsonNumber("product").longValue());
    int batchSize = summary.getInt("batchSize");
    assertTrue(mappings > 2L * batchSize, "the test tenant spans several batches of one table");
    assertTrue(summary.getInt("batches") >= 10, "deleted in batches, not one transaction: " + summary);
    assertEquals(List.of("tenant.delete", "tenant.purged"), auditActions(doomed.id()),
        "only the record of the deletion stays with the tombstone");
  }

  @Test
  void anInterruptedPurgeIsContinuedByARepeatedDeleteAndNothingNewComesIn() throws Exception {
    var doomed = seeded("Interrupted");
    // As a crash half-way leaves it: marked DELETING, the ledger and sync events already gone, the rest not.
    sql("UPDATE tenant SET status = 'DELETING' WHERE id = ?", doomed.id());
    sql("DELETE FROM sync_event WHERE tenant_id = ?", doomed.id());
    sql("DELETE FROM stock_movement WHERE tenant_id = ?", doomed.id());
    var platform = new Api(base.toURI()).asPlatformAdmin();

    assertEquals(409, platform.post("api/v1/tenants/" + doomed.id() + "/pause", "").status(),
        "a tenant being deleted is not paused");
    assertEquals(404, doomed.admin().post("api/v1/products", "{\"sku\":\"LATE\",\"name\":\"late\"}").status(),
        "nothing new comes in");

    var resumed = platform.delete("api/v1/tenants/" + doomed.id());
    assertEquals(202, resumed.status(), resumed.body());
    awaitDeleted(platform, doomed.id());
    for (String table : TenantPurge.TABLES) {
      assertEquals(0, owned(table, doomed.id()), table + " purged after the resumed delete");
    }
    assertEquals(204, platform.delete("api/v1/tenants/" + doomed.id()).status());
  }

  /** A tenant with 3 channels, PRODUCTS products (~2.2 mappings each), a ledger, sync events, deliveries. */
  private TestTenant seeded(String name) throws Exception {
    var shop = TestTenant.create(base.toURI(), name, "ENTERPRISE");
    shop.channel("SHOPIFY", "Shopify", 0);
    shop.channel("DELIVEROO", "Deliveroo", 5);
    shop.channel("SQUARE", "Square POS", 2);
    var keyed = shop.admin().send(shop.admin().request("api/v1/products").header("Content-Type", "application/json")
        .header("Idempotency-Key", "purge-" + shop.id())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sku\":\"KEYED\",\"name\":\"keyed\"}")));
    assertEquals(201, keyed.status(), keyed.body());
    sql("DELETE FROM stock_movement WHERE tenant_id = ?", shop.id()); // BenchSeeder writes the ledger itself
    sql("DELETE FROM product WHERE tenant_id = ?", shop.id());
    try (var c = TestStack.jdbc()) {
      BenchSeeder.seed(c, shop.id(), PRODUCTS, "Shopify", "Deliveroo", "Square POS");
    }
    sql("INSERT INTO sync_event (tenant_id, mapping_id, level, outcome) SELECT tenant_id, id, 1, 'PUSHED'"
        + " FROM channel_mapping WHERE tenant_id = ?", shop.id());
    sql("INSERT INTO webhook_delivery (tenant_id, channel_id, channel_type, dedupe_key, outcome)"
        + " SELECT tenant_id, id, type, 'seed-' || id, 'PROCESSED' FROM channel WHERE tenant_id = ?", shop.id());
    sql("INSERT INTO alert (id, tenant_id, type, severity, status, dedupe_key, product_id, message)"
        + " SELECT gen_random_uuid(), tenant_id, 'LOW_STOCK', 'WARNING', 'OPEN', 'low:' || id, id, 'low'"
        + " FROM product WHERE tenant_id = ? AND on_hand < 10", shop.id());
    return shop;
  }

  private static void awaitDeleted(Api platform, UUID id) {
    await().atMost(PURGE).pollInterval(Duration.ofMillis(250))
        .until(() -> platform.get("api/v1/tenants/" + id).json().getString("status"), "DELETED"::equals);
  }

  private static JsonObject purgedSummary(UUID tenant) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(
        "SELECT after::text FROM audit_entry WHERE tenant_id = ? AND action = 'tenant.purged'")) {
      ps.setObject(1, tenant);
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next(), "the purge is in the audit trail");
        try (var reader = Json.createReader(new StringReader(rs.getString(1)))) {
          return reader.readObject();
        }
      }
    }
  }

  private static List<String> auditActions(UUID tenant) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(
        "SELECT action FROM audit_entry WHERE tenant_id = ? ORDER BY id")) {
      ps.setObject(1, tenant);
      var actions = new ArrayList<String>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
      return actions;
    }
  }

  /** Rows of the tenant in a table as the purge sees them (the record of the deletion itself is kept). */
  private static long owned(String table, UUID tenant) throws SQLException {
    String where = switch (table) {
      case "idempotency_key" -> "scope = ?::text";
      case "audit_entry" -> "tenant_id = ? AND " + TenantPurge.KEPT_AUDIT;
      default -> "tenant_id = ?";
    };
    return count("SELECT count(*) FROM " + table + " WHERE " + where, tenant);
  }

  private static long rows(String table, UUID tenant) throws SQLException {
    return count("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", tenant);
  }

  private static long count(String sql, UUID tenant) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(sql)) {
      ps.setObject(1, tenant);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void sql(String sql, UUID tenant) throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement(sql)) {
      ps.setObject(1, tenant);
      ps.executeUpdate();
    }
  }
}
