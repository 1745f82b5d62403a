package io.stocksync.watcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsedUpMinutesTest {

  @Test
  void aUsedUpMinuteIsRememberedUntilItsEndOnly() {
    var minutes = new UsedUpMinutes();
    var tenant = UUID.randomUUID();
    var end = Instant.parse("2026-11-24T06:01:00Z");
    assertFalse(minutes.isUsedUp(tenant, end.minusSeconds(30)));
    minutes.remember(tenant, end);
    assertTrue(minutes.isUsedUp(tenant, end.minusMillis(1)));
    assertFalse(minutes.isUsedUp(UUID.randomUUID(), end.minusMillis(1)), "only that tenant");
    assertFalse(minutes.isUsedUp(tenant, end), "the next minute starts afresh");
    assertFalse(minutes.isUsedUp(tenant, end.minusSeconds(1)), "and the entry is gone");
  }

  @Test
  void endedMinutesAreForgotten() {
    var minutes = new UsedUpMinutes();
    var ended = UUID.randomUUID();
    var current = UUID.randomUUID();
    var now = Instant.parse("2026-11-24T06:00:30Z");
    minutes.remember(ended, now.minusSeconds(30));
    minutes.remember(current, now.plusSeconds(30));
    minutes.forgetEnded(now);
    assertFalse(minutes.isUsedUp(ended, now.minusSeconds(40)), "forgotten, whatever the clock says");
    assertTrue(minutes.isUsedUp(current, now));
  }

  @Test
  void deliveriesDeferredInAUsedUpMinuteAreKnownUntilItsEnd() {
    var minutes = new UsedUpMinutes();
    var tenant = UUID.randomUUID();
    var end = Instant.parse("2026-11-24T06:01:00Z");
    var during = end.minusSeconds(20);
    minutes.deferred(tenant, java.util.List.of(7L), during);
    assertFalse(minutes.wasDeferred(tenant, 7L, during), "not remembered while the minute is not used up");

    minutes.remember(tenant, end);
    minutes.deferred(tenant, java.util.List.of(7L, 8L), during);
    minutes.remember(tenant, end); // a later batch over the limit in the same minute keeps what was deferred
    assertTrue(minutes.wasDeferred(tenant, 8L, during));
    assertFalse(minutes.wasDeferred(tenant, 9L, during), "only those deferred");
    assertFalse(minutes.wasDeferred(UUID.randomUUID(), 8L, during), "only for that tenant");
    assertFalse(minutes.wasDeferred(tenant, 8L, end), "the next minute its message is processed");

    minutes.remember(tenant, end.plusSeconds(60));
    assertFalse(minutes.wasDeferred(tenant, 7L, end.plusSeconds(10)), "a new used-up minute starts empty");
  }
}
