package io.stocksync.guardian;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When a tenant's reconciliations fall due: every interval, at an offset within the interval derived from the
 * tenant id, so that a thousand tenants on a 15-minute interval spread over the 15 minutes instead of all starting
 * on the quarter hour. A slot is identified by its start time, the same on every server.
 */
public final class ReconcileSlot {

  private ReconcileSlot() {}

  /** The tenant's offset within its interval, in seconds: stable for the tenant, spread across tenants. */
  static long offsetSeconds(UUID tenantId, int intervalMinutes) {
    long h = tenantId.getMostSignificantBits() ^ tenantId.getLeastSignificantBits();
    return Math.floorMod(h ^ (h >>> 32), intervalMinutes * 60L);
  }

  /** The start of the latest slot at or before {@code now}. */
  public static Instant current(UUID tenantId, int intervalMinutes, Instant now) {
    long interval = intervalMinutes * 60L;
    long offset = offsetSeconds(tenantId, intervalMinutes);
    long k = Math.floorDiv(now.getEpochSecond() - offset, interval);
    return Instant.ofEpochSecond(k * interval + offset);
  }

  /** A new tenant waits one full interval before its first run, so setting it up is not raced by a reconciliation. */
  public static boolean due(Instant slot, Instant tenantCreated, int intervalMinutes) {
    return !slot.isBefore(tenantCreated.plus(Duration.ofMinutes(intervalMinutes)));
  }
}
