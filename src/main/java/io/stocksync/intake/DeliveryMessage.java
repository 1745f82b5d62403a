package io.stocksync.intake;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.UUID;

/** The webhook queue's message (JSON, versioned): which inbox row to process, for whom, traced by request id. */
public record DeliveryMessage(int schema, long deliveryId, UUID tenantId, UUID channelId, String requestId) {

  public static final int SCHEMA = 1;
  private static final Jsonb JSONB = JsonbBuilder.create();

  public static DeliveryMessage of(long deliveryId, UUID tenantId, UUID channelId, String requestId) {
    return new DeliveryMessage(SCHEMA, deliveryId, tenantId, channelId, requestId);
  }

  public String toJson() {
    return JSONB.toJson(this);
  }

  public static DeliveryMessage fromJson(String json) {
    try {
      var m = JSONB.fromJson(json, DeliveryMessage.class);
      if (m.schema() != SCHEMA || m.tenantId() == null || m.deliveryId() <= 0) {
        throw new IllegalArgumentException("not a schema " + SCHEMA + " delivery message: " + json);
      }
      return m;
    } catch (JsonbException e) {
      throw new IllegalArgumentException("malformed delivery message: " + e.getMessage(), e);
    }
  }
}
