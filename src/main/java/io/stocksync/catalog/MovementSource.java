package io.stocksync.catalog;

import java.util.UUID;

/** Where a movement came from: a channel's event, or nothing (manual), and the id that correlates it. */
public record MovementSource(UUID channelId, String externalEventId, String correlationId) {

  public static MovementSource manual(String correlationId) {
    return new MovementSource(null, null, correlationId);
  }
}
