package io.stocksync.watcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookAllowanceTest {

  @Test
  void aBatchWithinTheMinutesAllowanceIsTakenWhole() {
    var grant = WebhookAllowance.grant(0, 100, 600);
    assertEquals(100, grant.granted());
    assertFalse(grant.crossedLimit());
  }

  @Test
  void theBatchThatReachesTheLimitIsCutThereAndSaysSoOnce() {
    var crossing = WebhookAllowance.grant(550, 100, 600);
    assertEquals(50, crossing.granted());
    assertTrue(crossing.crossedLimit());
    var exactlyUsedUp = WebhookAllowance.grant(600, 20, 600);
    assertEquals(0, exactlyUsedUp.granted());
    assertTrue(exactlyUsedUp.crossedLimit(), "the previous batch used the allowance exactly: this one defers first");
    var later = WebhookAllowance.grant(650, 20, 600);
    assertEquals(0, later.granted());
    assertFalse(later.crossedLimit(), "already over: no second notice in the same minute");
  }

  @Test
  void aBatchThatFitsExactlyIsNotDeferred() {
    var grant = WebhookAllowance.grant(500, 100, 600);
    assertEquals(100, grant.granted());
    assertFalse(grant.crossedLimit());
  }

  @Test
  void aUsedUpMinuteIsRememberedUntilItsEndOnly() {
    var allowance = new WebhookAllowance();
    var tenant = UUID.randomUUID();
    var end = Instant.parse("2026-11-24T06:01:00Z");
    assertFalse(allowance.usedUp(tenant, end.minusSeconds(30)));
    allowance.markUsedUp(tenant, end);
    assertTrue(allowance.usedUp(tenant, end.minusMillis(1)));
    assertFalse(allowance.usedUp(UUID.randomUUID(), end.minusMillis(1)), "only that tenant");
    assertFalse(allowance.usedUp(tenant, end), "the next minute starts afresh");
    assertFalse(allowance.usedUp(tenant, end.minusSeconds(1)), "and the entry is gone");
  }

  @Test
  void endedMinutesAreForgotten() {
    var allowance = new WebhookAllowance();
    var ended = UUID.randomUUID();
    var current = UUID.randomUUID();
    var now = Instant.parse("2026-11-24T06:00:30Z");
    allowance.markUsedUp(ended, now.minusSeconds(30));
    allowance.markUsedUp(current, now.plusSeconds(30));
    allowance.forgetEnded(now);
    assertFalse(allowance.usedUp(ended, now.minusSeconds(40)), "forgotten, whatever the clock says");
    assertTrue(allowance.usedUp(current, now));
  }
}
