package io.stocksync.channel.square;

import static io.stocksync.channel.webhook.Fixtures.body;
import static io.stocksync.channel.webhook.Fixtures.request;
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

class SquareWebhookFormatTest {

  private static final String KEY = "asdf1234-nwfCCQ3KBGNvz3eXXYlPRg";
  private static final String URL = "https://hooks.stocksync.example/webhooks/3c9d6a4e-square";

  private final SquareWebhookFormat format = new SquareWebhookFormat();

  private static WebhookRequest delivery(String fixture) {
    byte[] body = body("square", fixture);
    return request(VendorSigner.squareHeaders(URL, body, KEY), body, URL);
  }

  @Test
  void isTheSquareFormat() {
    assertEquals(ChannelType.SQUARE, format.type());
  }

  @Test
  void acceptsTheSignatureSquareComputesOverUrlAndBody() {
    assertTrue(format.verify(delivery("inventory-count-updated.json"), List.of(KEY)));
  }

  @Test
  void theNotificationUrlIsPartOfTheSignature() {
    byte[] body = body("square", "inventory-count-updated.json");
    var headers = VendorSigner.squareHeaders(URL, body, KEY);
    assertFalse(format.verify(request(headers, body, "http://internal-proxy:9080/webhooks/3c9d6a4e-square"),
        List.of(KEY)), "the URL as rebuilt behind a proxy does not verify");
    assertFalse(format.verify(request(headers, body, null), List.of(KEY)));
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = body("square", "inventory-count-updated.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"10\"", "\"99\"")
        .getBytes(StandardCharsets.UTF_8);
    assertFalse(format.verify(request(VendorSigner.squareHeaders(URL, body, KEY), tampered, URL), List.of(KEY)));
  }

  @Test
  void rejectsAnotherKey() {
    assertFalse(format.verify(delivery("inventory-count-updated.json"), List.of("another-key")));
  }

  @Test
  void acceptsThePreviousKeyDuringARotation() {
    byte[] body = body("square", "order-created.json");
    var request = request(VendorSigner.squareHeaders(URL, body, "old-key"), body, URL);
    assertTrue(format.verify(request, List.of(KEY, "old-key")));
  }

  @Test
  void readsTheHeaderInAnyCaseWithATrailingNewline() {
    byte[] body = body("square", "order-created.json");
    String signature = VendorSigner.square(URL, body, KEY) + "\n";
    assertTrue(format.verify(request(Map.of("X-Square-HmacSha256-Signature", signature), body, URL), List.of(KEY)));
  }

  @Test
  void theDeliveryIdIsTheEventIdInTheBody() {
    assertEquals("df5f3813-a913-45a1-94e9-fdc3f7d5e3b6", format.deliveryId(delivery("inventory-count-updated.json")));
  }

  @Test
  void eachInStockCountIsALevelOfItsVariation() {
    ChannelEvent event = format.parse(delivery("inventory-count-updated.json"));
    assertEquals(Kind.LEVEL, event.kind());
    assertEquals("df5f3813-a913-45a1-94e9-fdc3f7d5e3b6", event.eventId());
    assertEquals(List.of(
        new Line("FGQ5JJWT2PYTHF35CKZ4DS4R", null, 10, "YYQR6YAHBDC3J"),
        new Line("W62UWFY35CWMYGVWK6TWJDNI", null, 2, "YYQR6YAHBDC3J"),
        new Line("AII3CEFUYOMBV4TKVFNL4SGF", null, -4, "YYQR6YAHBDC3J")), event.lines(),
        "SOLD counts are not what can be sold; 2.75 units are 2 whole ones; oversold stays negative");
    assertEquals(Instant.parse("2026-03-01T18:38:46.5Z"), event.occurredAt(), "the latest calculated_at");
  }

  @Test
  void aNotificationCarriesUpToAHundredCounts() {
    ChannelEvent event = format.parse(delivery("inventory-count-updated-100.json"));
    assertEquals(100, event.lines().size());
    assertEquals(new Line("VARIATION099", null, 99, "YYQR6YAHBDC3J"), event.lines().get(99));
  }

  @Test
  void ordersAreNoStockEventsSinceTheyCarryNoLines() {
    assertEquals(ChannelEvent.ignored("116038d3-2948-439f-8679-fc86dbf80f69"), format.parse(delivery(
        "order-created.json")));
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("not json", "body is not JSON");
    assertMalformed("{\"type\":\"inventory.count.updated\"}", "event_id is missing");
    assertMalformed("{\"event_id\":\"e\",\"type\":\"inventory.count.updated\",\"data\":{\"type\":\"inventory\"}}",
        "object is missing");
    assertMalformed(counts("{\"state\":\"IN_STOCK\",\"catalog_object_id\":\"A\",\"quantity\":\"ten\"}"),
        "quantity is not a quantity");
    assertMalformed(counts("{\"state\":\"IN_STOCK\",\"catalog_object_id\":\"A\",\"quantity\":true}"),
        "quantity must be a number");
    assertMalformed(counts("{\"state\":\"IN_STOCK\",\"quantity\":\"1\"}"), "catalog_object_id is missing");
    assertMalformed(counts("{\"state\":\"IN_STOCK\",\"catalog_object_id\":\"A\",\"quantity\":\"1\","
        + "\"calculated_at\":\"yesterday\"}"), "calculated_at is not a timestamp");
    assertThrows(MalformedWebhookException.class, () -> format.deliveryId(request(Map.of(), new byte[0])));
  }

  private static String counts(String count) {
    return "{\"event_id\":\"e\",\"type\":\"inventory.count.updated\",\"data\":{\"object\":{\"inventory_counts\":["
        + count + "]}}}";
  }

  private void assertMalformed(String json, String message) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    var error = assertThrows(MalformedWebhookException.class, () -> format.parse(request(Map.of(), body, URL)));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
