package io.stocksync.tenant;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant as the API shows it, with the limits its tier gives. */
public record TenantView(UUID id, String name, Tier tier, TenantStatus status, TenantSettings settings,
    Limits limits, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

  public record Limits(int maxProducts, int maxChannels, int apiRequestsPerMinute, int webhooksPerMinute,
      int syncConcurrency) {}

  public static TenantView of(Tenant t) {
    Tier tier = t.tier();
    return new TenantView(t.id(), t.name(), tier, t.status(), t.settings(),
        new Limits(tier.maxProducts(), tier.maxChannels(), tier.apiRequestsPerMinute(), tier.webhooksPerMinute(),
            tier.syncConcurrency()),
        t.createdAt(), t.updatedAt(), t.version());
  }
}
