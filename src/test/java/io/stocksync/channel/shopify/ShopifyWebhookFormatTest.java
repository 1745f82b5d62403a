package io.stocksync.channel.shopify;

import static io.stocksync.channel.webhook.Fixtures.body;
import static io.stocksync.channel.webhook.Fixtures.request;
import static io.stocksync.channel.webhook.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.ChannelEvent.Line;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.channel.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyWebhookFormatTest {

  private static final String SECRET = "hush-2a9f0c1e77b54b7d";
  private static final String OLD_SECRET = "hush-previous-0b6e";
  private static final String EVENT_ID = "98880550-7158-44d4-b7cd-2c97c8a091b5";

  private final ShopifyWebhookFormat format = new ShopifyWebhookFormat();

  private static Map<String, String> headers(String topic, byte[] body, String secret) {
    return VendorSigner.shopifyHeaders(topic, EVENT_ID, body, secret);
  }

  private static WebhookRequest delivery(String topic, String fixture) {
    byte[] body = body("shopify", fixture);
    return request(headers(topic, body, SECRET), body);
  }

  private static WebhookRequest untimed(String topic, String fixture) {
    byte[] body = body("shopify", fixture);
    return request(with(headers(topic, body, SECRET), "X-Shopify-Triggered-At", null), body);
  }

  @Test
  void isTheShopifyFormat() {
    assertEquals(ChannelType.SHOPIFY, format.type());
  }

  @Test
  void acceptsTheSignatureShopifyComputes() {
    assertTrue(format.verify(delivery("orders/create", "orders-create.json"), List.of(SECRET)));
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = body("shopify", "orders-create.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"quantity\": 2", "\"quantity\": 1")
        .getBytes(StandardCharsets.UTF_8);
    assertFalse(format.verify(request(headers("orders/create", body, SECRET), tampered), List.of(SECRET)));
  }

  @Test
  void rejectsAnotherSecret() {
    assertFalse(format.verify(delivery("orders/create", "orders-create.json"), List.of("someone-else")));
    assertFalse(format.verify(delivery("orders/create", "orders-create.json"), List.of()));
  }

  @Test
  void acceptsThePreviousSecretDuringARotation() {
    byte[] body = body("shopify", "orders-create.json");
    var request = request(headers("orders/create", body, OLD_SECRET), body);
    assertTrue(format.verify(request, List.of(SECRET, OLD_SECRET)));
    assertFalse(format.verify(request, List.of(SECRET)));
  }

  @Test
  void readsHeadersInAnyCaseWithOrWithoutPrefixAndTrailingNewline() {
    byte[] body = body("shopify", "orders-create.json");
    String signature = VendorSigner.shopify(body, SECRET) + "\n";
    assertTrue(format.verify(request(Map.of("x-shopify-hmac-sha256", signature), body), List.of(SECRET)));
    assertTrue(format.verify(request(Map.of("SHOPIFY-HMAC-SHA256", signature), body), List.of(SECRET)));
  }

  @Test
  void rejectsMissingOrGarbledSignaturesAndNeverSignsWithABlankSecret() {
    byte[] body = body("shopify", "orders-create.json");
    assertFalse(format.verify(request(Map.of(), body), List.of(SECRET)));
    assertFalse(format.verify(request(Map.of("X-Shopify-Hmac-Sha256", "%%%"), body), List.of(SECRET)));
    var signedWithNothing = request(Map.of("X-Shopify-Hmac-Sha256", VendorSigner.shopify(body, "")), body);
    assertFalse(format.verify(signedWithNothing, List.of("")));
  }

  @Test
  void theDeliveryIdIsTheEventIdElseTheWebhookId() {
    assertEquals(EVENT_ID, format.deliveryId(delivery("orders/create", "orders-create.json")));
    byte[] body = body("shopify", "orders-create.json");
    assertEquals("w-1", format.deliveryId(request(Map.of("Shopify-Webhook-Id", "w-1"), body)));
    var both = Map.of("shopify-event-id", "e-1", "X-Shopify-Webhook-Id", "w");
    assertEquals("e-1", format.deliveryId(request(both, body)));
    assertThrows(MalformedWebhookException.class, () -> format.deliveryId(request(Map.of(), body)));
  }

  @Test
  void anOrderSellsEachVariantWithExactIds() {
    ChannelEvent event = format.parse(delivery("orders/create", "orders-create.json"));
    assertEquals(Kind.ORDER, event.kind());
    assertEquals(EVENT_ID, event.eventId());
    assertEquals(Instant.parse("2026-03-01T15:15:31.877041743Z"), event.occurredAt());
    assertEquals(List.of(new Line("9007199254740993", "SKU2006-001", 2), new Line("49148385", null, 1)),
        event.lines(), "the gift wrapping line has neither variant nor SKU");
    assertEquals(Instant.parse("2026-03-01T15:15:30Z"), format.parse(untimed("orders/create", "orders-create.json"))
        .occurredAt(), "without X-Shopify-Triggered-At, the order's created_at");
  }

  @Test
  void aCancellationGivesBackWhatShopifyRestocked() {
    ChannelEvent event = format.parse(delivery("orders/cancelled", "orders-cancelled.json"));
    assertEquals(Kind.CANCEL, event.kind());
    assertEquals(List.of(new Line("9007199254740993", "SKU2006-001", 2)), event.lines(),
        "the coffee table was cancelled without restocking");
    assertEquals(Instant.parse("2026-03-01T17:00:00Z"), format.parse(untimed("orders/cancelled",
        "orders-cancelled.json")).occurredAt());
  }

  @Test
  void aCancellationWithoutRefundLinesGivesBackTheOrderedUnits() {
    ChannelEvent event = format.parse(delivery("orders/cancelled", "orders-cancelled-sample.json"));
    assertEquals(Kind.CANCEL, event.kind());
    assertEquals(List.of(new Line(null, "SKU2006-001", 1), new Line(null, "SKU2006-020", 3)), event.lines());
  }

  @Test
  void aRefundGivesBackOnlyReturnedUnits() {
    ChannelEvent event = format.parse(delivery("refunds/create", "refunds-create.json"));
    assertEquals(Kind.REFUND, event.kind());
    assertEquals(List.of(new Line("9007199254740993", "SKU2006-001", 1)), event.lines(),
        "no_restock stays out, and cancel lines belong to orders/cancelled");
  }

  @Test
  void aRefundWithoutRestockIsNoStockEvent() {
    byte[] body = """
        {"id":1,"order_id":2,"created_at":"2026-03-05T09:30:00-05:00","restock":false,
         "refund_line_items":[{"quantity":1,"restock_type":"no_restock","line_item":{"variant_id":3,"sku":"A"}}]}"""
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.IGNORED, format.parse(request(headers("refunds/create", body, SECRET), body)).kind());
  }

  @Test
  void anInventoryLevelIsAbsoluteAndKeyedByInventoryItem() {
    ChannelEvent event = format.parse(untimed("inventory_levels/update", "inventory-levels-update.json"));
    assertEquals(Kind.LEVEL, event.kind());
    assertEquals(List.of(new Line("9223372036854775000", null, -3, "24826418")), event.lines(),
        "the level is the item's at that location");
    assertEquals(Instant.parse("2026-03-01T15:15:31Z"), event.occurredAt());
  }

  @Test
  void anUntrackedItemHasNoLevel() {
    ChannelEvent event = format.parse(delivery("inventory_levels/update", "inventory-levels-update-untracked.json"));
    assertEquals(ChannelEvent.ignored(EVENT_ID), event);
  }

  @Test
  void otherTopicsAreIgnored() {
    ChannelEvent event = format.parse(delivery("orders/paid", "orders-create.json"));
    assertEquals(Kind.IGNORED, event.kind());
    assertNull(event.occurredAt());
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("orders/create", "{\"id\":1", "body is not JSON");
    assertMalformed("orders/create", "[1,2]", "body must be a JSON object");
    assertMalformed("orders/create", "{\"id\":1}", "line_items is missing");
    assertMalformed("orders/create", "{\"line_items\":[{\"variant_id\":1,\"quantity\":\"2\"}]}",
        "quantity must be an integer");
    assertMalformed("orders/create", "{\"line_items\":[{\"variant_id\":1.5,\"quantity\":2}]}",
        "variant_id must be an integer");
    assertMalformed("orders/create", "{\"line_items\":[{\"variant_id\":1,\"quantity\":-2}]}", "must not be negative");
    assertMalformed("inventory_levels/update", "{\"available\":3}", "inventory_item_id is missing");
    assertMalformed("inventory_levels/update", "{\"inventory_item_id\":99999999999999999999,\"available\":3}",
        "inventory_item_id is out of range");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    var noTopic = request(with(headers("orders/create", body, SECRET), "X-Shopify-Topic", null), body);
    assertEquals("X-Shopify-Topic is missing",
        assertThrows(MalformedWebhookException.class, () -> format.parse(noTopic)).getMessage());
  }

  private void assertMalformed(String topic, String json, String message) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    var error = assertThrows(MalformedWebhookException.class,
        () -> format.parse(request(headers(topic, body, SECRET), body)));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
