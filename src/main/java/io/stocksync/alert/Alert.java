package io.stocksync.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An alert as the API shows it. */
public record Alert(UUID id, AlertType type, String severity, String status, String key, UUID productId,
    UUID channelId, String message, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
    OffsetDateTime resolvedAt) {}
