package io.stocksync.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's tier for the hot path (every API call), cached briefly so a request costs no tenant lookup. A tier
 * change takes effect within {@link #TTL} on every server.
 */
@ApplicationScoped
public class TierLimits {

  static final Duration TTL = Duration.ofSeconds(30);

  @Inject
  TenantRepository tenants;

  private record Cached(Tier tier, Instant until) {}

  private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

  public int apiRequestsPerMinute(UUID tenantId) {
    return tier(tenantId).apiRequestsPerMinute();
  }

  /** Forgets a tenant's cached tier (after a change on this server). */
  public void evict(UUID tenantId) {
    cache.remove(tenantId);
  }

  public Tier tier(UUID tenantId) {
    Instant now = Instant.now();
    var cached = cache.get(tenantId);
    if (cached == null || cached.until().isBefore(now)) {
      Tier tier = tenants.find(tenantId).map(Tenant::tier).orElse(Tier.FREE);
      cached = new Cached(tier, now.plus(TTL));
      cache.put(tenantId, cached);
    }
    return cached.tier();
  }
}
