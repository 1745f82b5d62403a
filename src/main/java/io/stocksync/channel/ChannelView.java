package io.stocksync.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A channel as the API shows it: whether secrets are set, never the secrets. */
public record ChannelView(UUID id, ChannelType type, String displayName, String apiBaseUrl, int bufferStock,
    ChannelHealth health, boolean hasCredentials, boolean hasWebhookSecret, OffsetDateTime previousSecretValidUntil,
    OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

  public static ChannelView of(Channel c) {
    return new ChannelView(c.id(), c.type(), c.displayName(), c.apiBaseUrl(), c.bufferStock(), c.health(),
        c.credentialsSealed() != null, c.webhookSecretSealed() != null, c.previousSecretUntil(), c.createdAt(),
        c.updatedAt(), c.version());
  }
}
