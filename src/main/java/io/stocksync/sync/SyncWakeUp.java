package io.stocksync.sync;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.UUID;

/** The sync queue's message (JSON, versioned): a channel of a tenant has levels waiting to be pushed. */
public record SyncWakeUp(int schema, UUID tenantId, UUID channelId, String requestId) {

  public static final int SCHEMA = 1;
  private static final Jsonb JSONB = JsonbBuilder.create();

  public static SyncWakeUp of(UUID tenantId, UUID channelId, String requestId) {
    return new SyncWakeUp(SCHEMA, tenantId, channelId, requestId);
  }

  public String toJson() {
    return JSONB.toJson(this);
  }

  public static SyncWakeUp fromJson(String json) {
    try {
      var m = JSONB.fromJson(json, SyncWakeUp.class);
      if (m.schema() != SCHEMA || m.tenantId() == null || m.channelId() == null) {
        throw new IllegalArgumentException("not a schema " + SCHEMA + " sync message: " + json);
      }
      return m;
    } catch (JsonbException e) {
      throw new IllegalArgumentException("malformed sync message: " + e.getMessage(), e);
    }
  }
}
