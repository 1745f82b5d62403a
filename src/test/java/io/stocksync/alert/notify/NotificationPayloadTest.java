package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.alert.Alert;
import io.stocksync.alert.AlertType;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationPayloadTest {

  @Test
  void typeTimestampAndTheAlertAsTheApiShowsIt() {
    UUID id = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    var raisedAt = OffsetDateTime.parse("2026-11-23T12:00:00.123456Z");
    var alert = new Alert(id, AlertType.LOW_STOCK, "WARNING", "OPEN", "low-stock:" + product, product, null,
        "on-hand 3 is at or below the threshold 5", raisedAt, null, null);
    byte[] json = NotificationPayload.of("alert.raised", Instant.parse("2026-11-23T12:00:00.5Z"), alert).toJson();
    String text = new String(json, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\"type\":\"alert.raised\",\"timestamp\":"), text);
    var parsed = Json.createReader(new StringReader(text)).readObject();
    assertEquals("2026-11-23T12:00:00.500Z", parsed.getString("timestamp"));
    var data = parsed.getJsonObject("data");
    assertEquals(id.toString(), data.getString("id"));
    assertEquals("LOW_STOCK", data.getString("type"));
    assertEquals(product.toString(), data.getString("productId"));
    assertEquals("OPEN", data.getString("status"));
    assertFalse(data.containsKey("channelId"), "absent fields are left out, as in the API");
  }
}
