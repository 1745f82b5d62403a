package io.stocksync.guardian;

import io.stocksync.channel.Channel;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.sync.StockWriters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Looks up a channel's client: the StockWriter of its type and its endpoint with decrypted credentials. */
@ApplicationScoped
public class ChannelClients {

  @Inject
  StockWriters writers;

  @Inject
  SecretCipher cipher;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** Empty when the channel is gone, belongs to another tenant, or its type has no writer (nothing to check). */
  public Optional<ChannelClient> of(UUID tenantId, UUID channelId) {
    var channel = em.find(Channel.class, channelId);
    if (channel == null || !channel.tenantId().equals(tenantId)) {
      return Optional.empty();
    }
    return writers.of(channel.type())
        .map(w -> new ChannelClient(channel.type(), w, endpoint(channel), channel.bufferStock()));
  }

  private ChannelEndpoint endpoint(Channel channel) {
    String credentials = channel.credentialsSealed() == null ? null
        : cipher.decrypt(channel.credentialsSealed(), channel.sealContext("credentials"));
    return new ChannelEndpoint(channel.id(), channel.apiBaseUrl(), credentials);
  }
}
