package io.stocksync.channel.woocommerce;

import static io.stocksync.channel.webhook.Fixtures.body;
import static io.stocksync.channel.webhook.Fixtures.request;
import static io.stocksync.channel.webhook.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class WooCommerceWebhookFormatTest {

  private static final String SECRET = "r1J3oVdY7GcN17TO2fN";
  private static final String DELIVERY = "6e1f1a2f0c1bd5a7b7b62f8ac4f8e3f1";

  private final WooCommerceWebhookFormat format = new WooCommerceWebhookFormat();

  private static Map<String, String> headers(String topic, byte[] body, String secret) {
    return VendorSigner.wooCommerceHeaders(topic, DELIVERY, body, secret);
  }

  private static WebhookRequest delivery(String topic, String fixture) {
    byte[] body = body("woocommerce", fixture);
    return request(headers(topic, body, SECRET), body);
  }

  private static WebhookRequest ping(String body) {
    return request(Map.of("Content-Type", "application/x-www-form-urlencoded"),
        body.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void isTheWooCommerceFormat() {
    assertEquals(ChannelType.WOOCOMMERCE, format.type());
  }

  @Test
  void acceptsTheSignatureWooCommerceComputes() {
    assertTrue(format.verify(delivery("order.created", "order-created.json"), List.of(SECRET)));
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = body("woocommerce", "order-created.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"quantity\": 2", "\"quantity\": 20")
        .getBytes(StandardCharsets.UTF_8);
    assertFalse(format.verify(request(headers("order.created", body, SECRET), tampered), List.of(SECRET)));
  }

  @Test
  void rejectsAnotherSecret() {
    assertFalse(format.verify(delivery("order.created", "order-created.json"), List.of("not-the-secret")));
  }

  @Test
  void acceptsThePreviousSecretDuringARotation() {
    byte[] body = body("woocommerce", "product-updated.json");
    var signedWithOld = request(headers("product.updated", body, "old-secret"), body);
    assertTrue(format.verify(signedWithOld, List.of(SECRET, "old-secret")));
  }

  @Test
  void acceptsTheEmptySecretWooCommerceAllows() {
    byte[] body = body("woocommerce", "order-created.json");
    var request = request(headers("order.created", body, ""), body);
    assertTrue(format.verify(request, List.of("")));
    assertFalse(format.verify(request, List.of(SECRET)), "an empty secret is only accepted when configured");
  }

  @Test
  void readsTheHeaderInAnyCaseWithATrailingNewline() {
    byte[] body = body("woocommerce", "order-created.json");
    var request = request(Map.of("x-wc-webhook-signature", VendorSigner.wooCommerce(body, SECRET) + "\r\n"), body);
    assertTrue(format.verify(request, List.of(SECRET)));
  }

  @Test
  void theCreationPingIsAcceptedUnsignedAndIgnored() {
    var ping = request(Map.of(), VendorSigner.wooCommercePing(12));
    assertTrue(format.verify(ping, List.of(SECRET)));
    assertEquals("ping-12", format.deliveryId(ping));
    assertEquals(ChannelEvent.ignored("ping-12"), format.parse(ping));
  }

  @Test
  void onlyTheExactPingShapeGoesUnsigned() {
    assertFalse(format.verify(ping("webhook_id=12&stock=0"), List.of(SECRET)));
    assertFalse(format.verify(ping("webhook_id="), List.of(SECRET)));
    assertFalse(format.verify(ping("{\"webhook_id\":12}"), List.of(SECRET)));
    byte[] body = body("woocommerce", "order-created.json");
    assertFalse(format.verify(request(Map.of("X-WC-Webhook-Topic", "order.created"), body), List.of(SECRET)));
  }

  @Test
  void theDeliveryIdIsWooCommercesHeader() {
    assertEquals(DELIVERY, format.deliveryId(delivery("order.created", "order-created.json")));
    byte[] body = body("woocommerce", "order-created.json");
    assertThrows(MalformedWebhookException.class, () -> format.deliveryId(request(Map.of(), body)));
  }

  @Test
  void anOrderSellsTheVariationElseTheProduct() {
    ChannelEvent event = format.parse(delivery("order.created", "order-created.json"));
    assertEquals(Kind.ORDER, event.kind());
    assertEquals(DELIVERY, event.eventId());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), event.occurredAt());
    assertEquals(List.of(new Line("93", "WOO-SINGLE-1", 2), new Line("23", "IDEA-BLACK-M", 1)), event.lines(),
        "a deleted product without SKU cannot be matched");
  }

  @Test
  void aCancelledOrderGivesItsUnitsBackOncePerOrder() {
    ChannelEvent event = format.parse(delivery("order.updated", "order-updated-cancelled.json"));
    assertEquals(Kind.CANCEL, event.kind());
    assertEquals("order-727-cancelled", event.eventId(), "a later edit of the cancelled order maps to the same id");
    assertEquals(Instant.parse("2026-03-02T08:00:00Z"), event.occurredAt());
    assertEquals(2, event.lines().size());
  }

  @Test
  void otherOrderUpdatesAreNoStockEvents() {
    var completed = delivery("order.updated", "order-updated-completed.json");
    assertEquals(ChannelEvent.ignored(DELIVERY), format.parse(completed));
  }

  @Test
  void aManagedProductReportsItsLevel() {
    ChannelEvent event = format.parse(delivery("product.updated", "product-updated.json"));
    assertEquals(Kind.LEVEL, event.kind());
    assertEquals(List.of(new Line("93", "WOO-SINGLE-1", 40)), event.lines());
    assertEquals(Instant.parse("2026-03-01T10:15:31Z"), event.occurredAt());
  }

  @Test
  void productsWithoutTheirOwnStockHaveNoLevel() {
    assertEquals(Kind.IGNORED, format.parse(delivery("product.updated", "product-updated-unmanaged.json")).kind());
    assertEquals(Kind.IGNORED,
        format.parse(delivery("product.updated", "product-updated-variation-parent-stock.json")).kind());
  }

  @Test
  void otherTopicsAreIgnored() {
    assertEquals(Kind.IGNORED, format.parse(delivery("customer.created", "order-created.json")).kind());
    assertEquals(Kind.IGNORED, format.parse(delivery("action.woocommerce_order_status_on-hold",
        "order-created.json")).kind());
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("order.created", "<html>", "body is not JSON");
    assertMalformed("order.created", "{\"id\":727}", "line_items is missing");
    assertMalformed("order.created", "{\"line_items\":[{\"product_id\":\"93\",\"quantity\":1}]}",
        "product_id must be an integer");
    assertMalformed("order.created", "{\"line_items\":[{\"product_id\":93}]}", "quantity is missing");
    assertMalformed("order.updated", "{\"status\":\"cancelled\",\"line_items\":[]}", "id is missing");
    assertMalformed("product.updated", "{\"id\":93,\"manage_stock\":true,\"stock_quantity\":\"lots\"}",
        "stock_quantity is not a quantity");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    var noTopic = request(with(headers("order.created", body, SECRET), "X-WC-Webhook-Topic", null), body);
    assertThrows(MalformedWebhookException.class, () -> format.parse(noTopic));
  }

  private void assertMalformed(String topic, String json, String message) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    var error = assertThrows(MalformedWebhookException.class,
        () -> format.parse(request(headers(topic, body, SECRET), body)));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
