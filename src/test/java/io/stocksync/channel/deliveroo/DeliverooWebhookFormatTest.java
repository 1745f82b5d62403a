package io.stocksync.channel.deliveroo;

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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliverooWebhookFormatTest {

  private static final String SECRET = "8a10a0d9-3366-4486-a945-36c804572373";
  private static final String GUID = "1499765769";

  private final DeliverooWebhookFormat format = new DeliverooWebhookFormat();

  private static WebhookRequest delivery(String fixture) {
    byte[] body = body("deliveroo", fixture);
    return request(VendorSigner.deliverooHeaders(GUID, body, SECRET), body);
  }

  @Test
  void isTheDeliverooFormat() {
    assertEquals(ChannelType.DELIVEROO, format.type());
  }

  @Test
  void acceptsTheSignatureDeliverooComputesOverGuidAndBody() {
    assertTrue(format.verify(delivery("order-new.json"), List.of(SECRET)));
  }

  @Test
  void theSequenceGuidIsPartOfTheSignature() {
    byte[] body = body("deliveroo", "order-new.json");
    var headers = with(VendorSigner.deliverooHeaders(GUID, body, SECRET), "X-Deliveroo-Sequence-Guid", "1499765770");
    assertFalse(format.verify(request(headers, body), List.of(SECRET)));
    var noGuid = with(headers, "X-Deliveroo-Sequence-Guid", null);
    assertFalse(format.verify(request(noGuid, body), List.of(SECRET)));
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = body("deliveroo", "order-new.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("PLU-1001", "PLU-1003")
        .getBytes(StandardCharsets.UTF_8);
    assertFalse(format.verify(request(VendorSigner.deliverooHeaders(GUID, body, SECRET), tampered), List.of(SECRET)));
  }

  @Test
  void rejectsAnotherSecret() {
    assertFalse(format.verify(delivery("order-new.json"), List.of("not-it")));
  }

  @Test
  void acceptsThePreviousSecretDuringARotation() {
    byte[] body = body("deliveroo", "order-new.json");
    var request = request(VendorSigner.deliverooHeaders(GUID, body, "old"), body);
    assertTrue(format.verify(request, List.of(SECRET, "old")));
  }

  @Test
  void readsHeadersInAnyCaseAndHexInEitherCaseWithATrailingNewline() {
    byte[] body = body("deliveroo", "order-new.json");
    String upperHex = VendorSigner.deliveroo(GUID, body, SECRET).toUpperCase(Locale.ROOT) + "\n";
    var headers = Map.of("x-deliveroo-sequence-guid", GUID, "X-DELIVEROO-HMAC-SHA256", upperHex);
    assertTrue(format.verify(request(headers, body), List.of(SECRET)));
  }

  @Test
  void theDeliveryIdIsTheSequenceGuid() {
    assertEquals(GUID, format.deliveryId(delivery("order-new.json")));
    assertThrows(MalformedWebhookException.class, () -> format.deliveryId(request(Map.of(), new byte[0])));
  }

  @Test
  void aNewOrderSellsEachItemByItsPlu() {
    ChannelEvent event = format.parse(delivery("order-new.json"));
    assertEquals(Kind.ORDER, event.kind());
    assertEquals(GUID, event.eventId());
    assertEquals(List.of(new Line("PLU-1001", null, 2), new Line("PLU-2002", null, 2)), event.lines());
    assertEquals(Instant.parse("2026-03-01T14:27:24Z"), event.occurredAt());
  }

  @Test
  void aCanceledOrderGivesItsItemsBack() {
    ChannelEvent event = format.parse(delivery("order-status-update-canceled.json"));
    assertEquals(Kind.CANCEL, event.kind());
    assertEquals(2, event.lines().size());
    assertEquals(Instant.parse("2026-03-01T14:35:34.865695Z"), event.occurredAt());
  }

  @Test
  void aRejectedOrderGivesItsItemsBack() {
    byte[] body = new String(body("deliveroo", "order-status-update-canceled.json"), StandardCharsets.UTF_8)
        .replace("\"status\": \"canceled\",\n      \"status_log\"", "\"status\": \"rejected\",\n      \"status_log\"")
        .getBytes(StandardCharsets.UTF_8);
    var request = request(VendorSigner.deliverooHeaders(GUID, body, SECRET), body);
    assertEquals(Kind.CANCEL, format.parse(request).kind());
  }

  @Test
  void otherStatusesAndEventsAreNoStockEvents() {
    assertEquals(ChannelEvent.ignored(GUID), format.parse(delivery("order-status-update-accepted.json")));
    byte[] rider = "{\"event\":\"rider.status_update\",\"body\":{\"order_id\":\"gb:1\",\"rider\":{}}}"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Kind.IGNORED, format.parse(request(VendorSigner.deliverooHeaders(GUID, rider, SECRET), rider)).kind());
  }

  @Test
  void malformedDeliveriesSayWhatIsWrong() {
    assertMalformed("", "body is not JSON");
    assertMalformed("{\"body\":{}}", "event is missing");
    assertMalformed("{\"event\":\"order.new\",\"body\":{}}", "order is missing");
    assertMalformed("{\"event\":\"order.new\",\"body\":{\"order\":{\"status\":\"placed\",\"items\":{}}}}",
        "items must be an array");
    assertMalformed("{\"event\":\"order.new\",\"body\":{\"order\":{\"status\":\"placed\",\"items\":[{\"pos_item_id\":"
        + "\"P\",\"quantity\":1.5}]}}}", "quantity must be an integer");
  }

  private void assertMalformed(String json, String message) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    var error = assertThrows(MalformedWebhookException.class,
        () -> format.parse(request(VendorSigner.deliverooHeaders(GUID, body, SECRET), body)));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}
