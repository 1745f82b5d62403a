package io.stocksync.platform.diagnostics;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The probe's JMS body (JSON, versioned). A poison probe is rejected by its listener on every delivery. */
public record ProbeMessage(int schema, UUID probeId, Instant sentAt, boolean poison, String requestId) {

  public static final int SCHEMA = 1;
  private static final Jsonb JSONB = JsonbBuilder.create();

  public ProbeMessage {
    Objects.requireNonNull(probeId, "probeId");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  public static ProbeMessage create(boolean poison, String requestId) {
    return new ProbeMessage(SCHEMA, UUID.randomUUID(), Instant.now(), poison, requestId);
  }

  public String toJson() {
    return JSONB.toJson(this);
  }

  public static ProbeMessage fromJson(String json) {
    try {
      ProbeMessage m = JSONB.fromJson(json, ProbeMessage.class);
      if (m.schema() != SCHEMA) {
        throw new IllegalArgumentException("unsupported probe schema " + m.schema());
      }
      return m;
    } catch (JsonbException | NullPointerException e) {
      throw new IllegalArgumentException("malformed probe message: " + e.getMessage(), e);
    }
  }
}
