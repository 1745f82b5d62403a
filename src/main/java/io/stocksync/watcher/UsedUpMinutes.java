package io.stocksync.watcher;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants that used up their minute, until the minute's end, as this server saw it: their further deliveries are
 * deferred one by one without reading a batch (a flood over the limit must cost less than what it is denied). Not
 * undone when the batch that used the minute up rolls back: at worst a delivery waits for the minute's end.
 */
final class UsedUpMinutes {

  private final ConcurrentHashMap<UUID, Instant> until = new ConcurrentHashMap<>();

  void remember(UUID tenantId, Instant minuteEnd) {
    until.put(tenantId, minuteEnd);
  }

  boolean isUsedUp(UUID tenantId, Instant now) {
    var end = until.get(tenantId);
    if (end == null) {
      return false;
    }
    if (!now.isBefore(end)) {
      until.remove(tenantId, end);
      return false;
    }
    return true;
  }

  /** Forgets the minutes that have ended (a tenant that went over once and sent nothing since). */
  void forgetEnded(Instant now) {
    until.values().removeIf(end -> !now.isBefore(end));
  }
}
