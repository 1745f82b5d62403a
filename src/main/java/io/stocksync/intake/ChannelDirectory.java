package io.stocksync.intake;

import io.stocksync.channel.Channel;
import io.stocksync.channel.ChannelType;
import io.stocksync.platform.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What intake needs to know of a channel (tenant, type, decrypted webhook secrets), cached briefly so that a
 * delivery costs no channel lookup or decryption. A rotated or changed secret applies within {@link #TTL}.
 */
@ApplicationScoped
public class ChannelDirectory {

  static final Duration TTL = Duration.ofSeconds(15);

  /** A channel as intake sees it: current secret first, then the previous one while its grace lasts. */
  public record Entry(UUID channelId, UUID tenantId, ChannelType type, List<String> secrets, String webhookUrl,
      Instant until) {}

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SecretCipher cipher;

  private final ConcurrentHashMap<UUID, Entry> cache = new ConcurrentHashMap<>();

  public Optional<Entry> find(UUID channelId, String webhookUrl) {
    Instant now = Instant.now();
    var cached = cache.get(channelId);
    if (cached != null && cached.until().isAfter(now)) {
      return Optional.of(cached);
    }
    var channel = em.find(Channel.class, channelId);
    if (channel == null) {
      cache.remove(channelId);
      return Optional.empty();
    }
    var entry = new Entry(channel.id(), channel.tenantId(), channel.type(), secrets(channel), webhookUrl,
        now.plus(TTL));
    cache.put(channelId, entry);
    return Optional.of(entry);
  }

  private List<String> secrets(Channel c) {
    var secrets = new ArrayList<String>();
    if (c.webhookSecretSealed() != null) {
      secrets.add(cipher.decrypt(c.webhookSecretSealed(), c.sealContext("webhook_secret")));
    }
    if (c.previousSecretSealed() != null && c.previousSecretUntil() != null
        && c.previousSecretUntil().isAfter(OffsetDateTime.now())) {
      secrets.add(cipher.decrypt(c.previousSecretSealed(), c.sealContext("webhook_secret")));
    }
    return List.copyOf(secrets);
  }
}
