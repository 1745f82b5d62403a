package io.stocksync.channel.square;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The occurred_at and idempotency_key of a batch-create. Square refuses a reused key whose body differs, and
 * occurred_at is part of the body: so a retry within {@link #REMEMBERED} reuses both (Square then answers the first
 * attempt's result instead of counting twice), while a later retry gets a fresh time and therefore a fresh key.
 */
final class SquareAttempts {

  static final Duration REMEMBERED = Duration.ofMinutes(10);
  private static final int MAX_ENTRIES = 10_000;

  record Attempt(String idempotencyKey, Instant occurredAt) {}

  private final Map<String, Attempt> recent = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Attempt> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** {@code pushKeys}: the pushes' own idempotency keys (or their content when they have none), in order. */
  synchronized Attempt of(List<String> pushKeys) {
    var batch = String.join("\n", pushKeys);
    var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    var known = recent.get(batch);
    if (known != null && known.occurredAt().plus(REMEMBERED).isAfter(now)) {
      return known;
    }
    var key = UUID.nameUUIDFromBytes((batch + "\n" + now).getBytes(StandardCharsets.UTF_8)).toString();
    var attempt = new Attempt(key, now);
    recent.remove(batch);
    recent.put(batch, attempt);
    return attempt;
  }
}
