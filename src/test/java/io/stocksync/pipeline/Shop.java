package io.stocksync.pipeline;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import io.stocksync.teststack.Webhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant with one product on Shopify (buffer 0), WooCommerce (buffer 2) and Square (buffer 0), whose APIs are
 * the given stand-ins; item ids are unique per shop, so shops can share stand-ins.
 */
record Shop(TestTenant tenant, String product, String sku, String shopifyChannel, String shopifyItem,
    String wooChannel, String wooItem, String wooSecret, String squareChannel, String squareItem,
    ShopifyEvents events, Webhooks webhooks) {

  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

  static Shop open(URI base, String name, long onHand, ShopifyStandIn shopify, WooCommerceStandIn woo,
      SquareStandIn square) {
    var tenant = TestTenant.create(base, name, "ENTERPRISE");
    long id = IDS.addAndGet(10);
    String sku = "SKU-" + id;
    String product = tenant.product(sku, onHand);
    String secret = "shpss_" + id;
    String shopifyChannel = tenant.channel("SHOPIFY", "Shopify", 0, shopify.baseUrl(), ShopifyStandIn.TOKEN,
        secret);
    String wooSecret = "woo-" + id;
    String wooChannel = tenant.channel("WOOCOMMERCE", "Woo", 2, woo.baseUrl(), WooCommerceStandIn.credentials(),
        wooSecret);
    String squareChannel = tenant.channel("SQUARE", "Square", 0, square.baseUrl(), SquareStandIn.TOKEN,
        "sq-" + id);
    String shopifyItem = Long.toString(id + 1);
    String wooItem = Long.toString(id + 2);
    String squareItem = "SQ" + id;
    tenant.mapping(product, shopifyChannel, shopifyItem, ShopifyStandIn.LOCATION);
    tenant.mapping(product, wooChannel, wooItem);
    tenant.mapping(product, squareChannel, squareItem, SquareStandIn.LOCATION);
    shopify.setLevel(shopifyItem, onHand);
    woo.setLevel(wooItem, onHand - 2);
    square.setLevel(squareItem, onHand);
    return new Shop(tenant, product, sku, shopifyChannel, shopifyItem, wooChannel, wooItem, wooSecret,
        squareChannel, squareItem, new ShopifyEvents(secret), new Webhooks(base));
  }

  Api.Response deliver(ShopifyEvents.Delivery delivery) {
    return webhooks.post(shopifyChannel, delivery.headers(), delivery.body());
  }

  /** A webhook of this shop's WooCommerce store, signed as WooCommerce signs it. */
  Api.Response deliverWooCommerce(String topic, String deliveryId, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return webhooks.post(wooChannel, VendorSigner.wooCommerceHeaders(topic, deliveryId, body, wooSecret), body);
  }

  /** Orders {@code quantity} units on Shopify under a new event id. */
  Api.Response order(String eventId, long quantity) {
    return deliver(events.orderCreated(eventId, Math.abs((long) eventId.hashCode()), sku, quantity));
  }

  long onHand() {
    return tenant.onHand(product);
  }

  int movements() {
    int count = 0;
    String cursor = null;
    do {
      var page = tenant.user().get("api/v1/products/" + product + "/movements?limit=200"
          + (cursor == null ? "" : "&cursor=" + cursor)).json();
      count += page.getJsonArray("items").size();
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
    } while (cursor != null);
    return count;
  }

  /** The tenant's inbox rows in order, as "outcome event_kind" ("-" while the kind is not known yet). */
  List<String> inbox() throws SQLException {
    try (var c = TestStack.jdbc(); var ps = c.prepareStatement("SELECT outcome || ' ' || coalesce(event_kind, '-')"
        + " FROM webhook_delivery WHERE tenant_id = ? ORDER BY id")) {
      ps.setObject(1, tenant.id());
      var rows = new ArrayList<String>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }
}
