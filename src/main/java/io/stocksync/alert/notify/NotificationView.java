package io.stocksync.alert.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One notification as the API shows it: id is the webhook-id the receiver saw (the same on every retry), status
 * PENDING, DELIVERED or FAILED, and every HTTP attempt made, oldest first.
 */
public record NotificationView(String id, UUID alertId, String type, String status, int rounds,
    OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, String lastError,
    List<Attempt> attempts) {

  /** One attempt: the receiver's HTTP status (absent when it did not answer), the error, the time it took. */
  public record Attempt(OffsetDateTime attemptedAt, Integer responseStatus, String error, Integer latencyMs) {}
}
