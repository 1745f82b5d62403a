package io.stocksync.watcher;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants that used up their minute, until the minute's end, as this server saw it, with the deliveries it deferred
 * in that minute: a flood over the limit must cost less than what it is denied, so the first message over it defers
 * every waiting delivery of the tenant in one UPDATE and the messages of those deliveries then need no database at
 * all. Not undone when the batch that used the minute up rolls back: at worst a delivery waits for the minute's end.
 */
final class UsedUpMinutes {

  private record Minute(Instant end, Set<Long> deferred) {}

  private final ConcurrentHashMap<UUID, Minute> minutes = new ConcurrentHashMap<>();

  void remember(UUID tenantId, Instant minuteEnd) {
    minutes.compute(tenantId, (t, known) -> known != null && known.end().equals(minuteEnd) ? known
        : new Minute(minuteEnd, ConcurrentHashMap.newKeySet()));
  }

  boolean isUsedUp(UUID tenantId, Instant now) {
    return current(tenantId, now) != null;
  }

  /** Deliveries deferred in the tenant's used-up minute; to be told once their transaction has committed. */
  void deferred(UUID tenantId, Collection<Long> deliveryIds, Instant now) {
    var minute = current(tenantId, now);
    if (minute != null) {
      minute.deferred().addAll(deliveryIds);
    }
  }

  /** Whether this server deferred the delivery in the tenant's current used-up minute. */
  boolean wasDeferred(UUID tenantId, long deliveryId, Instant now) {
    var minute = current(tenantId, now);
    return minute != null && minute.deferred().contains(deliveryId);
  }

  /** Forgets the minutes that have ended (a tenant that went over once and sent nothing since). */
  void forgetEnded(Instant now) {
    minutes.values().removeIf(minute -> !now.isBefore(minute.end()));
  }

  private Minute current(UUID tenantId, Instant now) {
    var minute = minutes.get(tenantId);
    if (minute == null) {
      return null;
    }
    if (!now.isBefore(minute.end())) {
      minutes.remove(tenantId, minute);
      return null;
    }
    return minute;
  }
}
