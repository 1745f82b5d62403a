package io.stocksync.alert.notify;

/** Where a tenant's alert notifications go, and whether they can be signed (the secret itself is never shown). */
public record NotificationEndpoint(String notificationUrl, boolean hasSecret) {}
