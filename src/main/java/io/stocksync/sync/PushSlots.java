package io.stocksync.sync;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of each tenant's channels this server is pushing to right now, against the tenant's limit, and which
 * channels were refused a slot (in the order they asked). A refused channel is handed back when a slot frees up,
 * so that it is woken then rather than polled.
 */
final class PushSlots {

  private record Tenant(int used, Set<UUID> waiting) {}

  private final ConcurrentHashMap<UUID, Tenant> tenants = new ConcurrentHashMap<>();

  /** Takes a slot for the channel if the tenant uses fewer than {@code limit}; else the channel waits for one. */
  boolean tryTake(UUID tenantId, UUID channelId, int limit) {
    boolean[] taken = {false};
    tenants.compute(tenantId, (id, t) -> {
      var waiting = t == null ? new LinkedHashSet<UUID>() : t.waiting();
      int used = t == null ? 0 : t.used();
      if (used < limit) {
        taken[0] = true;
        waiting.remove(channelId);
        return new Tenant(used + 1, waiting);
      }
      waiting.add(channelId);
      return new Tenant(used, waiting);
    });
    return taken[0];
  }

  /** Gives a slot back and answers the channel that waited longest for one, if any, for the caller to wake. */
  Optional<UUID> release(UUID tenantId) {
    UUID[] next = {null};
    tenants.computeIfPresent(tenantId, (id, t) -> {
      var it = t.waiting().iterator();
      if (it.hasNext()) {
        next[0] = it.next();
        it.remove();
      }
      int used = Math.max(0, t.used() - 1);
      return used == 0 && t.waiting().isEmpty() ? null : new Tenant(used, t.waiting());
    });
    return Optional.ofNullable(next[0]);
  }

  /** Slots the tenant uses on this server now. */
  int inUse(UUID tenantId) {
    var t = tenants.get(tenantId);
    return t == null ? 0 : t.used();
  }

  /** Tenants holding a slot or waiting for one: stays small, as a tenant is forgotten once it neither pushes nor waits. */
  int tenantsTracked() {
    return tenants.size();
  }
}
