package io.stocksync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps at most one sync wake-up per tenant and channel waiting from this server. Sync reads every flag of the
 * channel when it takes a wake-up, so a waiting wake-up already covers flags set after it was sent; more of them
 * would each cost Sync a cycle that finds nothing left to push, and hold up the other tenants that share the
 * busy tenant's consumer. The wake-up may be taken by another server, which this one never hears of: wake-ups
 * held back behind it are sent after {@link #HOLD} anyway, so a flag waits at most that long for its wake-up.
 */
final class WakeUpCoalescer {

  static final Duration HOLD = Duration.ofMillis(200);

  record Key(UUID tenantId, UUID channelId) {}

  /** A wake-up sent at sentAt and not yet taken here; held = later wake-ups were held back behind it. */
  private record Waiting(long sentAt, boolean held) {}

  private final ConcurrentHashMap<Key, Waiting> waiting = new ConcurrentHashMap<>();
  private final long holdNanos = HOLD.toNanos();

  /** Whether to send a wake-up for the channel now (else one sent recently is still waiting and covers it). */
  boolean shouldSend(UUID tenantId, UUID channelId, long nowNanos) {
    boolean[] send = {false};
    waiting.compute(new Key(tenantId, channelId), (key, w) -> {
      if (w == null || nowNanos - w.sentAt() >= holdNanos) {
        send[0] = true;
        return new Waiting(nowNanos, false);
      }
      return w.held() ? w : new Waiting(w.sentAt(), true);
    });
    return send[0];
  }

  /** Sync took a wake-up for the channel here: it reads the flags next, so the next change needs a new one. */
  void taken(UUID tenantId, UUID channelId) {
    waiting.remove(new Key(tenantId, channelId));
  }

  /**
   * Channels whose held-back wake-ups are due (their waiting wake-up was not taken here within the hold: another
   * server took it, or the broker lost it); each is marked sent again, for the caller to send. Forgets waiting
   * wake-ups that held nothing back.
   */
  List<Key> due(long nowNanos) {
    var due = new ArrayList<Key>();
    waiting.forEach((key, w) -> {
      if (nowNanos - w.sentAt() < holdNanos) {
        return;
      }
      if (w.held()) {
        if (waiting.replace(key, w, new Waiting(nowNanos, false))) {
          due.add(key);
        }
      } else {
        waiting.remove(key, w);
      }
    });
    return due;
  }
}
