package io.stocksync.pipeline;

import io.stocksync.channel.webhook.VendorSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Shopify webhooks as Shopify sends them (trimmed to the fields that matter, same shapes), signed. */
record ShopifyEvents(String secret) {

  record Delivery(Map<String, String> headers, byte[] body) {}

  /** orders/create: one line of a variant we know only by SKU (orders carry variant ids, not inventory items). */
  Delivery orderCreated(String eventId, long orderId, String sku, long quantity) {
    String body = """
        {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","created_at":"%s","financial_status":"paid",
         "line_items":[{"id":%d,"variant_id":%d,"product_id":788032119674292922,"sku":"%s","quantity":%d,
         "current_quantity":%d,"name":"Item %s","price":"10.00"}]}"""
        .formatted(orderId, orderId, Instant.now(), orderId * 10, 40_000_000_000L + sku.hashCode(), sku, quantity,
            quantity, sku);
    return signed("orders/create", eventId, body, Instant.now());
  }

  /** orders/create whose line names only the variant (a product without a SKU on Shopify). */
  Delivery orderCreatedForVariant(String eventId, long orderId, long variantId, long quantity) {
    String body = """
        {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","created_at":"%s","financial_status":"paid",
         "line_items":[{"id":%d,"variant_id":%d,"product_id":788032119674292922,"sku":"","quantity":%d,
         "current_quantity":%d,"name":"Unlabelled item","price":"10.00"}]}"""
        .formatted(orderId, orderId, Instant.now(), orderId * 10, variantId, quantity, quantity);
    return signed("orders/create", eventId, body, Instant.now());
  }

  /** refunds/create with the returned units restocked. */
  Delivery refundCreated(String eventId, long orderId, String sku, long quantity) {
    String body = """
        {"id":%d,"order_id":%d,"created_at":"%s","restock":true,"refund_line_items":[{"id":%d,"quantity":%d,
         "restock_type":"return","line_item":{"id":%d,"variant_id":%d,"sku":"%s","quantity":%d}}]}"""
        .formatted(orderId + 1, orderId, Instant.now(), orderId + 2, quantity, orderId * 10,
            40_000_000_000L + sku.hashCode(), sku, quantity);
    return signed("refunds/create", eventId, body, Instant.now());
  }

  /** inventory_levels/update: the absolute level Shopify shows, as of {@code at}. */
  Delivery levelUpdated(String eventId, String inventoryItemId, long available, Instant at) {
    String body = """
        {"inventory_item_id":%s,"location_id":7001,"available":%d,"updated_at":"%s",
         "admin_graphql_api_id":"gid://shopify/InventoryLevel/7001?inventory_item_id=%s"}"""
        .formatted(inventoryItemId, available, at, inventoryItemId);
    return signed("inventory_levels/update", eventId, body, at);
  }

  private Delivery signed(String topic, String eventId, String body, Instant triggeredAt) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var headers = VendorSigner.shopifyHeaders(topic, eventId, bytes, secret);
    headers.put("X-Shopify-Triggered-At", triggeredAt.toString());
    return new Delivery(headers, bytes);
  }
}
