package io.stocksync.alert.notify;

import io.stocksync.alert.Alert;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The body of a notification, in the Standard Webhooks payload shape: type ("alert.raised" or "alert.resolved"),
 * timestamp (when the event happened, ISO 8601) and data (the alert as GET /api/v1/alerts/{id} shows it when sent).
 */
@JsonbPropertyOrder({"type", "timestamp", "data"})
public record NotificationPayload(String type, String timestamp, Alert data) {

  private static final Jsonb JSON = JsonbBuilder.create();

  public static NotificationPayload of(String eventType, Instant occurredAt, Alert alert) {
    return new NotificationPayload(eventType, occurredAt.toString(), alert);
  }

  public byte[] toJson() {
    return JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
  }
}
