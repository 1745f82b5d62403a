package io.stocksync.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Channels, products, mappings, adjustments, the ledger and per-channel stock, as a shop uses them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void stockPerChannelFollowsTheLedger() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Ledger shop", "STARTER");
    String product = shop.product("TEE-RED-M", 20);
    String shopify = shop.channel("SHOPIFY", "Shopify", 2);
    String deliveroo = shop.channel("DELIVEROO", "Deliveroo", 25);
    shop.mapping(product, shopify, "gid://shopify/InventoryItem/1");
    shop.mapping(product, deliveroo, "PLU-77");

    var minus = shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"delta\":-5,\"note\":\"broken\"}");
    assertEquals(201, minus.status(), minus.body());
    assertEquals(20, minus.json().getJsonNumber("onHandBefore").longValue());
    assertEquals(15, minus.json().getJsonNumber("onHandAfter").longValue());
    var set = shop.admin().post("api/v1/products/" + product + "/adjustments", "{\"setTo\":12}");
    assertEquals(-3, set.json().getJsonNumber("delta").longValue());

    var p = shop.user().get("api/v1/products/" + product).json();
    assertEquals(12, p.getJsonNumber("onHand").longValue());
    var movements = shop.user().get("api/v1/products/" + product + "/movements").json().getJsonArray("items");
    assertEquals(3, movements.size(), "initial stock, delta, set");
    long sum = movements.stream().mapToLong(m -> ((JsonObject) m).getJsonNumber("delta").longValue()).sum();
    assertEquals(12, sum, "on-hand equals the sum of the ledger");
    assertTrue(movements.stream().allMatch(m -> "MANUAL".equals(((JsonObject) m).getString("reason"))));

    var stock = shop.user().get("api/v1/products/" + product + "/stock").json();
    var channels = stock.getJsonArray("channels");
    assertEquals(2, channels.size());
    for (var c : channels) {
      var ch = (JsonObject) c;
      long expected = ch.getString("channelType").equals("SHOPIFY") ? 10 : 0;
      assertEquals(expected, ch.getJsonNumber("expected").longValue(), "max(0, on-hand - buffer) on " + ch);
      assertTrue(!ch.containsKey("lastPushed") || ch.isNull("lastPushed"), "nothing pushed yet");
    }
    assertEquals(product, shop.user().get("api/v1/products/by-sku/TEE-RED-M").json().getString("id"));
  }

  @Test
  void secretsAreWriteOnlyAndEncryptedAtRest() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Secretive", "STARTER");
    String channel = shop.channel("WOOCOMMERCE", "Woo", 0);
    var shown = shop.admin().get("api/v1/channels/" + channel);
    assertFalse(shown.body().contains("token-of-Woo"), "credentials never returned");
    assertFalse(shown.body().contains("whsec-Woo"), "webhook secret never returned");
    assertTrue(shown.json().getBoolean("hasCredentials"));
    try (var c = TestStack.jdbc();
        var ps = c.prepareStatement("SELECT credentials_enc, webhook_secret_enc FROM channel WHERE id = ?::uuid")) {
      ps.setString(1, channel);
      try (var rs = ps.executeQuery()) {
        rs.next();
        for (int i = 1; i <= 2; i++) {
          String stored = new String(rs.getBytes(i), StandardCharsets.ISO_8859_1);
          assertFalse(stored.contains("token-of-Woo") || stored.contains("whsec-Woo"), "stored sealed");
          assertTrue(rs.getBytes(i).length > 12 + 16, "IV and tag present");
        }
      }
    }
    var rotated = shop.admin().post("api/v1/channels/" + channel + "/webhook-secret",
        "{\"webhookSecret\":\"whsec-new\",\"graceSeconds\":3600}");
    assertEquals(200, rotated.status(), rotated.body());
    assertFalse(rotated.json().isNull("previousSecretValidUntil"), "old secret accepted for the grace period");
  }

  @Test
  void listsFilterAndPageStablyWhileProductsArrive() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Lister", "STARTER");
    String channel = shop.channel("SQUARE", "Square", 0);
    for (int i = 0; i < 7; i++) {
      String id = shop.product("A-" + i, i);
      if (i % 2 == 0) {
        shop.mapping(id, channel, "sq-" + i);
      }
    }
    shop.product("B-1", 100);
    shop.admin().patch("api/v1/products/" + shop.user().get("api/v1/products/by-sku/A-6").json().getString("id"),
        "{\"lowStockThreshold\":10}");

    var skus = new ArrayList<String>();
    String cursor = null;
    boolean inserted = false;
    do {
      var page = shop.user().get("api/v1/products?skuPrefix=A-&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
          .json();
      page.getJsonArray("items").forEach(i -> skus.add(((JsonObject) i).getString("sku")));
      cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
      if (!inserted) {
        shop.product("A-0a", 1); // sorts into the page already read: must not shift later pages
        inserted = true;
      }
    } while (cursor != null);
    assertEquals(java.util.List.of("A-0", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6"), skus,
        "every product once, in SKU order, none skipped");

    var low = shop.user().get("api/v1/products?lowStock=true&skuPrefix=A-").json().getJsonArray("items");
    assertEquals(java.util.Set.of("A-0", "A-6"), low.stream().map(i -> ((JsonObject) i).getString("sku"))
        .collect(java.util.stream.Collectors.toSet()), "at or below own threshold, else the tenant default (0)");
    var onSquare = shop.user().get("api/v1/products?channelId=" + channel).json().getJsonArray("items");
    assertEquals(4, onSquare.size(), "only products mapped on the channel");
    assertEquals(400, shop.user().get("api/v1/products?limit=1000").status(), "limit is capped");
  }

  @Test
  void usersReadAdminsWriteAndEveryChangeIsAudited() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Roles", "STARTER");
    String product = shop.product("R-1", 1);
    assertEquals(403, shop.user().post("api/v1/products", "{\"sku\":\"X\",\"name\":\"x\"}").status());
    assertEquals(403, shop.user().delete("api/v1/products/" + product).status());
    assertEquals(200, shop.user().get("api/v1/products/" + product).status());

    var renamed = shop.admin().send(shop.admin().request("api/v1/products/" + product)
        .header("Content-Type", "application/json").header("X-Request-ID", "audit-trail-1")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Renamed\"}")));
    assertEquals(200, renamed.status(), renamed.body());
    var audit = shop.admin().get("api/v1/audit").json().getJsonArray("items");
    var entry = audit.stream().map(JsonObject.class::cast)
        .filter(a -> "product.update".equals(a.getString("action"))).findFirst().orElseThrow();
    assertEquals("audit-trail-1", entry.getString("requestId"));
    assertTrue(entry.getString("before").contains("Product R-1") && entry.getString("after").contains("Renamed"));
    assertTrue(entry.getString("actor").startsWith("tenant-admin@"));
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(a -> "product.create".equals(a.getString("action"))));

    assertEquals(204, shop.admin().delete("api/v1/products/" + product).status());
    assertEquals(404, shop.admin().get("api/v1/products/" + product).status());
  }

  @Test
  void duplicatesConflict() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Dupes", "STARTER");
    String product = shop.product("D-1", 1);
    String channel = shop.channel("WIX", "Wix", 0);
    var again = shop.admin().post("api/v1/products", "{\"sku\":\"D-1\",\"name\":\"again\"}");
    assertEquals(409, again.status());
    assertEquals("application/problem+json", again.header("Content-Type"));
    shop.mapping(product, channel, "wix-1");
    assertEquals(409, shop.admin().post("api/v1/mappings", "{\"productId\":\"" + product + "\",\"channelId\":\""
        + channel + "\",\"externalId\":\"wix-2\"}").status(), "one mapping per product and channel");
    assertEquals(409, shop.admin().delete("api/v1/channels/" + channel).status(), "channel still mapped");
  }

  @Test
  void shopifyIdsAreStoredBareAndAVariantLeadsToOneProduct() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Shopify ids", "STARTER");
    String tee = shop.product("GID-1", 1);
    String cap = shop.product("GID-2", 1);
    String shopify = shop.channel("SHOPIFY", "Shopify", 0);
    var created = shop.admin().post("api/v1/mappings", "{\"productId\":\"" + tee + "\",\"channelId\":\"" + shopify
        + "\",\"externalId\":\"gid://shopify/InventoryItem/808950810\",\"externalLocationId\":"
        + "\"gid://shopify/Location/655441491\",\"externalVariantId\":\"gid://shopify/ProductVariant/39072856\"}");
    assertEquals(201, created.status(), created.body());
    var view = created.json();
    assertEquals("808950810", view.getString("externalId"), "the form Shopify's order webhooks name it by");
    assertEquals("655441491", view.getString("externalLocationId"));
    assertEquals("39072856", view.getString("externalVariantId"));

    var sameItem = shop.admin().post("api/v1/mappings", "{\"productId\":\"" + cap + "\",\"channelId\":\""
        + shopify + "\",\"externalId\":\"808950810\"}");
    assertEquals(409, sameItem.status(), "the gid and the bare number are one item: " + sameItem.body());
    var sameVariant = shop.admin().post("api/v1/mappings", "{\"productId\":\"" + cap + "\",\"channelId\":\""
        + shopify + "\",\"externalId\":\"808950811\",\"externalVariantId\":\"39072856\"}");
    assertEquals(409, sameVariant.status(), sameVariant.body());
    assertEquals("application/problem+json", sameVariant.header("Content-Type"));

    String capMapping = shop.mapping(cap, shopify, "808950811");
    var relinked = shop.admin().put("api/v1/mappings/" + capMapping, "{\"externalId\":\"808950811\","
        + "\"externalVariantId\":\"gid://shopify/ProductVariant/39072856\"}");
    assertEquals(409, relinked.status(), "a variant taken by another mapping: " + relinked.body());
    var own = shop.admin().put("api/v1/mappings/" + view.getString("id"), "{\"externalId\":\"808950810\","
        + "\"externalVariantId\":\"39072856\"}");
    assertEquals(200, own.status(), "a mapping keeps its own variant: " + own.body());
  }
}
