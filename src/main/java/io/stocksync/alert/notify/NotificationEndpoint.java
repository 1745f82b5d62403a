package io.stocksync.alert.notify;

import java.time.OffsetDateTime;

/**
 * Where a tenant's alert notifications go, whether they can be signed, and until when the secret rotated away from
 * still signs them too (absent when no rotation is in its grace period). Secrets themselves are never shown.
 */
public record NotificationEndpoint(String notificationUrl, boolean hasSecret,
    OffsetDateTime previousSecretValidUntil) {}
